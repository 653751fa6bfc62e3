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

    /** The first terminal of a kind in the demo site. */
    static long firstTerminal(Api admin, String kind) throws Exception {
        return Long.parseLong(admin.get("/api/terminals").body()
                .replaceAll("(?s).*?\\{\"id\":(\\d+),[^}]*\"kind\":\"" + kind + "\".*", "$1"));
    }

    /** Issues a terminal a new credential; its secret. */
    static String issue(Api admin, long terminal) throws Exception {
        return admin.post("/api/terminals/" + terminal + "/credential", "{}").body()
                .replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
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
        long terminal = firstTerminal(admin, "DETAINEE");
        String secret = issue(admin, terminal);

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

    /** A signalling connection as a kiosk's page opens it, collecting what the server says. */
    static final class Socket implements java.net.http.WebSocket.Listener {
        final java.util.concurrent.LinkedBlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        java.net.http.WebSocket ws;

        static Socket open() throws Exception {
            Socket s = new Socket();
            s.ws = java.net.http.HttpClient.newBuilder().sslContext(site.trust()).build().newWebSocketBuilder()
                    .buildAsync(java.net.URI.create(site.api().base().replace("https://", "wss://") + "/ws/terminal"), s)
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            return s;
        }

        void say(String json) throws Exception {
            ws.sendText(json, true).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }

        String next() throws Exception {
            String m = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("the server said nothing in 10 s");
            }
            return m;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                heard.add(partial.toString());
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
            closed.complete(code);
            return null;
        }
    }

    @Test
    void aKioskSaysHelloOnTheSignallingSocketAndMalformedMessagesChangeNothing() throws Exception {
        Api admin = signedIn("admin");
        long terminal = firstTerminal(admin, "LAWYER");
        String secret = issue(admin, terminal);

        Socket kiosk = Socket.open();
        kiosk.say("{\"type\":\"hello\",\"secret\":\"" + secret + "\"}");
        String welcome = kiosk.next();
        assertTrue(welcome.contains("\"type\":\"welcome\"") && welcome.contains("\"terminalId\":" + terminal)
                && welcome.contains("\"meetings\":[]"), welcome);
        kiosk.say("{\"type\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", kiosk.next());
        String online = admin.get("/api/terminal-presence").body();
        assertTrue(online.contains("\"terminalId\":" + terminal + ",") && online.contains("\"connections\":1"), online);
        assertEquals(403, signedIn("lawyer").get("/api/terminal-presence").status());
        kiosk.say("{\"type\":\"watch\",\"meetingId\":1}");
        assertTrue(kiosk.next().contains("only a supervisor's console watches"));
        kiosk.say("{\"type\":\"ready\",\"meetingId\":\"x\"}");
        String bad = kiosk.next();
        assertTrue(bad.contains("\"type\":\"error\"") && bad.contains("\"field\":\"meetingId\""), bad);
        kiosk.say("{\"type\":\"connect\",\"meetingId\":999999}");
        String forged = kiosk.next();
        assertTrue(forged.contains("\"type\":\"error\"") && forged.contains("not-found"), forged);
        kiosk.say("{\"type\":\"signal\",\"meetingId\":999999,\"channel\":\"call\",\"kind\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");
        assertTrue(kiosk.next().contains("not a live meeting of this terminal"));
        kiosk.say("{\"type\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", kiosk.next(), "the connection is still up after bad messages");

        Socket stranger = Socket.open();
        stranger.say("{\"type\":\"ready\",\"meetingId\":1}");
        assertEquals(4401, stranger.closed.get(10, java.util.concurrent.TimeUnit.SECONDS), "nothing before hello");
        Socket forger = Socket.open();
        forger.say("{\"type\":\"hello\",\"secret\":\"hjt_" + "B".repeat(43) + "\"}");
        assertEquals(4401, forger.closed.get(10, java.util.concurrent.TimeUnit.SECONDS), "a wrong secret");
        Socket silent = Socket.open();
        assertEquals(4401, silent.closed.get(20, java.util.concurrent.TimeUnit.SECONDS), "no hello within 10 s");
        kiosk.say("{\"type\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", kiosk.next(), "the signed-in kiosk is untouched by all that");
        kiosk.ws.sendClose(1000, "bye").get(10, java.util.concurrent.TimeUnit.SECONDS);
        for (int i = 0; i < 40 && admin.get("/api/terminal-presence").body().contains("\"terminalId\":" + terminal + ","); i++) {
            Thread.sleep(250);
        }
        assertFalse(admin.get("/api/terminal-presence").body().contains("\"terminalId\":" + terminal + ","),
                "offline once its connection closed");
    }

    @Test
    void aSupervisorsConsoleOpensTheSocketWithAOneTimeTicketAndMayOnlyWatch() throws Exception {
        Api supervisor = signedIn("supervisor");
        Api.Reply issued = supervisor.post("/api/meetings/monitor-ticket", "{}");
        assertEquals(200, issued.status(), issued.body());
        String ticket = issued.body().replaceAll(".*\"ticket\":\"([^\"]+)\".*", "$1");
        assertTrue(ticket.startsWith("hjm_"), issued.body());
        assertEquals(403, signedIn("lawyer").post("/api/meetings/monitor-ticket", "{}").status());
        assertEquals(403, signedIn("approver").post("/api/meetings/monitor-ticket", "{}").status());

        Socket console = Socket.open();
        console.say("{\"type\":\"hello\",\"secret\":\"" + ticket + "\"}");
        String welcome = console.next();
        assertTrue(welcome.contains("\"type\":\"welcome\"") && welcome.matches(".*\"watcher\":\"w\\d+\".*"), welcome);
        console.say("{\"type\":\"ready\",\"meetingId\":1}");
        assertTrue(console.next().contains("a console cannot ready"));
        console.say("{\"type\":\"watch\",\"meetingId\":999999}");
        assertTrue(console.next().contains("no such meeting"));
        console.say("{\"type\":\"signal\",\"meetingId\":999999,\"channel\":\"monitor\",\"kind\":\"answer\","
                + "\"peer\":\"lawyer\",\"sdp\":\"v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\n\"}");
        assertTrue(console.next().contains("video only"), "audio towards a console is refused before anything else");

        Socket again = Socket.open();
        again.say("{\"type\":\"hello\",\"secret\":\"" + ticket + "\"}");
        assertEquals(4401, again.closed.get(10, java.util.concurrent.TimeUnit.SECONDS), "a ticket works once");
        console.ws.sendClose(1000, "bye").get(10, java.util.concurrent.TimeUnit.SECONDS);
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
