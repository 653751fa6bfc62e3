package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Booking over real HTTPS on the running distribution: 200 different lawyers ask for the last free
 * position, and for the last free detainee terminal, at the same moment; bad uploads and bad requests.
 */
class BookingIT extends SiteTestBase {
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final int LAWYERS = 200;
    static Api admin;
    static LocalDate day;
    static List<Api> lawyers = new ArrayList<>();
    static List<Long> lawyerIds = new ArrayList<>();
    static List<List<Long>> letters = new ArrayList<>();

    static long id(Api.Reply r) {
        Matcher m = ID.matcher(r.body());
        if (r.status() >= 300 || !m.find()) {
            throw new AssertionError("expected a created resource: " + r);
        }
        return Long.parseLong(m.group(1));
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    static Api.Reply upload(Api api, String kind, String name, byte[] content, String type) throws Exception {
        return api.raw(HttpRequest.newBuilder(URI.create(api.base() + "/api/documents?kind=" + kind + "&fileName=" + name))
                .header("Content-Type", type).header("X-CSRF-Token", api.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    static String idCard(int n) {
        return TestData.idCard(String.format("440106198501%02d%03d", 1 + n % 28, n % 1000));
    }

    @BeforeAll
    static void lawyersRegisterAndAreVerified() throws Exception {
        admin = signedIn("admin");
        String firms = site.api().get("/api/registrations/law-firms").body();
        long firm = Long.parseLong(firms.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        for (int i = 0; i < LAWYERS; i++) {
            String user = "it.lawyer" + i;
            Api.Reply r = site.api().post("/api/registrations", "{\"name\":\"测试律师" + i + "\",\"idCardNo\":\""
                    + idCard(i) + "\",\"licenceNo\":\"" + String.format("1440120159%07d", i) + "\",\"lawFirmId\":" + firm
                    + ",\"mobile\":\"13900139000\",\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(201, r.status(), r.body());
            long lawyerId = Long.parseLong(r.body().replaceAll(".*\"lawyerId\":(\\d+).*", "$1"));
            assertEquals(200, admin.post("/api/qualifications/" + lawyerId + "/verify", "{}").status());
            Api api = signedIn(user);
            lawyers.add(api);
            lawyerIds.add(lawyerId);
            letters.add(List.of(id(upload(api, "AUTHORISATION_LETTER", "a.pdf", PDF, "application/pdf")),
                    id(upload(api, "FIRM_LETTER", "b.pdf", PDF, "application/octet-stream"))));
        }
        day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
    }

    /** A centre with {@code positions} positions linked to a detention centre with {@code terminals} terminals. */
    static long[] place(String code, int positions, int terminals) throws Exception {
        long centre = id(admin.post("/api/centres", "{\"code\":\"" + code + "\",\"name\":\"测试中心" + code + "\"}"));
        long dc = id(admin.post("/api/detention-centres", "{\"code\":\"" + code + "-KSS\",\"name\":\"测试看守所" + code + "\"}"));
        assertEquals(204, admin.put("/api/centres/" + centre + "/detention-centres/" + dc, "{}").status());
        for (int i = 1; i <= positions; i++) {
            long p = id(admin.post("/api/positions", "{\"centreId\":" + centre + ",\"code\":\"" + code + "-P" + i
                    + "\",\"name\":\"机位" + i + "\"}"));
            id(admin.post("/api/terminals", "{\"code\":\"" + code + "-L" + i + "\",\"name\":\"律师分机" + i
                    + "\",\"kind\":\"LAWYER\",\"positionId\":" + p + "}"));
        }
        for (int i = 1; i <= terminals; i++) {
            id(admin.post("/api/terminals", "{\"code\":\"" + code + "-D" + i + "\",\"name\":\"在押分机" + i
                    + "\",\"kind\":\"DETAINEE\",\"detentionCentreId\":" + dc + "}"));
        }
        StringBuilder week = new StringBuilder("[");
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.length() > 1 ? "," : "").append("{\"day\":\"").append(d)
                    .append("\",\"start\":\"09:00\",\"end\":\"17:00\"}");
        }
        assertEquals(200, admin.put("/api/centres/" + centre + "/hours", week + "]").status());
        // A site-wide holiday tomorrow would close the centre: keep it open for the test.
        Api.Reply opening = admin.get("/api/centres/" + centre + "/opening?date=" + day);
        if (opening.body().equals("[]")) {
            admin.post("/api/special-days", "{\"date\":\"" + day + "\",\"name\":\"测试开放\",\"open\":true,\"centreId\":"
                    + centre + "}");
        }
        return new long[] { centre, dc };
    }

    /** One detainee and case per lawyer in the detention centre. */
    static List<long[]> detainees(long dc, String code) throws Exception {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < LAWYERS; i++) {
            long detainee = id(admin.post("/api/detainees", "{\"detentionCentreId\":" + dc + ",\"code\":\"" + code + "-"
                    + i + "\",\"name\":\"在押" + i + "\",\"gender\":\"MALE\"}"));
            long c = id(admin.post("/api/cases", "{\"caseNo\":\"IT-" + code + "-" + i + "\",\"detaineeId\":" + detainee
                    + ",\"charge\":\"盗窃罪\",\"stage\":\"TRIAL\"}"));
            out.add(new long[] { detainee, c });
        }
        return out;
    }

    /** Every lawyer asks at once for the same start (each for their own detainee); returns status → rule → count. */
    static Map<String, Integer> rush(long centre, List<long[]> detainees, String start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LAWYERS);
        CountDownLatch ready = new CountDownLatch(LAWYERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < LAWYERS; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return lawyers.get(n).post("/api/bookings", "{\"detaineeId\":" + detainees.get(n)[0] + ",\"caseId\":"
                        + detainees.get(n)[1] + ",\"centreId\":" + centre + ",\"date\":\"" + day
                        + "\",\"start\":\"" + start + "\",\"slots\":1,\"documentIds\":" + letters.get(n) + "}");
            }));
        }
        ready.await();
        go.countDown();
        Map<String, Integer> outcome = new TreeMap<>();
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            String key = r.status() == 201 ? "201" : r.status() + " " + r.body().replaceAll(".*\"rule\":\"([^\"]+)\".*", "$1");
            if (r.status() == 409) {
                assertTrue(r.isProblem() && r.body().contains("\"detail\":\"")
                        && r.body().contains("\"type\":\"https://huijian.org/problems/booking-refused\"")
                        && r.body().contains("\"instance\":\"/api/bookings\""), "a clear reason: " + r.body());
            }
            outcome.merge(key, 1, Integer::sum);
        }
        pool.shutdown();
        return outcome;
    }

    @Test
    void twoHundredLawyersForTheLastPosition() throws Exception {
        long[] place = place("ITP", 1, 3);
        List<long[]> detainees = detainees(place[1], "ITP");
        Map<String, Integer> outcome = rush(place[0], detainees, "10:00");
        assertEquals(Map.of("201", 1, "409 slot-taken", LAWYERS - 1), outcome);
        String slots = admin.get("/api/availability?centreId=" + place[0] + "&detentionCentreId=" + place[1]
                + "&date=" + day).body();
        assertTrue(slots.contains("\"start\":\"" + day + "T10:00:00\",\"end\":\"" + day + "T11:00:00\",\"freePositions\":0"),
                slots);
    }

    @Test
    void twoHundredLawyersForTheLastDetaineeTerminal() throws Exception {
        long[] place = place("ITT", 5, 1);
        List<long[]> detainees = detainees(place[1], "ITT");
        Map<String, Integer> outcome = rush(place[0], detainees, "14:00");
        assertEquals(Map.of("201", 1, "409 no-detainee-terminal", LAWYERS - 1), outcome);
    }

    @Test
    void aBarAssociationRegistryFileDecidesAsLawyersRegister() throws Exception {
        String firms = site.api().get("/api/registrations/law-firms").body();
        long firm = Long.parseLong(firms.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String firmName = firms.replaceAll("(?s).*?\"name\":\"([^\"]+)\".*", "$1");
        java.nio.file.Path file = site.home().resolve("etc").resolve("lawyer-registry.csv");
        java.nio.file.Files.write(file, ("执业证号,姓名,律师事务所,执业状态\r\n14401201599000001,登记律师甲," + firmName
                + ",执业\r\n14401201599000002,登记律师乙,,吊销\r\n").getBytes(java.nio.charset.Charset.forName("GB18030")));
        site.set("org.huijian.booking.registry.csv", "file", file.toString());
        Thread.sleep(5_000); // Karaf's file watcher picks the configuration up
        String[] names = { "登记律师甲", "登记律师乙" };
        String[] replies = new String[2];
        for (int i = 0; i < 2; i++) {
            Api.Reply r = site.api().post("/api/registrations", "{\"name\":\"" + names[i] + "\",\"idCardNo\":\""
                    + idCard(900 + i) + "\",\"licenceNo\":\"1440120159900000" + (i + 1) + "\",\"lawFirmId\":" + firm
                    + ",\"mobile\":\"13900139000\",\"username\":\"registry.lawyer" + i + "\",\"password\":\""
                    + PASSWORD + "\"}");
            assertEquals(201, r.status(), r.body());
            replies[i] = r.body();
        }
        assertTrue(replies[0].contains("\"status\":\"VERIFIED\"") && replies[0].contains("csv-registry"), replies[0]);
        assertTrue(replies[1].contains("\"status\":\"SUSPENDED\"") && replies[1].contains("吊销"), replies[1]);
    }

    @Test
    void lawyersReadTheSitesBookingPolicyAndStrangersDoNot() throws Exception {
        Api.Reply policy = lawyers.get(0).get("/api/booking-policy");
        assertEquals(200, policy.status(), policy.body());
        for (String expected : List.of("\"zone\":\"Asia/Shanghai\"", "\"cancelCutoffHours\":24", "\"slotMinutes\":60",
                "\"windowDays\":")) {
            assertTrue(policy.body().contains(expected), expected + " in " + policy.body());
        }
        assertEquals(401, site.api().get("/api/booking-policy").status());
    }

    @Test
    void badUploadsAndBadRequestsAreRefusedAndNothingIsStored() throws Exception {
        Api lawyer = lawyers.get(0);
        Api.Reply notPdf = upload(lawyer, "AUTHORISATION_LETTER", "fake.pdf", "<html>hello</html>".getBytes(), "application/pdf");
        assertEquals(400, notPdf.status());
        assertTrue(notPdf.body().contains("\"field\":\"content\"") && notPdf.body().contains("not a PDF"), notPdf.body());
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Api.Reply oversized = upload(lawyer, "AUTHORISATION_LETTER", "big.pdf", big, "application/pdf");
        assertEquals(400, oversized.status());
        assertTrue(oversized.body().contains("larger than"), oversized.body());
        Api.Reply badKind = upload(lawyer, "PHOTO", "x.pdf", PDF, "application/pdf");
        assertEquals(400, badKind.status());
        assertTrue(badKind.body().contains("\"field\":\"kind\""));

        Api.Reply badId = site.api().post("/api/registrations", "{\"name\":\"张三\",\"idCardNo\":\"440106198501010011\","
                + "\"licenceNo\":\"123\",\"lawFirmId\":1,\"mobile\":\"139\",\"username\":\"zhang.san\",\"password\":\""
                + PASSWORD + "\"}");
        assertEquals(400, badId.status());
        for (String field : List.of("idCardNo", "licenceNo", "mobile")) {
            assertTrue(badId.body().contains("\"field\":\"" + field + "\""), field + " in " + badId.body());
        }
        assertEquals(404, admin.get("/api/accounts/zhang.san").status(), "nothing was created");

        String past = "{\"detaineeId\":1,\"caseId\":1,\"centreId\":1,\"date\":\"" + LocalDate.now().minusDays(1)
                + "\",\"start\":\"09:30\",\"documentIds\":" + letters.get(0) + "}";
        Api.Reply inThePast = lawyer.post("/api/bookings", past);
        assertTrue(inThePast.status() == 409 || inThePast.status() == 400, inThePast.body());
        Api.Reply badTime = lawyer.post("/api/bookings", "{\"detaineeId\":1,\"caseId\":1,\"centreId\":1,\"date\":\""
                + day + "\",\"start\":\"25:99\"}");
        assertEquals(400, badTime.status());
        assertTrue(badTime.body().contains("\"field\":\"start\""), badTime.body());
    }
}
