package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Document display (文书展示) on the assembled distribution, over real HTTPS with real Tesseract: during a live
 * meeting the lawyer terminal uploads a generated Chinese page lying skewed on a dark desk and gets it back straight
 * with its text; a still from a server-side (simulated) document camera goes the same way; the detainee terminal of
 * the meeting reads it, supervisors read it (audited); and every bad upload is refused with its own status — 415
 * not an image, 413 a PNG whose header claims 200 megapixels, 503 with Retry-After when the queue is full, 403 for
 * the detainee terminal and for another meeting's lawyer terminal, 409 once the meeting has ended — with nothing
 * stored for any of them. An empty white page is done, without text.
 */
class DocumentsIT extends SiteTestBase {
    static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static final String[] LINES = { "授权委托书", "委托人特委托下列律师为其辩护人。", "受托律师有权会见在押人员。",
        "本委托书有效期至本案审理终结。", "看守所应当及时安排会见。" };

    @Test
    void aPageShownInALiveMeetingIsStraightenedReadStoredAndRefusedClearlyWhenItMustBe() throws Exception {
        Path cameraFolder = site.home().resolve("itest-camera");
        Files.createDirectories(cameraFolder);
        Files.write(cameraFolder.resolve("page.png"), png(page(-5.5, true)));
        ZoneOffset zone = LiveMeetings.prepare(site, 5);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        long centre = LiveMeetings.openCentre(admin, start, 30);
        LiveMeetings.Booked a = LiveMeetings.book(admin, centre, start, "DOC-1");
        String lawyerA = MeetingIT.issue(admin, a.lawyerTerminal());
        String detaineeA = MeetingIT.issue(admin, a.detaineeTerminal());
        // Another lawyer terminal of the site, not in this meeting.
        String lawyerB = MeetingIT.issue(admin, LiveMeetings.otherLawyerTerminal(admin, a.lawyerTerminal()));
        String docs = "/api/meetings/" + a.meeting() + "/documents";

        // The simulated document camera beside lawyer terminal A serves our page from a folder.
        String codeA = terminalCode(admin, a.lawyerTerminal());
        Files.writeString(site.home().resolve("etc/org.huijian.driver.simcamera-itest.cfg"), "id = itest-doc\n"
                + "terminal = " + codeA + "\nfolder = " + cameraFolder.toString().replace("\\", "/")
                + "\ndemoPages = 0\ndelayMillis = 100\n");
        assertEquals(200, MeetingIT.asTerminal(detaineeA, "GET", docs).status(), "the detainee side may read");
        assertEquals("[]", MeetingIT.asTerminal(lawyerA, "GET", docs).body());

        // A skewed Chinese page: done, straight, its words read.
        byte[] skewed = png(page(7, true));
        Reply up = upload(lawyerA, docs, "image/png", skewed);
        assertEquals(202, up.status(), up.body());
        assertTrue(up.body().contains("\"seq\":1") && up.body().contains("\"originalSha256\":\"" + sha256(skewed) + "\""),
                up.body());
        String done = awaitDone(lawyerA, docs + "/1");
        assertTrue(done.contains("\"state\":\"done\""), done);
        String text = texts(done);
        for (String word : List.of("授权委托书", "律师", "会见", "看守所")) {
            assertTrue(text.contains(word), "'" + word + "' in " + text);
        }
        double angle = Double.parseDouble(field(done, "angle"));
        assertTrue(Math.abs(Math.abs(angle) - 7) < 0.5, "the page was turned 7°, found " + angle);
        Reply page = bytes(lawyerA, docs + "/1/page.png");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("image/png"));
        BufferedImage straight = ImageIO.read(new ByteArrayInputStream(page.data()));
        assertTrue(Math.abs(straight.getWidth() - 1000) < 40 && Math.abs(straight.getHeight() - 1400) < 50,
                "cropped to the page: " + straight.getWidth() + " x " + straight.getHeight());
        assertTrue(done.contains("\"pageSha256\":\"" + sha256(page.data()) + "\""), "the page's hash is stored");
        assertTrue(ruleTilt(straight) < 0.5, "the rule under the title is level on the straight page");
        Reply original = bytes(detaineeA, docs + "/1/original");
        assertEquals(sha256(skewed), sha256(original.data()), "the original as it was shown");
        assertEquals(200, bytes(detaineeA, docs + "/1/page.png").status(), "the detainee side reads the page");

