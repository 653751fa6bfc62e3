package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Terminal credentials and the supervisor's meeting API on the assembled distribution, over HTTPS. */
class MeetingIT extends SiteTestBase {

    @Test
    void aSiteAdministratorIssuesAndRevokesATerminalsCredential() throws Exception {
        Api admin = signedIn("admin");
        String terminals = admin.get("/api/terminals").body();
        long terminal = Long.parseLong(terminals.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));

        Api.Reply issued = admin.post("/api/terminals/" + terminal + "/credential", "{}");
        assertEquals(201, issued.status(), issued.body());
        String secret = issued.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        assertTrue(secret.startsWith("hjt_") && secret.length() == 47, issued.body());

        String list = admin.get("/api/terminal-credentials").body();
        assertTrue(list.contains("\"terminalId\":" + terminal) && list.contains("\"issuedBy\":\"admin\""), list);
        assertFalse(list.contains(secret), "the secret is shown once only");
        assertEquals(200, signedIn("supervisor").get("/api/terminal-credentials").status());
        assertEquals(403, signedIn("lawyer").post("/api/terminals/" + terminal + "/credential", "{}").status());
        assertEquals(403, signedIn("supervisor").delete("/api/terminals/" + terminal + "/credential").status());

        Api.Reply revoked = admin.delete("/api/terminals/" + terminal + "/credential");
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(revoked.body().contains("\"revokedBy\":\"admin\""), revoked.body());
        Api.Reply again = admin.delete("/api/terminals/" + terminal + "/credential");
        assertEquals(409, again.status());
        assertTrue(again.isProblem() && again.body().contains("no credential in force"), again.body());
        assertEquals(404, admin.post("/api/terminals/999999/credential", "{}").status());
        assertTrue(admin.get("/api/audit/latest?action=terminal.credential.issue").body().contains("\"admin\""));
        assertTrue(admin.get("/api/audit/latest?action=terminal.credential.revoke").body().contains("\"admin\""));
    }

    /** A request as a kiosk sends it: its device secret as a bearer token, no cookie, no CSRF header. */
    static Api.Reply asTerminal(String secret, String method, String path) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.api().base()
                + path)).header("Authorization", "Bearer " + secret).header("Content-Type", "application/json");
        return site.api().raw(method.equals("GET") ? b.GET()
                : b.method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    }

    @Test
    void aKioskSignsInWithItsTerminalsCredentialAndDoesOnlyWhatATerminalMay() throws Exception {
        Api admin = signedIn("admin");
        String terminals = admin.get("/api/terminals").body();
        long terminal = Long.parseLong(terminals.replaceAll("(?s).*?\\{\"id\":(\\d+),[^}]*\"kind\":\"DETAINEE\".*", "$1"));
        String secret = admin.post("/api/terminals/" + terminal + "/credential", "{}").body()
                .replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");

        Api.Reply me = asTerminal(secret, "GET", "/api/terminal");
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains("\"terminalId\":" + terminal) && me.body().contains("\"kind\":\"DETAINEE\"")
                && me.body().contains("\"meetings\":[]"), me.body());
        Api.Reply noMeeting = asTerminal(secret, "POST", "/api/terminal/meetings/999999/ready");
        assertEquals(404, noMeeting.status(), "a forged meeting id: " + noMeeting.body());
        assertEquals(403, asTerminal(secret, "GET", "/api/accounts").status(), "a terminal is no administrator");
        assertEquals(403, asTerminal(secret, "GET", "/api/meetings").status(), "nor a supervisor");
        assertEquals(401, asTerminal("hjt_" + "A".repeat(43), "GET", "/api/terminal").status());
        assertEquals(401, asTerminal("not-a-secret", "GET", "/api/terminal").status());
        assertEquals(403, signedIn("lawyer").get("/api/terminal").status(), "a person's session is not a terminal");

        assertEquals(200, admin.delete("/api/terminals/" + terminal + "/credential").status());
        Api.Reply revoked = asTerminal(secret, "GET", "/api/terminal");
        assertEquals(401, revoked.status(), "a revoked credential stops at once");
        assertTrue(revoked.isProblem() && revoked.body().contains("not valid"), revoked.body());
    }

    @Test
    void theSupervisorsMeetingApiChecksRolesAndInput() throws Exception {
        Api supervisor = signedIn("supervisor");
        Api.Reply live = supervisor.get("/api/meetings");
        assertEquals(200, live.status(), live.body());
        assertTrue(live.body().startsWith("["), live.body());
        assertEquals(403, signedIn("lawyer").get("/api/meetings").status());
        assertEquals(401, site.api().get("/api/meetings").status());

        Api.Reply none = supervisor.post("/api/meetings/999999/terminate", "{\"reason\":\"测试\"}");
        assertEquals(404, none.status());
        assertTrue(none.isProblem(), none.body());
        Api.Reply noBody = supervisor.post("/api/meetings/999999/remind", "");
        assertEquals(400, noBody.status(), noBody.body());
        Api.Reply wrongType = supervisor.post("/api/meetings/999999/limit", "{\"minutes\":\"long\"}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.body().contains("minutes"), wrongType.body());
        assertTrue(site.api().get("/api/openapi.json").body().contains("/meetings/{id}/terminate"));
    }
}
