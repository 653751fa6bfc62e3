package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API from the outside, over real HTTPS: bad input, sessions, cookies, roles, redirects. */
class RestApiIT extends SiteTestBase {
    Api admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = signedIn("admin");
    }

    /** A bad request answers with the status and a problem naming the field, and changes nothing. */
    private void refused(Api.Reply reply, int status, String field) throws Exception {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.isProblem(), "problem+json: " + reply.contentType());
        assertTrue(reply.body().contains("\"status\":" + status), reply.body());
        if (field != null) {
            assertTrue(reply.body().contains("\"field\":\"" + field + "\""), field + " named in " + reply.body());
        }
    }

    private String state() throws Exception {
        return admin.get("/api/centres").body() + admin.get("/api/audit/latest?limit=1").body().replaceAll(
                "\"at\":\"[^\"]*\"", "");
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsWritten() throws Exception {
        String before = state();
        refused(admin.post("/api/centres", "{\"code\":"), 400, "(body)");
        refused(admin.post("/api/centres", "not json at all"), 400, "(body)");
        refused(admin.post("/api/centres", "{\"code\":\"BAD-1\",\"name\":123}"), 400, "name");
        refused(admin.post("/api/centres", "{\"code\":42,\"name\":\"x\"}"), 400, "code");
        refused(admin.post("/api/centres", "{\"code\":\"BAD-1\"}"), 400, "name");
        Api.Reply empty = admin.post("/api/centres", "{}");
        refused(empty, 400, "code");
        refused(empty, 400, "name");
        refused(admin.post("/api/centres", "{\"code\":\"BAD-1\",\"name\":\"" + "长".repeat(101) + "\"}"), 400, "name");
        refused(admin.post("/api/centres", "{\"code\":\"BAD-1\",\"name\":\"x\",\"address\":\"" + "a".repeat(201) + "\"}"),
                400, "address");
        refused(admin.post("/api/centres", "{\"code\":\"BAD-1\",\"name\":\"x\",\"colour\":\"red\"}"), 400, "colour");
        refused(admin.post("/api/centres", "{\"code\":\"GZ-TH\",\"name\":\"重复\"}"), 409, "code");
        refused(admin.post("/api/terminals", "{\"code\":\"T-X\",\"name\":\"x\",\"kind\":\"ROBOT\"}"), 400, "kind");
        refused(admin.put("/api/centres/1/hours", "[{\"day\":\"MONDAY\",\"start\":\"11:00\",\"end\":\"09:00\"}]"), 400,
                "periods[0].end");
        refused(admin.post("/api/special-days", "{\"date\":\"2026-13-01\",\"name\":\"x\",\"open\":false}"), 400, "date");
        refused(admin.post("/api/accounts", "{\"username\":\"new.user\",\"displayName\":\"新\",\"roles\":[\"boss\"],"
                + "\"password\":\"Good-Pass-123\"}"), 400, "roles");
        assertEquals(before, state(), "nothing was written by the refused requests");
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        String before = state();
        refused(admin.get("/api/centres/99999"), 404, null);
        refused(admin.put("/api/centres/99999", "{\"code\":\"NF-1\",\"name\":\"x\"}"), 404, null);
        refused(admin.put("/api/centres/99999/detention-centres/1", "{}"), 404, null);
        refused(admin.post("/api/positions", "{\"centreId\":99999,\"code\":\"NF-P\",\"name\":\"x\"}"), 404, null);
        refused(admin.get("/api/accounts/nobody"), 404, null);
        refused(admin.get("/api/no-such-thing"), 404, null);
        refused(admin.get("/api/centres/not-a-number"), 404, null);
        assertEquals(before, state());
    }

    @Test
    void rolesAreCheckedOnTheServer() throws Exception {
        Api lawyer = signedIn("lawyer");
        refused(lawyer.get("/api/accounts"), 403, null);
        refused(lawyer.post("/api/centres", "{\"code\":\"L-1\",\"name\":\"x\"}"), 403, null);
        refused(lawyer.get("/api/audit/verify"), 403, null);
        assertEquals(200, lawyer.get("/api/me/lawyer").status());
        Api auditor = signedIn("auditor");
        assertEquals(200, auditor.get("/api/audit/verify").status());
        assertTrue(auditor.get("/api/audit/verify").body().contains("\"intact\":true"));
        refused(auditor.post("/api/centres", "{\"code\":\"A-1\",\"name\":\"x\"}"), 403, null);
        refused(site.api().get("/api/centres"), 401, null);
    }

    @Test
    void stateChangesNeedTheSessionsCsrfToken() throws Exception {
        Api.Reply r = admin.raw(HttpRequest.newBuilder(URI.create(admin.base() + "/api/centres"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"CSRF-1\",\"name\":\"x\"}")));
        refused(r, 403, null);
        assertTrue(r.body().contains("csrf"));
        Api.Reply wrong = admin.raw(HttpRequest.newBuilder(URI.create(admin.base() + "/api/centres"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"CSRF-1\",\"name\":\"x\"}")));
        refused(wrong, 403, null);
        assertFalse(admin.get("/api/centres").body().contains("CSRF-1"), "no centre was created");
    }

    @Test
    void sessionCookieIsHttpOnlySecureAndStrict() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(site.trust()).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(site.https() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"approver\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("HJSESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"), cookie);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void sessionsOutliveAFeatureBeingReconfigured() throws Exception {
        Api approver = signedIn("approver");
        assertEquals(200, approver.get("/api/bookings/pending").status());
        // Changing the booking configuration restarts its components and so the REST application.
        site.set("org.huijian.booking", "dailyLimitPerLawyer", "3");
        long end = System.currentTimeMillis() + 20_000;
        boolean seenAgain = false;
        while (System.currentTimeMillis() < end && !seenAgain) {
            Thread.sleep(500);
            Api.Reply r = approver.get("/api/bookings/pending");
            assertTrue(r.status() != 401, "the session survived: " + r);
            seenAgain = r.status() == 200 && System.currentTimeMillis() > end - 15_000;
        }
        assertEquals(200, approver.get("/api/session").status());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        Api approver = signedIn("approver");
        assertEquals(200, approver.get("/api/session").status());
        assertEquals(204, approver.delete("/api/session").status());
        refused(approver.get("/api/session"), 401, null);
        refused(approver.get("/api/centres"), 401, null);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() throws Exception {
        assertEquals(201, admin.post("/api/accounts", "{\"username\":\"lock.me\",\"displayName\":\"锁定测试\","
                + "\"roles\":[\"approver\"],\"password\":\"Lock-Test-2026\"}").status());
        Api api = site.api();
        for (int i = 1; i < 5; i++) {
            Api.Reply r = api.signIn("lock.me", "wrong-" + i);
            refused(r, 401, null);
            assertTrue(r.body().contains("invalid-credentials"), r.body());
        }
        Api.Reply locked = api.signIn("lock.me", "wrong-5");
        assertTrue(locked.body().contains("account-locked") && locked.body().contains("lockedUntil"), locked.body());
        Api.Reply evenRight = api.signIn("lock.me", "Lock-Test-2026");
        assertTrue(evenRight.body().contains("account-locked"), evenRight.body());
        assertEquals(200, admin.post("/api/accounts/lock.me/unlock", "{}").status());
        assertEquals(200, api.signIn("lock.me", "Lock-Test-2026").status());
    }

    @Test
    void lockingAnAccountEndsItsSessions() throws Exception {
        assertEquals(201, admin.post("/api/accounts", "{\"username\":\"leaver\",\"displayName\":\"离职人员\","
                + "\"roles\":[\"supervisor\"],\"password\":\"Leave-Test-2026\"}").status());
        Api leaver = site.api();
        assertEquals(200, leaver.signIn("leaver", "Leave-Test-2026").status());
        assertEquals(200, leaver.get("/api/centres").status());
        assertEquals(200, admin.post("/api/accounts/leaver/lock", "{\"reason\":\"离职\"}").status());
        refused(leaver.get("/api/centres"), 401, null);
        Api.Reply again = site.api().signIn("leaver", "Leave-Test-2026");
        assertTrue(again.body().contains("account-disabled"), again.body());
    }

    @Test
    void plainHttpGoesToHttps() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<Void> r = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + site.httpPort()
                + "/index.html")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(308, r.statusCode());
        assertEquals(site.https() + "/index.html", r.headers().firstValue("Location").orElseThrow());
        assertEquals(200, plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + site.httpPort()
                + "/api/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                "load balancers may check health over plain HTTP");
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        Api.Reply r = site.api().get("/api/openapi.json");
        assertEquals(200, r.status());
        for (String expected : new String[] { "\"openapi\":\"3.0.3\"", "\"/centres\"", "\"/centres/{id}/hours\"",
                "\"/session\"", "\"/audit/verify\"", "\"CentreSpec\"", "\"x-roles\"", "\"Problem\"" }) {
            assertTrue(r.body().contains(expected), expected + " in the OpenAPI document");
        }
    }

    @Test
    void theSameAccountsSignInToTheKarafConsole() throws Exception {
        String out = client("admin", PASSWORD, "huijian:status");
        assertTrue(out.contains("Centres") && out.contains("core"), out);
        String lawyer = client("lawyer", PASSWORD, "huijian:status");
        assertFalse(lawyer.contains("Centres"), "a lawyer has no console: " + lawyer);
        String wrong = client("admin", "wrong-password", "huijian:status");
        assertFalse(wrong.contains("Centres"), wrong);
    }

    /** Runs one command through bin/client (SSH) as the given user; returns everything it printed. */
    private static String client(String user, String password, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(site.home().resolve("bin/client").toString(), "-a",
                Integer.toString(site.sshPort()), "-u", user, "-p", password, "-r", "1", "-b")
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        return out;
    }

    /** Sends a CSV file to an import, as the web app does. */
    private static Api.Reply csv(Api api, String path, byte[] body, String type) throws Exception {
        return api.raw(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Content-Type", type)
                .header("Accept", "application/json").header("X-CSRF-Token", api.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void detaineesAreImportedFromCsvAllOrNothing() throws Exception {
        Api.Reply dc = admin.post("/api/detention-centres", "{\"code\":\"IT-IMPORT\",\"name\":\"导入测试看守所\"}");
        assertEquals(201, dc.status(), dc.body());
        long id = Long.parseLong(dc.body().replaceAll(".*?\"id\":(\\d+).*", "$1"));
        String detainees = "/api/detention-centres/" + id + "/detainees";
        String path = detainees + "/import";
        String audit = "/api/audit/latest?action=detainee.import&limit=1";
        String auditBefore = admin.get(audit).body();

        // Excel's CSV on Chinese Windows (GB18030) with two bad rows: a 400 naming each row and column, nothing stored.
        byte[] bad = ("监所编号,姓名,性别,案件编号,涉嫌罪名,诉讼阶段\r\nIT-1,张三,男,K-1,盗窃罪,侦查\r\nIT-2,,男,,,\r\n"
                + "IT-3,王五,X,,,\r\n").getBytes(java.nio.charset.Charset.forName("GB18030"));
        Api.Reply refused = csv(admin, path + "?dryRun=false&fileName=bad.csv", bad, "text/csv");
        refused(refused, 400, "name");
        for (String expected : new String[] { "\"line\":3,\"column\":\"姓名\",\"field\":\"name\",\"message\":\"is required\"",
                "\"line\":4,\"column\":\"性别\",\"field\":\"gender\"", "\"errorCount\":2", "nothing was imported" }) {
            assertTrue(refused.body().contains(expected), expected + " in " + refused.body());
        }
        assertEquals("[]", admin.get(detainees).body(), "not even the good row was stored");
        assertEquals(auditBefore, admin.get(audit).body(), "nor audited");

        // A good file (UTF-8 with BOM, English headings, a quoted comma): the dry run counts and stores nothing.
        byte[] good = ("\uFEFFcode,name,gender,caseNo,charge,stage\nIT-1,\"Zhang, San\",M,K-1,theft,INVESTIGATION\n"
                + "IT-2,李四,女,,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Reply preview = csv(admin, path + "?dryRun=true&fileName=good.csv", good, "text/csv");
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.body().contains("\"dryRun\":true") && preview.body().contains("\"detaineesCreated\":2")
                && preview.body().contains("\"casesCreated\":1"), preview.body());
        assertEquals("[]", admin.get(detainees).body(), "a dry run stores nothing");

        // Who may import, with what.
        refused(csv(signedIn("approver"), path + "?dryRun=false", good, "text/csv"), 403, null);
        refused(csv(admin, path + "?dryRun=false", good, "application/json"), 415, null);
        refused(csv(admin, path + "?dryRun=yes", good, "text/csv"), 400, "dryRun");
        refused(admin.raw(HttpRequest.newBuilder(URI.create(admin.base() + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(good))), 403, null);
        assertEquals("[]", admin.get(detainees).body());

        Api.Reply done = csv(admin, path + "?dryRun=false&fileName=good.csv", good, "text/csv; charset=utf-8");
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("\"dryRun\":false") && done.body().contains("\"encoding\":\"UTF-8\""), done.body());
        String stored = admin.get(detainees).body();
        assertTrue(stored.contains("\"Zhang, San\"") && stored.contains("\"IT-2\""), stored);
        String event = admin.get(audit).body();
        assertTrue(event.contains("\"target\":\"detention-centre:IT-IMPORT\"") && event.contains("good.csv"), event);

        // The same file again is refused in the default mode: both codes are on file.
        Api.Reply again = csv(admin, path + "?dryRun=true", good, "text/csv");
        refused(again, 400, "code");
        assertTrue(again.body().contains("\"errorCount\":2"), again.body());
    }

    @Test
    void healthAndCapabilities() throws Exception {
        Api.Reply health = site.api().get("/api/health");
        assertTrue(health.body().contains("\"status\":\"UP\"") && health.body().contains("\"database\":\"UP\"")
                && health.body().contains("\"features\":\"UP\""), health.body());
        Api.Reply caps = site.api().get("/api/capabilities");
        Matcher m = Pattern.compile("\"id\":\"core\"").matcher(caps.body());
        assertTrue(m.find(), caps.body());
    }
}