        // The detainee's screen follows the lawyer's: a 'display' message relayed from the lawyer terminal only.
        MeetingIT.Socket lawyerSocket = MeetingIT.Socket.open();
        lawyerSocket.say("{\"type\":\"hello\",\"secret\":\"" + lawyerA + "\"}");
        MeetingFlowIT.await(lawyerSocket, "welcome");
        MeetingIT.Socket detaineeSocket = MeetingIT.Socket.open();
        detaineeSocket.say("{\"type\":\"hello\",\"secret\":\"" + detaineeA + "\"}");
        MeetingFlowIT.await(detaineeSocket, "welcome");
        lawyerSocket.say("{\"type\":\"display\",\"meetingId\":" + a.meeting() + ",\"seq\":1,\"zoom\":2,\"x\":0.3,\"y\":0.4}");
        String shown = MeetingFlowIT.await(detaineeSocket, "\"type\":\"display\"");
        assertTrue(shown.contains("\"seq\":1,\"zoom\":2.0,\"x\":0.3,\"y\":0.4") && shown.contains("\"from\":\"LAWYER\""), shown);
        detaineeSocket.say("{\"type\":\"display\",\"meetingId\":" + a.meeting() + ",\"seq\":1}");
        assertTrue(MeetingFlowIT.await(detaineeSocket, "\"type\":\"error\"").contains("\"rule\":\"wrong-terminal\""),
                "the detainee side does not drive the display");
        lawyerSocket.say("{\"type\":\"display\",\"meetingId\":999999,\"seq\":1}");
        assertTrue(MeetingFlowIT.await(lawyerSocket, "\"type\":\"error\"").contains("meetingId"), "not its meeting");
        lawyerSocket.say("{\"type\":\"display\",\"meetingId\":" + a.meeting() + ",\"seq\":1,\"url\":\"/api/meetings/1/documents/1\"}");
        assertTrue(MeetingFlowIT.await(lawyerSocket, "\"type\":\"error\"").contains("url"), "no other fields");

        // A still from the server-side camera, through the SPI.
        Reply cam = call(lawyerA, "POST", docs + "/capture?camera=itest-doc", "application/json", new byte[0]);
        for (int i = 0; i < 40 && cam.status() != 202; i++) { // the camera's configuration is picked up
            Thread.sleep(500);
            cam = call(lawyerA, "POST", docs + "/capture?camera=itest-doc", "application/json", new byte[0]);
        }
        assertEquals(202, cam.status(), cam.body());
        String fromCamera = awaitDone(lawyerA, docs + "/2");
        assertTrue(fromCamera.contains("\"source\":\"camera:itest-doc\"") && texts(fromCamera).contains("律师"), fromCamera);
        assertEquals(403, call(lawyerB, "POST", docs + "/capture?camera=itest-doc",
                "application/json", new byte[0]).status(), "not the lawyer terminal of the meeting");

        // An empty white page: done, no text.
        Reply blank = upload(lawyerA, docs, "image/png", png(blank()));
        assertEquals(202, blank.status(), blank.body());
        String empty = awaitDone(lawyerA, docs + "/3");
        assertTrue(empty.contains("\"state\":\"done\"") && empty.contains("\"lines\":[]"), empty);

