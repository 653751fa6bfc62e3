package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huijian.itests.DocumentsIT.Reply;
import org.junit.jupiter.api.Test;

/**
 * The meeting transcript (会见笔录) on the assembled distribution, over real HTTPS as the kiosks call it: the lawyer
 * terminal of a live meeting writes (versioned saves; a stale one is 409 with the current text), submits; the detainee
 * terminal reads it and signs — refused for an empty signature, a dot, an oversized body, the wrong terminal — on the
 * simulated signature pad; the server seals it (PDF/A, PAdES); supervisors download it (audited); the verification
 * says valid, and invalid after one changed byte; an unsigned transcript sent to print is refused with nothing
 * changed; the sealed one prints on the simulated printer beside the lawyer terminal, which writes the very PDF.
 */
class TranscriptIT extends SiteTestBase {

    @Test
    void writtenSubmittedSignedSealedVerifiedAndPrintedAndRefusedClearlyWhenItMustBe() throws Exception {
        ZoneOffset zone = LiveMeetings.prepare(site, 5);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        long centre = LiveMeetings.openCentre(admin, start, 30);
        LiveMeetings.Booked a = LiveMeetings.book(admin, centre, start, "TR-1");
        String lawyer = MeetingIT.issue(admin, a.lawyerTerminal());
        String detainee = MeetingIT.issue(admin, a.detaineeTerminal());
        String otherLawyer = MeetingIT.issue(admin, LiveMeetings.otherLawyerTerminal(admin, a.lawyerTerminal()));
        String base = "/api/meetings/" + a.meeting() + "/transcript";
        assertTrue(admin.get("/api/capabilities").body().contains("\"transcript\""), "the capability is announced");

        // A simulated printer beside the lawyer terminal and a simulated pad at the detainee terminal, installed as a
        // site would: their features and a configuration each.
        String lawyerCode = DocumentsIT.terminalCode(admin, a.lawyerTerminal());
        String detaineeCode = DocumentsIT.terminalCode(admin, a.detaineeTerminal());
        Path printed = site.home().resolve("itest-printed");
        Files.writeString(site.home().resolve("etc/org.huijian.driver.simprinter-itest.cfg"), "id = itest-printer\n"
                + "terminal = " + lawyerCode + "\nfolder = " + printed.toString().replace("\\", "/") + "\nprintMillis = 200\n");
        Files.writeString(site.home().resolve("etc/org.huijian.driver.simpad-itest.cfg"), "id = itest-pad\n"
                + "terminal = " + detaineeCode + "\nsignMillis = 300\n");
        LiveMeetings.installFeatures(site, "itest-transcript-drivers", "huijian-driver-simprinter",
                "huijian-driver-simpad");

        // The lawyer terminal opens it: a draft with the header from the booking.
        Reply first = call(lawyer, "GET", base, null);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("\"state\":\"DRAFT\"") && first.body().contains("\"version\":1")
                && first.body().contains("\"caseNo\":\"TR-1\"") && first.body().contains("会见测试TR-1"), first.body());
        Reply hidden = call(detainee, "GET", base, null);
        assertEquals(200, hidden.status());
        assertTrue(hidden.body().contains("\"turns\":[]"), "no text for the detainee while it is a draft");
        assertProblem(call(otherLawyer, "GET", base, null), 403, "forbidden");
        assertEquals(403, signedIn("lawyer").get(base).status(), "a lawyer's own account does not read it");
        assertEquals(401, call("hjt_" + "A".repeat(43), "GET", base, null).status());

