package org.huijian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.huijian.itests.Distribution;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live meeting's figures, on the assembled distribution: a bench centre with as many positions and terminals
 * as meetings, that many lawyers booked for the same slot, checked in, their meetings open.
 * <ol>
 * <li><b>Call set-up</b> in real headless Chromium with the synthetic 1080p camera: for {@code live.calls} meetings
 * one after the other, the time from pressing Connect on the lawyer terminal to the first decoded frame of the other
 * side, on both sides (median); and after {@code live.settle} seconds of the last call, the resolution and frame
 * rate each side receives and why the sender limits it, if it does.</li>
 * <li><b>Signalling capacity</b>: simulated terminals over the signalling WebSocket (TLS), in growing numbers of
 * live meetings. Every meeting renegotiates every 10 s (an offer of about 3 KB, the answer, 8 ICE candidates each
 * way — far more than real calls do), and every relayed message carries its send time: the one-way latency through
 * the server, p50/p99/max, per level. The figure is the largest level with p99 under 50 ms.</li>
 * </ol>
 */
public final class Live {
    static final String PASSWORD = Rush.PASSWORD;
    static final Pattern STAMP = Pattern.compile("(?:o=- |tag )(\\d+)");

    final int calls = Integer.getInteger("live.calls", 10);
    final int[] levels = Arrays.stream(System.getProperty("live.levels", "25,50,100,200,300").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    final int seconds = Integer.getInteger("live.seconds", 20);
    final int settle = Integer.getInteger("live.settle", 30);
    final Path dir = Path.of(System.getProperty("bench.directory", "target"));
    final Rush r = new Rush();
    final StringBuilder out = new StringBuilder();
    /** Where the relayed messages' latencies of the current level go. */
    volatile ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    /** A meeting of the bench centre and the terminals it was booked on. */
    record Booked(long meeting, long booking, long lawyerTerminal, long detaineeTerminal) {
    }

    public static void main(String[] args) throws Exception {
        new Live().run();
    }

    void run() throws Exception {
        int total = calls + levels[levels.length - 1];
        int offset = Math.floorMod(10 - LocalDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        ZoneOffset zone = ZoneOffset.ofHours(offset);
        try (Distribution site = Distribution.unpack(dir.resolve("live"))) {
            site.set("org.huijian.demo", "password", PASSWORD).set("org.huijian.accounts", "kdfIterations", "20000")
                    .set("org.huijian.booking", "autoApprove", "true").set("org.huijian.booking", "zone", zone.getId())
                    .set("org.huijian.booking", "windowStartDays", "0").set("org.huijian.booking", "slotMinutes", "15")
                    .set("org.huijian.meeting", "zone", zone.getId()).set("org.huijian.meeting", "earlyMinutes", "30")
                    .env("HUIJIAN_ADMIN_PASSWORD", PASSWORD);
            site.start();
            site.awaitHealthy(Duration.ofMinutes(2));
            SSLContext trust = r.awaitTrust(site);
            site.awaitSettled(trust, Duration.ofMinutes(2), "booking", "meeting");
            r.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(10))
                    .executor(daemonPool(8, "live-http")).build();
            r.base = site.https();
            Rush.Session admin = r.awaitSignIn("admin");
            while (!r.get(admin, "/api/centres").contains("\"GZ-TH\"") || r.signIn("lawyer") == null) {
                Thread.sleep(300);
            }
            long setupStart = System.nanoTime();
            List<Booked> meetings = setUp(admin, zone, total);
            System.out.printf(Locale.ROOT, "Set up %d live meetings in %.0f s%n", meetings.size(),
                    (System.nanoTime() - setupStart) / 1e9);
            if (calls > 0) {
                callSetUp(admin, meetings.subList(0, calls));
            }
            signalling(admin, meetings.subList(calls, meetings.size()));
            System.out.print(out);
            Files.writeString(dir.resolve("live-results.txt"), out.toString());
        }
    }

    static ExecutorService daemonPool(int n, String name) {
        return Executors.newFixedThreadPool(n, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    // ---- the bench centre, its lawyers and their meetings ----

    List<Booked> setUp(Rush.Session admin, ZoneOffset zone, int total) throws Exception {
        long centre = Rush.id(r.send(admin, "POST", "/api/centres",
                "{\"code\":\"BENCH-C\",\"name\":\"基准测试会见中心\",\"address\":\"\",\"phone\":\"\"}"));
        long dc = Rush.id(r.send(admin, "POST", "/api/detention-centres",
                "{\"code\":\"BENCH-D\",\"name\":\"基准测试看守所\",\"address\":\"\",\"phone\":\"\"}"));
        ok(r.send(admin, "PUT", "/api/centres/" + centre + "/detention-centres/" + dc, "{}"));
        java.util.Map<Long, Long> lawyerTerminalOfPosition = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            jobs.add(setup.submit(() -> {
                long position = Rush.id(r.send(admin, "POST", "/api/positions", String.format(Locale.ROOT,
                        "{\"centreId\":%d,\"code\":\"BC-P%03d\",\"name\":\"席位%d\"}", centre, n, n + 1)));
                lawyerTerminalOfPosition.put(position, Rush.id(r.send(admin, "POST", "/api/terminals", String.format(
                        Locale.ROOT, "{\"code\":\"BC-L%03d\",\"name\":\"律师终端%d\",\"kind\":\"LAWYER\",\"centreId\":%d,"
                                + "\"positionId\":%d}", n, n + 1, centre, position))));
                Rush.id(r.send(admin, "POST", "/api/terminals", String.format(Locale.ROOT, "{\"code\":\"BD-T%03d\","
                        + "\"name\":\"在押终端%d\",\"kind\":\"DETAINEE\",\"detentionCentreId\":%d}", n, n + 1, dc)));
                return null;
            }));
        }
        await(jobs);
        // Open from the next quarter hour at least 5 minutes ahead; meetings open half an hour early.
        LocalDateTime now = LocalDateTime.now(zone);
        LocalDateTime start = now.plusMinutes(5).truncatedTo(ChronoUnit.HOURS)
                .plusMinutes(((now.plusMinutes(5).getMinute() + 14) / 15) * 15L);
        ok(r.send(admin, "PUT", "/api/centres/" + centre + "/hours", "[{\"day\":\"" + start.getDayOfWeek()
                + "\",\"start\":\"" + start.toLocalTime() + "\",\"end\":\"" + start.toLocalTime().plusMinutes(60) + "\"}]"));
        for (String q : List.of("/api/special-days?from=", "/api/special-days?centreId=" + centre + "&from=")) {
            for (long id : idsAnywhere(r.get(admin, q + start.toLocalDate() + "&to=" + start.toLocalDate()))) {
                r.send(admin, "DELETE", "/api/special-days/" + id, null);
            }
        }
        long firm = Long.parseLong(r.get(null, "/api/registrations/law-firms").replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        List<Booked> booked = Collections.synchronizedList(new ArrayList<>());
        jobs.clear();
        for (int i = 0; i < total; i++) {
            int n = i;
            jobs.add(setup.submit(() -> {
                Rush.Lawyer l = r.prepare(admin, n, dc, firm);
                HttpResponse<String> b = r.send(l.session(), "POST", "/api/bookings", "{\"detaineeId\":" + l.detaineeId()
                        + ",\"caseId\":" + l.caseId() + ",\"centreId\":" + centre + ",\"date\":\"" + start.toLocalDate()
                        + "\",\"start\":\"" + start.toLocalTime() + "\",\"slots\":1,\"documentIds\":" + l.letters() + "}");
                long booking = Rush.id(b);
                ok(r.send(admin, "POST", "/api/bookings/" + booking + "/check-in", "{}"));
                long position = number(b.body(), "positionId");
                booked.add(new Booked(0, booking, lawyerTerminalOfPosition.get(position),
                        number(b.body(), "detaineeTerminalId")));
                return null;
            }));
        }
        await(jobs);
        setup.shutdown();
        // The keeper opens them within 15 s.
        List<Booked> live = new ArrayList<>();
        for (int i = 0; i < 120 && live.size() < total; i++) {
            String meetings = r.get(admin, "/api/meetings");
            live.clear();
            for (Booked b : booked) {
                Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"bookingId\":" + b.booking() + ",").matcher(meetings);
                if (m.find()) {
                    live.add(new Booked(Long.parseLong(m.group(1)), b.booking(), b.lawyerTerminal(), b.detaineeTerminal()));
                }
            }
            Thread.sleep(1000);
        }
        if (live.size() < total) {
            throw new IllegalStateException(live.size() + " of " + total + " meetings opened");
        }
        live.sort(java.util.Comparator.comparingLong(Booked::meeting));
        return live;
    }

    String issue(Rush.Session admin, long terminal) throws Exception {
        return r.send(admin, "POST", "/api/terminals/" + terminal + "/credential", "{}").body()
                .replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
    }

    // ---- call set-up in Chromium ----

    static ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("huijian-live"), "--window-size=1280,800", "--lang=zh-CN",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required");
        options.setAcceptInsecureCerts(true);
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    Object js(ChromeDriver b, String script) {
        return ((JavascriptExecutor) b).executeScript(script);
    }

    String stats(ChromeDriver b) {
        return String.valueOf(((JavascriptExecutor) b).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.huijianKiosk.stats().then(s => done(JSON.stringify(s)), e => done('error ' + e))"));
    }

    long stateNumber(ChromeDriver b, String field) {
        Object v = js(b, "return window.huijianKiosk.state()." + field + ";");
        return v instanceof Number n ? n.longValue() : 0;
    }

    void kiosk(ChromeDriver b, String secret) {
        b.get(r.base + "/kiosk/index.html");
        js(b, "localStorage.setItem('huijian.terminal.secret', '" + secret + "');");
        b.navigate().refresh();
        new WebDriverWait(b, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("conn-status"), "已连接"));
    }

    void callSetUp(Rush.Session admin, List<Booked> meetings) throws Exception {
        ChromeDriver lawyer = chromium();
        ChromeDriver detainee = chromium();
        try {
            List<Long> lawyerSees = new ArrayList<>();
            List<Long> detaineeSees = new ArrayList<>();
            String lastLawyer = "";
            String lastDetainee = "";
            for (int i = 0; i < meetings.size(); i++) {
                Booked m = meetings.get(i);
                kiosk(detainee, issue(admin, m.detaineeTerminal()));
                kiosk(lawyer, issue(admin, m.lawyerTerminal()));
                new WebDriverWait(detainee, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("ready"))).click();
                new WebDriverWait(lawyer, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("connect"))).click();
                long deadline = System.currentTimeMillis() + 60_000;
                while ((stateNumber(lawyer, "firstFrameAt") == 0 || stateNumber(detainee, "firstFrameAt") == 0)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                long pressed = stateNumber(lawyer, "connectPressedAt");
                long l = stateNumber(lawyer, "firstFrameAt") - pressed;
                long d = stateNumber(detainee, "firstFrameAt") - pressed;
                if (stateNumber(lawyer, "firstFrameAt") == 0 || stateNumber(detainee, "firstFrameAt") == 0) {
                    throw new IllegalStateException("call " + (i + 1) + " showed no video within 60 s");
                }
                lawyerSees.add(l);
                detaineeSees.add(d);
                System.out.printf(Locale.ROOT, "call %d: Connect → first frame: lawyer side %d ms, detainee side %d ms%n",
                        i + 1, l, d);
                if (i == meetings.size() - 1) {
                    Thread.sleep(settle * 1000L);
                    lastLawyer = stats(lawyer);
                    lastDetainee = stats(detainee);
                }
                js(lawyer, "window.confirm = () => true; document.getElementById('hangup').click();");
                Thread.sleep(1500);
            }
            Collections.sort(lawyerSees);
            Collections.sort(detaineeSees);
            out.append(String.format(Locale.ROOT, "%nCall set-up in headless Chromium (synthetic camera asked for "
                    + "1920x1080 at 30 fps), %d calls on loopback%n", meetings.size()));
            out.append(String.format(Locale.ROOT, "  Connect → first decoded frame, lawyer side:   median %d ms "
                    + "(min %d, max %d)%n", median(lawyerSees), lawyerSees.get(0), lawyerSees.get(lawyerSees.size() - 1)));
            out.append(String.format(Locale.ROOT, "  Connect → first decoded frame, detainee side: median %d ms "
                    + "(min %d, max %d)%n", median(detaineeSees), detaineeSees.get(0),
                    detaineeSees.get(detaineeSees.size() - 1)));
            out.append(String.format(Locale.ROOT, "  after %d s, the lawyer side receives %s and sends %s%n", settle,
                    video(lastLawyer, "inboundVideo"), video(lastLawyer, "outboundVideo")));
            out.append(String.format(Locale.ROOT, "  after %d s, the detainee side receives %s and sends %s%n", settle,
                    video(lastDetainee, "inboundVideo"), video(lastDetainee, "outboundVideo")));
        } finally {
            lawyer.quit();
            detainee.quit();
        }
    }

    static String video(String stats, String which) {
        Matcher m = Pattern.compile("\"" + which + "\":\\{([^}]*)\\}").matcher(stats);
        if (!m.find()) {
            return "no video";
        }
        String s = m.group(1);
        String limit = field(s, "qualityLimitationReason");
        return field(s, "frameWidth") + "×" + field(s, "frameHeight") + " at " + field(s, "framesPerSecond") + " fps"
                + (limit.isEmpty() || limit.equals("null") ? "" : " (limited by: " + limit.replace("\"", "") + ")");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    // ---- signalling capacity ----

    /** One simulated terminal's signalling connection. */
    final class Terminal implements WebSocket.Listener {
        final String name;
        final StringBuilder partial = new StringBuilder();
        final AtomicInteger errors;
        volatile Terminal peer;
        volatile long meetingId;
        volatile boolean connected;
        volatile boolean welcomed;
        WebSocket ws;
        CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Terminal(String name, AtomicInteger errors) {
            this.name = name;
            this.errors = errors;
        }

        void welcomedOrWait() throws InterruptedException {
            for (int i = 0; i < 300 && !welcomed; i++) {
                Thread.sleep(100);
            }
            if (!welcomed) {
                throw new IllegalStateException(name + " was not welcomed within 30 s");
            }
        }

        synchronized void say(String text) {
            sending = sending.thenCompose(x -> ws.sendText(text, true)).exceptionally(e -> {
                errors.incrementAndGet();
                return null;
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                heard(partial.toString());
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        void heard(String m) {
            if (m.startsWith("{\"type\":\"signal\"")) {
                Matcher s = STAMP.matcher(m);
                if (s.find()) {
                    latencies.add(System.nanoTime() - Long.parseLong(s.group(1)));
                }
                if (m.contains("\"kind\":\"offer\"")) { // the detainee side answers and sends its candidates
                    say(signal("answer"));
                    for (int i = 0; i < 8; i++) {
                        say(candidate(i));
                    }
                }
            } else if (m.startsWith("{\"type\":\"welcome\"")) {
                welcomed = true;
            } else if (m.startsWith("{\"type\":\"meeting\"") && m.contains("\"state\":\"CONNECTED\"")) {
                connected = true;
            } else if (m.startsWith("{\"type\":\"error\"")) {
                errors.incrementAndGet();
                System.err.println(name + ": " + m);
            }
        }

        String signal(String kind) {
            return "{\"type\":\"signal\",\"meetingId\":" + meetingId + ",\"channel\":\"call\",\"kind\":\"" + kind
                    + "\",\"sdp\":\"" + sdp() + "\"}";
        }

        String candidate(int i) {
            return "{\"type\":\"signal\",\"meetingId\":" + meetingId + ",\"channel\":\"call\",\"kind\":\"ice\","
                    + "\"candidate\":{\"candidate\":\"candidate:" + i + " 1 udp 2122260223 127.0.0.1 " + (50000 + i)
                    + " typ host generation 0 tag " + System.nanoTime() + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
        }

        /** An SDP of about 3 KB, as a browser's audio+video offer is, stamped with its send time. */
        String sdp() {
            StringBuilder s = new StringBuilder("v=0\\r\\no=- ").append(System.nanoTime())
                    .append(" 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\na=group:BUNDLE 0 1\\r\\n");
            s.append("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\\r\\nc=IN IP4 0.0.0.0\\r\\n");
            for (int i = 0; i < 18; i++) {
                s.append("a=rtpmap:").append(96 + i).append(" VP8/90000\\r\\na=rtcp-fb:").append(96 + i)
                        .append(" goog-remb\\r\\na=fmtp:").append(96 + i).append(" apt=").append(95 + i).append("\\r\\n");
            }
            s.append("m=video 9 UDP/TLS/RTP/SAVPF 96 97\\r\\nc=IN IP4 0.0.0.0\\r\\n");
            return s.toString();
        }
    }

    Terminal open(HttpClient client, String secret, String name, AtomicInteger errors) throws Exception {
        Terminal t = new Terminal(name, errors);
        t.ws = client.newWebSocketBuilder().buildAsync(URI.create(r.base.replace("https://", "wss://") + "/ws/terminal"), t)
                .get(30, TimeUnit.SECONDS);
        t.say("{\"type\":\"hello\",\"secret\":\"" + secret + "\"}");
        return t;
    }

    void signalling(Rush.Session admin, List<Booked> meetings) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(r.http.sslContext())
                .executor(daemonPool(4, "live-ws")).build();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(4, task -> {
            Thread t = new Thread(task, "live-load");
            t.setDaemon(true);
            return t;
        });
        List<Terminal[]> pairs = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        out.append(String.format(Locale.ROOT, "%nSignalling capacity: simulated terminals over wss on loopback, every "
                + "meeting renegotiating every 10 s (offer ~3 KB, answer, 8+8 ICE candidates), %d s per level%n", seconds));
        out.append(String.format(Locale.ROOT, "  %8s %12s %12s %10s %10s %10s %8s%n", "meetings", "connections",
                "relayed/s", "p50 ms", "p99 ms", "max ms", "errors"));
        int holds = 0;
        Random random = new Random(7);
        for (int level : levels) {
            for (int i = pairs.size(); i < level; i++) {
                Booked m = meetings.get(i);
                Terminal lawyer = open(client, issue(admin, m.lawyerTerminal()), "lawyer " + i, errors);
                Terminal detainee = open(client, issue(admin, m.detaineeTerminal()), "detainee " + i, errors);
                lawyer.meetingId = m.meeting();
                detainee.meetingId = m.meeting();
                lawyer.peer = detainee;
                detainee.peer = lawyer;
                pairs.add(new Terminal[] { lawyer, detainee });
            }
            for (Terminal[] p : pairs) { // every terminal now counts into this level's figures
                p[0].welcomedOrWait();
                p[1].welcomedOrWait();
            }
            for (Terminal[] p : pairs) {
                if (!p[0].connected) {
                    p[1].say("{\"type\":\"ready\",\"meetingId\":" + p[1].meetingId + "}");
                }
            }
            Thread.sleep(1000);
            for (Terminal[] p : pairs) {
                if (!p[0].connected) {
                    p[0].say("{\"type\":\"connect\",\"meetingId\":" + p[0].meetingId + "}");
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (pairs.stream().anyMatch(p -> !p[0].connected) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            this.latencies = latencies;
            int errorsBefore = errors.get();
            List<ScheduledFuture<?>> running = new ArrayList<>();
            for (Terminal[] p : pairs) {
                Terminal lawyer = p[0];
                running.add(load.scheduleAtFixedRate(() -> {
                    lawyer.say(lawyer.signal("offer"));
                    for (int i = 0; i < 8; i++) {
                        lawyer.say(lawyer.candidate(i));
                    }
                }, random.nextInt(10_000), 10_000, TimeUnit.MILLISECONDS));
                running.add(load.scheduleAtFixedRate(() -> lawyer.say("{\"type\":\"ping\"}"), random.nextInt(20_000),
                        20_000, TimeUnit.MILLISECONDS));
            }
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            running.forEach(f -> f.cancel(false));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(1500); // the last messages arrive
            long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (l.length == 0) {
                throw new IllegalStateException("nothing was relayed at " + level + " meetings");
            }
            double p50 = l[l.length / 2] / 1e6;
            double p99 = Percentiles.p99Ms(l);
            double max = l[l.length - 1] / 1e6;
            long notConnected = pairs.stream().filter(p -> !p[0].connected).count();
            out.append(String.format(Locale.ROOT, "  %8d %12d %12.0f %10.1f %10.1f %10.1f %8d%s%n", level, pairs.size() * 2,
                    l.length / elapsed, p50, p99, max, errors.get() - errorsBefore,
                    notConnected > 0 ? "  (" + notConnected + " not connected)" : ""));
            System.out.print(out.substring(out.lastIndexOf("\n", out.length() - 2) + 1));
            if (p99 < 50 && notConnected == 0) {
                holds = level;
            } else {
                break;
            }
        }
        out.append(String.format(Locale.ROOT, "  largest level with signalling p99 < 50 ms: %d simultaneous meetings "
                + "(%d terminal connections)%n", holds, holds * 2));
        for (Terminal[] p : pairs) {
            p[0].ws.abort();
            p[1].ws.abort();
        }
    }

    static void await(List<Future<?>> jobs) throws Exception {
        for (Future<?> f : jobs) {
            f.get();
        }
    }

    static void ok(HttpResponse<String> r) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static List<Long> idsAnywhere(String json) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