        // Refused, each with its own status; nothing stored.
        Reply notImage = upload(lawyerA, docs, "image/png", "%PDF-1.4 not a picture".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, notImage.status(), notImage.body());
        assertTrue(notImage.isProblem() && notImage.body().contains("unsupported-media-type"), notImage.body());
        assertEquals(415, upload(lawyerA, docs, "text/plain", skewed).status(), "a type that is no image");
        assertEquals(415, upload(lawyerA, docs, "image/jpeg", skewed).status(), "a PNG said to be JPEG");
        Reply huge = upload(lawyerA, docs, "image/png", hugePngHeader(20_000, 10_000));
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.isProblem() && huge.body().contains("200.0 megapixels"), huge.body());
        assertEquals(403, upload(detaineeA, docs, "image/png", skewed).status(), "the detainee terminal shows nothing");
        assertEquals(403, upload(lawyerB, docs, "image/png", skewed).status(), "another meeting's lawyer terminal");
        assertEquals(403, MeetingIT.asTerminal(lawyerB, "GET", docs).status(), "nor reads its papers");
        assertEquals(401, call("hjt_" + "A".repeat(43), "POST", docs, "image/png", skewed).status());

        // A burst of 14 at once against the site's pool (2 workers, a queue of 8): the pages that find room are taken,
        // the rest refused at once with 503 and Retry-After.
        List<CompletableFuture<Reply>> burst = new ArrayList<>();
        byte[] another = png(page(3, true));
        ExecutorService kiosks = Executors.newFixedThreadPool(14);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 14; i++) {
            burst.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return upload(lawyerA, docs, "image/png", another);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, kiosks));
        }
        go.countDown();
        int accepted = 0;
        int busy = 0;
        for (CompletableFuture<Reply> f : burst) {
            Reply r = f.join();
            if (r.status() == 202) {
                accepted++;
            } else {
                assertEquals(503, r.status(), r.body());
                assertTrue(r.isProblem() && r.body().contains("busy") && r.retryAfter() != null, r.body());
                busy++;
            }
        }
        kiosks.shutdown();
        assertTrue(busy >= 1 && accepted >= 2 && accepted <= 10, accepted + " accepted, " + busy + " busy");
        String list = MeetingIT.asTerminal(lawyerA, "GET", docs).body();
        assertEquals(3 + accepted, count(list, "\"seq\":"), "only accepted captures are stored: " + list);
        for (int seq = 4; seq < 4 + accepted; seq++) {
            assertTrue(awaitDone(lawyerA, docs + "/" + seq).contains("\"state\":\"done\""), "page " + seq);
        }
        Api auditor = signedIn("auditor");
        assertEquals(3 + accepted, count(auditor.get("/api/audit/latest?action=document.capture").body(),
                "meeting:" + a.meeting() + "/document:"), "one audit event per stored capture");

        // After the meeting: the terminals no longer read, supervisors and auditors do (audited); no more uploads.
        Api supervisor = signedIn("supervisor");
        assertEquals(200, supervisor.post("/api/meetings/" + a.meeting() + "/terminate", "{\"reason\":\"测试结束\"}").status());
        Reply late = upload(lawyerA, docs, "image/png", skewed);
        assertEquals(409, late.status(), late.body());
        assertTrue(late.body().contains("\"rule\":\"not-live\""), late.body());
        assertEquals(403, MeetingIT.asTerminal(detaineeA, "GET", docs).status());
        Api.Reply read = supervisor.get(docs + "/1");
        assertEquals(200, read.status(), read.body());
        assertTrue(read.body().contains("授权委托书"), read.body());
        assertEquals(200, auditor.get(docs).status());
        assertEquals(403, signedIn("lawyer").get(docs).status(), "a lawyer's portal account reads no meeting papers");
        String views = auditor.get("/api/audit/latest?action=document.view").body();
        assertTrue(views.contains("\"supervisor\"") && views.contains("\"auditor\""), views);
        assertEquals(3 + accepted, count(auditor.get(docs).body(), "\"seq\":"), "nothing stored by the late upload");
    }

    // ---- HTTP as a kiosk sends it ----

    record Reply(int status, String contentType, String body, byte[] data, String retryAfter) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    static Reply upload(String secret, String path, String type, byte[] body) throws Exception {
        return call(secret, "POST", path, type, body);
    }

    static Reply bytes(String secret, String path) throws Exception {
        return call(secret, "GET", path, null, null);
    }

    static Reply call(String secret, String method, String path, String type, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(site.trust()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.api().base() + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(60));
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers().firstValue("Retry-After").orElse(null));
    }

    static String awaitDone(String secret, String path) throws Exception {
        String body = "";
        for (int i = 0; i < 240; i++) {
            Reply r = call(secret, "GET", path, null, null);
            assertEquals(200, r.status(), r.body());
            body = r.body();
            if (!body.contains("\"state\":\"queued\"") && !body.contains("\"state\":\"processing\"")) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not done in 120 s: " + body);
    }

    static String terminalCode(Api admin, long terminal) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":" + terminal + ",[^}]*?\"code\":\"([^\"]+)\"").matcher(
                admin.get("/api/terminals").body());
        assertTrue(m.find(), "terminal " + terminal);
        return m.group(1);
    }

    static String texts(String json) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            sb.append(m.group(1)).append('\n');
        }
        return sb.toString();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    // ---- pages of our own making ----

    static Font font() throws Exception {
        for (Font f : Font.createFonts(new File(NOTO_CJK))) {
            if (f.getFamily(Locale.ROOT).equals("Noto Sans CJK SC")) {
                return f;
            }
        }
        throw new AssertionError("no Noto Sans CJK SC in " + NOTO_CJK + " (apt-get install fonts-noto-cjk)");
    }

    /** A white 1000 × 1400 page with a title, a rule under it and our lines, turned {@code angle}° on a dark desk. */
    static BufferedImage page(double angle, boolean text) throws Exception {
        BufferedImage page = new BufferedImage(1000, 1400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 1400);
        g.setColor(new Color(20, 20, 20));
        Font f = font();
        g.setFont(f.deriveFont(56f));
        g.drawString(LINES[0], 360, 140);
        g.setStroke(new BasicStroke(4f));
        g.drawLine(90, 180, 910, 180);
        if (text) {
            g.setFont(f.deriveFont(36f));
            for (int i = 1; i < LINES.length; i++) {
                g.drawString(LINES[i], 90, 280 + 80 * i);
            }
        }
        g.dispose();
        BufferedImage desk = new BufferedImage(1600, 1900, BufferedImage.TYPE_INT_RGB);
        Graphics2D d = desk.createGraphics();
        d.setColor(new Color(55, 45, 38));
        d.fillRect(0, 0, 1600, 1900);
        d.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        AffineTransform at = new AffineTransform();
        at.translate(800, 950);
        at.rotate(Math.toRadians(angle));
        at.translate(-500, -700);
        d.drawImage(page, at, null);
        d.dispose();
        return desk;
    }

    /** A white page filling the picture: nothing on it. */
    static BufferedImage blank() {
        BufferedImage img = new BufferedImage(1000, 1400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 1400);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG of a signature and an IHDR chunk that claims {@code width × height} pixels, and an IEND: no pixels. */
    static byte[] hugePngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * How far from level the title's rule lies on the straight page, in degrees: the dark rows of the rule at its
     * left and right quarter.
     */
    static double ruleTilt(BufferedImage img) {
        int w = img.getWidth();
        int xl = w / 4;
        int xr = 3 * w / 4;
        double yl = darkRow(img, xl);
        double yr = darkRow(img, xr);
        assertFalse(Double.isNaN(yl) || Double.isNaN(yr), "the rule is found");
        return Math.toDegrees(Math.atan2(Math.abs(yr - yl), xr - xl));
    }

    /** The mean row of the dark pixels of a column between 12 % and 17 % of the page's height (where the rule is). */
    static double darkRow(BufferedImage img, int x) {
        double sum = 0;
        int n = 0;
        for (int y = (int) (img.getHeight() * 0.10); y < img.getHeight() * 0.17; y++) {
            int rgb = img.getRGB(x, y);
            int grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
            if (grey < 110) {
                sum += y;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