        // Autosaves with versions; a stale one is refused with the current text.
        String turns = "[{\"speaker\":\"Q\",\"text\":\"你是否清楚今天会见的目的？\"},"
                + "{\"speaker\":\"A\",\"text\":\"清楚，律师来了解案件情况。\"}]";
        Reply saved = call(lawyer, "PUT", base, "{\"version\":1,\"recorder\":\"王芳\",\"turns\":" + turns + "}");
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.body().contains("\"version\":2") && saved.body().contains("\"recorder\":\"王芳\""), saved.body());
        Reply stale = call(lawyer, "PUT", base, "{\"version\":1,\"recorder\":\"王芳\",\"turns\":[]}");
        assertProblem(stale, 409, "conflict");
        assertTrue(stale.body().contains("\"rule\":\"stale-version\"") && stale.body().contains("\"currentVersion\":2")
                && stale.body().contains("清楚，律师来了解案件情况。"), "the current text comes with the 409: " + stale.body());
        assertProblem(call(lawyer, "PUT", base, "{\"version\":2,\"recorder\":\"\",\"turns\":[{\"speaker\":\"X\",\"text\":\"\"}]}"),
                400, "invalid-input");
        assertProblem(call(detainee, "PUT", base, "{\"version\":2,\"recorder\":\"\",\"turns\":[]}"), 403, "forbidden");

        // An unsigned transcript sent to print: refused, nothing changed.
        Reply unsigned = call(lawyer, "POST", base + "/print", "{}");
        assertProblem(unsigned, 409, "conflict");
        assertTrue(unsigned.body().contains("\"rule\":\"not-signed\""), unsigned.body());
        assertProblem(call(lawyer, "GET", base + "/pdf", null), 409, "conflict");
        assertTrue(call(lawyer, "GET", base, null).body().contains("\"version\":2"), "nothing changed");

        // Submitted: frozen, shown to the detainee.
        assertProblem(call(detainee, "POST", base + "/signature", signature(2)), 409, "conflict");
        Reply submitted = call(lawyer, "POST", base + "/submit", "{\"version\":2}");
        assertEquals(200, submitted.status(), submitted.body());
        assertTrue(submitted.body().contains("\"state\":\"SUBMITTED\"") && submitted.body().contains("\"version\":3"));
        assertTrue(call(detainee, "GET", base, null).body().contains("你是否清楚今天会见的目的？"));
        assertProblem(call(lawyer, "PUT", base, "{\"version\":3,\"recorder\":\"\",\"turns\":[]}"), 409, "conflict");

        // Bad signatures, each refused; the transcript stays submitted.
        assertProblem(call(detainee, "POST", base + "/signature",
                "{\"version\":3,\"width\":600,\"height\":200,\"strokes\":[]}"), 400, "invalid-input");
        assertProblem(call(detainee, "POST", base + "/signature", "{\"version\":3,\"width\":600,\"height\":200,"
                + "\"strokes\":[[{\"x\":10,\"y\":10,\"p\":0.5,\"t\":0},{\"x\":11,\"y\":10,\"p\":0.5,\"t\":400}]]}"), 400,
                "invalid-input");
        assertProblem(call(detainee, "POST", base + "/signature", "{\"version\":3,\"width\":600,\"height\":200,"
                + "\"strokes\":[[{\"x\":10,\"y\":10,\"p\":0.5,\"t\":0},{\"x\":900,\"y\":10,\"p\":0.5,\"t\":400}]]}"), 400,
                "invalid-input");
        StringBuilder huge = new StringBuilder("{\"version\":3,\"width\":600,\"height\":200,\"strokes\":[[");
        for (int i = 0; i < 40_000; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"x\":").append(i % 600).append(",\"y\":100,\"p\":0.5,\"t\":").append(i)
                    .append('}');
        }
        assertProblem(call(detainee, "POST", base + "/signature", huge.append("]]}").toString()), 413,
                "payload-too-large");
        assertProblem(call(lawyer, "POST", base + "/signature", signature(3)), 403, "forbidden");
        assertProblem(call(otherLawyer, "POST", base + "/signature", signature(3)), 403, "forbidden");
        assertTrue(call(detainee, "GET", base, null).body().contains("\"state\":\"SUBMITTED\",\"version\":3"));

        // The detainee signs on the simulated signature pad; the server seals the PDF.
        Reply devices = awaitDevices(detainee, base, "itest-pad");
        // The demo site has a simulated pad of its own on the first detainee terminal; this test names its own.
        assertTrue(devices.body().matches("(?s).*\"pads\":\\[[^\\]]*\"itest-pad\".*"), devices.body());
        Reply signed = call(detainee, "POST", base + "/signature/pad", "{\"version\":3,\"pad\":\"itest-pad\"}");
        assertEquals(200, signed.status(), signed.body());
        assertTrue(signed.body().contains("\"state\":\"SEALED\"") && signed.body().contains("\"signatureSource\":\"pad:itest-pad\""),
                signed.body());
        String pdfSha = field(signed.body(), "pdfSha256");

        // The sealed PDF: staff and the lawyer terminal download it (audited), not the detainee terminal.
        Reply pdf = call(null, "GET", base + "/pdf", null, person("supervisor"));
        assertEquals(200, pdf.status(), pdf.body());
        assertTrue(pdf.contentType().startsWith("application/pdf"));
        assertEquals(pdfSha, DocumentsIT.sha256(pdf.data()));
        assertEquals(200, call(lawyer, "GET", base + "/pdf", null).status());
        assertEquals(403, call(detainee, "GET", base + "/pdf", null).status());

        // Verification: valid and stored; one byte changed is invalid; not a PDF is 415; only staff verify.
        Person auditor = person("auditor");
        Reply valid = verify(auditor, pdf.data());
        assertEquals(200, valid.status(), valid.body());
        assertTrue(valid.body().contains("\"valid\":true") && valid.body().contains("\"signedByThisServer\":true")
                && valid.body().contains("\"matchesStored\":true") && valid.body().contains("\"meetingId\":" + a.meeting()),
                valid.body());
        byte[] changed = pdf.data().clone();
        changed[changed.length / 2] ^= 0x01;
        Reply invalid = verify(auditor, changed);
        assertEquals(200, invalid.status(), invalid.body());
        assertTrue(invalid.body().contains("\"valid\":false") && invalid.body().contains("\"matchesStored\":false"),
                invalid.body());
        assertProblem(verify(auditor, "not a pdf".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
        assertEquals(403, verify(person("lawyer"), pdf.data()).status());

        // Printed on the printer beside the lawyer terminal, which writes the very PDF.
        awaitDevices(lawyer, base, "itest-printer");
        Reply print = call(lawyer, "POST", base + "/print", "{\"copies\":1}");
        assertEquals(200, print.status(), print.body());
        assertTrue(print.body().contains("\"state\":\"PRINTED\"") && print.body().contains("\"printerId\":\"itest-printer\""),
                print.body());
        Path file = awaitPdf(printed);
        assertEquals(pdfSha, DocumentsIT.sha256(Files.readAllBytes(file)), "the printer got the sealed PDF");

        // The console: huijian:transcript-verify with the meeting's id, and with a changed file.
        String console = client("admin", "huijian:transcript-verify " + a.meeting());
        assertTrue(console.contains("valid") && !console.contains("INVALID") && console.contains(pdfSha), console);
        Path bad = site.home().resolve("itest-changed.pdf");
        Files.write(bad, changed);
        String refused = client("admin", "huijian:transcript-verify " + bad.toString().replace("\\", "/"));
        assertTrue(refused.contains("INVALID") && refused.contains("does not verify"), refused);

        String audit = signedIn("auditor").get("/api/audit/latest?action=transcript.").body();
        for (String action : new String[] { "transcript.create", "transcript.submit", "transcript.sign",
            "transcript.seal", "transcript.pdf", "transcript.verify", "transcript.print" }) {
            assertTrue(audit.contains("\"" + action + "\""), action + " in " + audit);
        }
    }

    static String signature(long version) {
        StringBuilder s = new StringBuilder("{\"version\":" + version + ",\"width\":600,\"height\":200,\"strokes\":[[");
        for (int i = 0; i <= 40; i++) {
            double a = i / 40.0 * 2 * Math.PI;
            s.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"x\":%.1f,\"y\":%.1f,\"p\":%.2f,\"t\":%d}", 100 + 60 * Math.sin(a) + i * 4, 100 + 50 * Math.cos(a),
                    0.3 + 0.5 * Math.sin(a / 2), i * 10));
        }
        return s.append("]]}").toString();
    }

    static Reply awaitDevices(String secret, String base, String id) throws Exception {
        Reply r = null;
        for (int i = 0; i < 120; i++) {
            r = call(secret, "GET", base + "/devices", null);
            if (r.status() == 200 && r.body().contains("\"" + id + "\"")) {
                return r;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(id + " did not appear: " + r);
    }

    static Path awaitPdf(Path folder) throws Exception {
        for (int i = 0; i < 60; i++) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    var pdf = files.filter(f -> f.toString().endsWith(".pdf")).findFirst();
                    if (pdf.isPresent()) {
                        return pdf.get();
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("nothing printed into " + folder);
    }

    static Reply verify(Person person, byte[] pdf) throws Exception {
        return call(null, "POST", "/api/transcripts/verify", pdf, person);
    }

    static void assertProblem(Reply r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.isProblem() && r.body().contains("/problems/" + type), r.contentType() + " " + r.body());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    static Reply call(String secret, String method, String path, String json) throws Exception {
        return DocumentsIT.call(secret, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** A person's own HTTPS client (session cookie, CSRF header), for binary bodies both ways. */
    record Person(java.net.http.HttpClient client, String csrf) {
    }

    static Person person(String username) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(site.trust())
                .cookieHandler(new java.net.CookieManager()).build();
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(site.api().base() + "/api/session")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                        + "\",\"password\":" + Api.quote(PASSWORD) + "}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new Person(client, r.body().replaceAll("(?s).*\"csrfToken\":\"([^\"]+)\".*", "$1"));
    }

    static Reply call(String unused, String method, String path, Object body, Person person) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(site.api().base() + path)).header("X-CSRF-Token", person.csrf());
        if (body instanceof byte[] bytes) {
            b.header("Content-Type", "application/pdf").method(method,
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        java.net.http.HttpResponse<byte[]> r = person.client().send(b.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                new String(r.body(), StandardCharsets.UTF_8), r.body(), null);
    }

    /** Runs one command through bin/client (SSH) as the given user; returns everything it printed. */
    static String client(String user, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(site.home().resolve("bin/client").toString(), "-a",
                Integer.toString(site.sshPort()), "-u", user, "-p", PASSWORD, "-r", "1", "-b").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        return out;
    }
}
