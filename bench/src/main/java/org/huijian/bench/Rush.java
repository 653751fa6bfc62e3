package org.huijian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huijian.itests.Distribution;

/**
 * The release rush: 2,000 distinct lawyers, each signed in with their own session, ask over HTTPS on loopback
 * for a slot of the day that is released at that moment, each trying up to three slots. Prints accepted and
 * refused counts, throughput, latency, and checks from the site's own lists that no position and no detainee
 * terminal was given twice.
 */
public final class Rush {
    static final String PASSWORD = "Rush-Pass-2026!";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Slots a lawyer tries when refused a full one. */
    static final int ATTEMPTS = 3;
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    final int lawyers = Integer.getInteger("rush.lawyers", 2000);
    final int clients = Integer.getInteger("rush.clients", 64);
    final int warmUp = Integer.getInteger("rush.warmup", lawyers);
    /**
     * Days released before the rush's, each booked by the warm-up lawyers: the JIT compiles the request path for the
     * mix it saw, and a new kind of request later (the first of a phase) makes it drop some of that code and profile
     * again; a second day's traffic is what a site that has run for days has behind it.
     */
    final int warmUpDays = Integer.getInteger("rush.warmupDays", 2);
    /** Seconds before the release when the warm-up starts (at once if set-up took longer). */
    final int warmUpLead = Integer.getInteger("rush.warmupLead", 45);
    /** Requests per second of the warm-up (with {@code rush.rate}). */
    final double warmUpRate = Double.parseDouble(System.getProperty("rush.warmupRate", "400"));
    /**
     * Requests per second offered at the release moment, or 0 for {@code clients} closed-loop clients. At a rate,
     * requests (first attempts and the tries of lawyers refused a full slot) leave on a fixed schedule whatever
     * the answers, and each latency is counted from when its request was due, so a late driver or a slow site
     * cannot hide queueing (no coordinated omission).
     */
    final double rate = Double.parseDouble(System.getProperty("rush.rate", "0"));
    /** Whether the driver's connections are open (TLS done) before the release, as waiting browsers' are. */
    final boolean openConnections = Boolean.parseBoolean(System.getProperty("rush.open", "false"));
    /** Processor use during the rush, % of one core: the site's JVM, this driver. */
    double[] cpu = { -1, -1 };
    /** When the requests that got a slot were sent, nanos since the rush began, in order. */
    long[] winnersSent = {};
    /** Every request: when it was sent (nanos since the rush began), and (same index) its latency. */
    long[] requestsSent = {};
    long[] requestsNanos = {};
    final Path dir = Path.of(System.getProperty("bench.directory", "target"));
    HttpClient http;
    /** The site's certificate, trusted: for the rush's own connections ({@link Wire}). */
    javax.net.ssl.SSLContext tls;
    /** When the rush began (System.nanoTime), for when each request was sent. */
    volatile long rushStart;
    String base;

    /** The rush's connections, each used by one request at a time. */
    java.util.concurrent.BlockingQueue<Wire> wires = new java.util.concurrent.LinkedBlockingQueue<>();

    /** Closes the connections there are and makes {@code clients} new ones, to be opened when first used. */
    void freshWires() {
        wires.forEach(Wire::close);
        wires.clear();
        for (int i = 0; i < clients; i++) {
            wires.add(new Wire(tls, base));
        }
    }

    /** Sends on a free connection of the pool (waiting for one if all are busy). */
    Wire.Answer exchange(Session s, String json) throws IOException, InterruptedException {
        return exchange(s, json, false);
    }

    /** With {@code openPage}, first loads what the booking page asks for on the same connection (not timed apart). */
    Wire.Answer exchange(Session s, String json, boolean openPage) throws IOException, InterruptedException {
        Wire w = wires.take();
        try {
            if (openPage) {
                w.exchange("GET", "/api/me/messages", s, null);
            }
            return w.exchange("POST", "/api/bookings", s, json);
        } finally {
            wires.add(w);
        }
    }

    /** A signed-in session: cookie and CSRF token. */
    record Session(String cookie, String csrf) {
    }

    record Lawyer(int n, long lawyerId, long detaineeId, long caseId, long detentionCentreId, Session session,
            List<Long> letters) {
    }

    /** An answer: its status and rule, its latency, and when it was sent (nanos since the rush began, or -1). */
    record Outcome(int status, String rule, long nanos, long sent) {
    }

    public static void main(String[] args) throws Exception {
        // Give idle connections up before the site's Jetty closes them (30 s), so that a request is never sent
        // on a connection the server is closing (the JDK client keeps them 1,200 s and does not send a POST again).
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        new Rush().run();
    }

    void run() throws Exception {
        try (Distribution site = Distribution.unpack(dir.resolve("rush"))) {
            site.set("org.huijian.demo", "password", PASSWORD)
                    .set("org.huijian.accounts", "kdfIterations", "20000")
                    .set("org.huijian.booking", "autoApprove", "true")
                    .set("org.huijian.booking", "releaseTime", "23:59")
                    .set("org.ops4j.pax.web", "org.ops4j.pax.web.server.maxThreads", System.getProperty("rush.threads", "200"))
                    .env("HUIJIAN_ADMIN_PASSWORD", PASSWORD);
            if (Boolean.getBoolean("rush.allocatorLog")) { // every batch the allocator writes, in data/log/karaf.log
                site.set("org.ops4j.pax.logging", "log4j2.logger.allocator.name", "org.huijian.booking.internal.Allocator")
                        .set("org.ops4j.pax.logging", "log4j2.logger.allocator.level", "DEBUG");
            }
            if (System.getProperty("rush.jvm") != null) { // e.g. a flight recording of the run
                site.env("EXTRA_JAVA_OPTS", shippedJavaOptions(site) + " " + System.getProperty("rush.jvm"));
            }
            site.start();
            site.awaitHealthy(Duration.ofMinutes(2));
            tls = awaitTrust(site);
            site.awaitSettled(tls, Duration.ofMinutes(2), "booking");
            http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(16, r -> {
                        Thread t = new Thread(r, "rush-http");
                        t.setDaemon(true); // lets the benchmark end
                        return t;
                    })).build();
            base = site.https();
            Session admin = awaitSignIn("admin");
            while (!get(admin, "/api/centres").contains("\"GZ-TH\"") || signIn("lawyer") == null) {
                Thread.sleep(300);
            }
            // Centres and the detention centres each serves.
            Map<Long, List<Long>> centresOfDc = new TreeMap<>();
            List<Long> centres = ids(get(admin, "/api/centres"));
            for (long c : centres) {
                for (long dc : ids(get(admin, "/api/centres/" + c + "/detention-centres"))) {
                    centresOfDc.computeIfAbsent(dc, k -> new ArrayList<>()).add(c);
                }
            }
            List<Long> dcs = new ArrayList<>(centresOfDc.keySet());
            LocalDate today = LocalDate.now(ZONE);
            int ahead = 7;
            while (get(admin, "/api/centres/" + centres.get(0) + "/opening?date=" + today.plusDays(ahead)).equals("[]")) {
                ahead--;
            }
            LocalDate day = today.plusDays(ahead);
            System.out.printf(Locale.ROOT, "Rush day %s (%d days ahead); %d centres, %d detention centres%n", day, ahead,
                    centres.size(), dcs.size());

            long setupStart = System.nanoTime();
            long firm = Long.parseLong(get(null, "/api/registrations/law-firms").replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
            List<Lawyer> people = Collections.synchronizedList(new ArrayList<>());
            ExecutorService setup = Executors.newFixedThreadPool(8);
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < lawyers; i++) {
                int n = i;
                jobs.add(setup.submit(() -> {
                    people.add(prepare(admin, n, dcs.get(n % dcs.size()), firm));
                    return null;
                }));
            }
            try {
                for (Future<?> f : jobs) {
                    f.get();
                }
            } finally {
                setup.shutdownNow(); // a failed set-up must not leave threads that keep the build waiting
            }
            System.out.printf(Locale.ROOT, "Set up %d lawyers, detainees, cases and letters in %.0f s%n", lawyers,
                    (System.nanoTime() - setupStart) / 1e9);

            // Release the day a little later, then everyone presses at once.
            LocalDateTime release = LocalDateTime.now(ZONE).plusSeconds(70).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            site.set("org.huijian.booking", Map.of("windowDays", Integer.toString(ahead), "releaseTime",
                    release.toLocalTime().toString()));
            System.out.println("Slots of " + day + " are released at " + release.toLocalTime() + " (site time); waiting");
            List<String> starts = starts(people.get(0), centresOfDc.get(dcs.get(0)).get(0), dcs.get(0), day);
            // A site that has run for a while is warm: the lawyers of the warm-up book the days before first
            // (other slots, other days), the way real traffic keeps the booking path compiled and cached. By default
            // all of them, in the same way as the rush: the last two days' releases, for the site and this driver.
            Thread.sleep(10_000); // the new release time restarts the booking component
            if (starts.isEmpty()) {
                throw new IllegalStateException("no slots on " + day);
            }
            List<LocalDate> warmDays = new ArrayList<>(); // the days before, earliest first
            for (LocalDate d = day.minusDays(1); d.isAfter(today) && warmDays.size() < warmUpDays; d = d.minusDays(1)) {
                if (!starts(people.get(0), centresOfDc.get(dcs.get(0)).get(0), dcs.get(0), d).isEmpty()) {
                    warmDays.add(0, d);
                }
            }
            List<Lawyer> warmers = people.subList(0, Math.min(warmUp, people.size()));
            // Lawyers come and go on the site until the release, so the warm-up runs at a moderate rate and ends
            // shortly before it. At the rush's own rate the JIT's one C2 thread falls behind on the two saturated
            // cores, and the request path would still be compiling at the release (bench README, eighth session).
            while (!warmers.isEmpty() && LocalDateTime.now(ZONE).isBefore(release.minusSeconds(warmUpLead))) {
                Thread.sleep(50);
            }
            for (LocalDate warmDay : warmers.isEmpty() ? List.<LocalDate>of() : warmDays) {
                List<String> warmStarts = starts(people.get(0), centresOfDc.get(dcs.get(0)).get(0), dcs.get(0), warmDay);
                ConcurrentLinkedQueue<Outcome> warm = new ConcurrentLinkedQueue<>();
                freshWires();
                rushStart = System.nanoTime();
                if (rate > 0) { // the same code as the rush, so this driver is warm too
                    pressAtRate(warmers, centresOfDc, warmStarts, warmDay, warm, new AtomicInteger(), true);
                } else {
                    press(warmers, centresOfDc, warmStarts, warmDay, warm, new AtomicInteger());
                }
                System.out.printf(Locale.ROOT, "Warm-up: %d lawyers sent %d requests for %s%n", warmers.size(), warm.size(), warmDay);
            }
            freshWires(); // the warm-up's have idled past the site's timeout
            if (openConnections) {
                // The lawyers open the booking page just before the release (loading it asks for their messages),
                // so their browsers' connections are open when they press: TLS handshakes are then not part of the
                // first requests' latency.
                while (LocalDateTime.now(ZONE).isBefore(release.minusSeconds(2))) {
                    Thread.sleep(50);
                }
                ExecutorService open = Executors.newFixedThreadPool(clients);
                CountDownLatch opened = new CountDownLatch(clients);
                int i = 0;
                for (Wire w : wires) {
                    Session s = people.get(i++).session();
                    open.execute(() -> {
                        try {
                            w.exchange("GET", "/api/me/messages", s, null);
                        } catch (Exception e) {
                            System.out.println("could not open a connection: " + e);
                        } finally {
                            opened.countDown();
                        }
                    });
                }
                opened.await();
                open.shutdown();
            }
            while (LocalDateTime.now(ZONE).isBefore(release.plusNanos(300_000_000))) {
                Thread.sleep(50);
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            ConcurrentLinkedQueue<Outcome> all = new ConcurrentLinkedQueue<>();
            AtomicInteger booked = new AtomicInteger();
            long[] siteTicks = RelayBench.ticks(site.javaPid());
            long driverCpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
            long t0 = System.nanoTime();
            rushStart = t0;
            if (rate > 0) {
                pressAtRate(people, centresOfDc, starts, day, all, booked, false);
            } else {
                press(people, centresOfDc, starts, day, all, booked);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] siteTicksEnd = RelayBench.ticks(site.javaPid());
            cpu = new double[] {
                (siteTicksEnd[0] + siteTicksEnd[1] - siteTicks[0] - siteTicks[1]) / 100.0 / seconds * 100,
                (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - driverCpu) / 1e9 / seconds
                        * 100 };
            for (Outcome o : all) {
                outcomes.merge(o.status() + (o.rule() == null ? "" : " " + o.rule()), 1, Integer::sum);
            }
            long[] latencies = all.stream().mapToLong(Outcome::nanos).sorted().toArray();
            winnersSent = all.stream().filter(o -> o.status() == 201).mapToLong(Outcome::sent).sorted().toArray();
            List<Outcome> answered = List.copyOf(all);
            requestsSent = answered.stream().mapToLong(Outcome::sent).toArray();
            requestsNanos = answered.stream().mapToLong(Outcome::nanos).toArray();
            Map<String, long[]> byOutcome = new TreeMap<>();
            for (String key : outcomes.keySet()) {
                byOutcome.put(key, all.stream().filter(o -> key.equals(o.status() + (o.rule() == null ? "" : " " + o.rule())))
                        .mapToLong(Outcome::nanos).sorted().toArray());
            }

            // No position and no detainee terminal given twice: read back what the site holds.
            int positionClashes = 0;
            int terminalClashes = 0;
            int listed = 0;
            for (long c : centres) {
                Map<String, Integer> perPositionSlot = new HashMap<>();
                String dayList = get(admin, "/api/centres/" + c + "/day?date=" + day);
                Matcher b = Pattern.compile("\"start\":\"([^\"]+)\",\"end\":\"[^\"]+\",\"position\":\"([^\"]*)\"").matcher(dayList);
                while (b.find()) {
                    listed++;
                    if (perPositionSlot.merge(b.group(2) + "@" + b.group(1), 1, Integer::sum) > 1) {
                        positionClashes++;
                    }
                }
            }
            for (long dc : dcs) {
                Map<String, Integer> perTerminalSlot = new HashMap<>();
                String daily = get(admin, "/api/detention-centres/" + dc + "/daily?date=" + day);
                Matcher b = Pattern.compile("\"start\":\"([^\"]+)\",.*?\"terminal\":\"([^\"]*)\"").matcher(daily);
                while (b.find()) {
                    if (perTerminalSlot.merge(b.group(2) + "@" + b.group(1), 1, Integer::sum) > 1) {
                        terminalClashes++;
                    }
                }
            }
            print(outcomes, byOutcome, all.size(), seconds, latencies, booked.get(), listed, positionClashes, terminalClashes);
        }
    }

    /**
     * The JVM options the distribution starts with (its {@code bin/setenv} default), so that options given to the
     * bench are added to them instead of replacing them (heap size and collector stay as shipped).
     */
    static String shippedJavaOptions(Distribution site) throws java.io.IOException {
        Matcher m = Pattern.compile("(?m)^\\s+EXTRA_JAVA_OPTS=\"([^\"$]+)\"")
                .matcher(java.nio.file.Files.readString(site.home().resolve("bin/setenv")));
        if (!m.find()) {
            throw new IllegalStateException("no default EXTRA_JAVA_OPTS in " + site.home().resolve("bin/setenv"));
        }
        return m.group(1);
    }

    /** Every lawyer books at once through {@code clients} connections; returns when all are answered. */
    void press(List<Lawyer> people, Map<Long, List<Long>> centresOfDc, List<String> starts, LocalDate day,
            ConcurrentLinkedQueue<Outcome> all, AtomicInteger booked) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(people.size());
        for (Lawyer l : people) {
            pool.submit(() -> {
                try {
                    if (book(l, centresOfDc.get(l.detentionCentreId()), starts, day, all)) {
                        booked.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
    }

    /**
     * The open-loop rush: one request every 1/{@code rate} s from the release moment (1/{@code warmUpRate} s in the
     * warm-up). Each is the next try of a
     * lawyer refused a full slot if one is waiting, else the next lawyer's first, sent on one of {@code clients}
     * connections; returns when all are answered. With {@code openPage} (the warm-up), a lawyer's first request
     * comes after loading the booking page on that connection, as a day's traffic has it; at the release the pages
     * were opened before (see {@code rush.open}).
     */
    void pressAtRate(List<Lawyer> people, Map<Long, List<Long>> centresOfDc, List<String> starts, LocalDate day,
            ConcurrentLinkedQueue<Outcome> all, AtomicInteger booked, boolean openPage) throws InterruptedException {
        java.util.concurrent.LinkedBlockingQueue<int[]> again = new java.util.concurrent.LinkedBlockingQueue<>(); // {lawyer, attempt}
        CountDownLatch done = new CountDownLatch(people.size());
        Map<Integer, Random> choices = new ConcurrentHashMap<>();
        // As many connections as the closed loop has; a request due while all are busy waits for one, and that wait
        // counts in its latency.
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long interval = Math.round(1e9 / (openPage ? warmUpRate : rate));
        long due = rushStart;
        int next = 0;
        while (done.getCount() > 0) {
            int[] a = again.poll();
            if (a == null && next < people.size()) {
                a = new int[] { next++, 0 };
            }
            if (a == null) { // every lawyer has started; wait for a refused one to try again
                a = again.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (a == null) {
                    continue;
                }
                due = Math.max(due, System.nanoTime());
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int index = a[0];
            Lawyer l = people.get(index);
            int attempt = a[1];
            long sent = due;
            Random random = choices.computeIfAbsent(index, k -> new Random(l.n()));
            String r = bookingRequest(l, centresOfDc.get(l.detentionCentreId()), starts, day, random);
            pool.execute(() -> {
                Wire.Answer response;
                try {
                    response = exchange(l.session(), r, openPage && attempt == 0);
                } catch (Exception e) {
                    all.add(new Outcome(-1, e.getClass().getSimpleName(), System.nanoTime() - sent, sent - rushStart));
                    done.countDown();
                    return;
                }
                long nanos = System.nanoTime() - sent;
                String rule = rule(response);
                all.add(new Outcome(response.status(), rule, nanos, sent - rushStart));
                if (response.status() == 201) {
                    booked.incrementAndGet();
                    done.countDown();
                } else if (attempt + 1 < ATTEMPTS && full(rule)) {
                    again.add(new int[] { index, attempt + 1 });
                } else {
                    done.countDown();
                }
            });
            due += interval;
        }
        pool.shutdown();
    }

    /** The start times of a day's slots, as a lawyer sees them. */
    List<String> starts(Lawyer l, long centre, long dc, LocalDate day) throws Exception {
        String avail = get(l.session(), "/api/availability?centreId=" + centre + "&detentionCentreId=" + dc + "&date=" + day);
        List<String> starts = new ArrayList<>();
        Matcher m = Pattern.compile("\"start\":\"[^T]+T(\\d\\d:\\d\\d)").matcher(avail);
        while (m.find()) {
            starts.add(m.group(1));
        }
        return starts;
    }

    /** A lawyer's first choices are in random order; a full slot makes them try the next, up to three. */
    boolean book(Lawyer l, List<Long> centres, List<String> starts, LocalDate day, ConcurrentLinkedQueue<Outcome> all) {
        Random random = new Random(l.n());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long t = System.nanoTime();
            Wire.Answer r;
            try {
                String json = bookingRequest(l, centres, starts, day, random);
                r = exchange(l.session(), json);
                for (long until = t + 30_000_000_000L; starting(r.status(), r.body()) && System.nanoTime() < until; r = exchange(l.session(), json)) {
                    Thread.sleep(500); // see sendAgainWhileStarting
                }
            } catch (Exception e) {
                all.add(new Outcome(-1, e.getClass().getSimpleName(), System.nanoTime() - t, t - rushStart));
                return false;
            }
            long nanos = System.nanoTime() - t;
            String rule = rule(r);
            all.add(new Outcome(r.status(), rule, nanos, t - rushStart));
            if (r.status() == 201) {
                return true;
            }
            if (!full(rule)) {
                return false;
            }
        }
        return false;
    }

    /** A lawyer's request (the body of {@code POST /api/bookings}) for a random slot of {@code day} at a random centre serving their detainee. */
    static String bookingRequest(Lawyer l, List<Long> centres, List<String> starts, LocalDate day, Random random) {
        long centre = centres.get(random.nextInt(centres.size()));
        String start = starts.get(random.nextInt(starts.size()));
        return "{\"detaineeId\":" + l.detaineeId() + ",\"caseId\":" + l.caseId() + ",\"centreId\":" + centre
                + ",\"date\":\"" + day + "\",\"start\":\"" + start + "\",\"slots\":1,\"documentIds\":" + l.letters() + "}";
    }

    /** The rule a 409 names, else null. */
    static String rule(Wire.Answer r) {
        return r.status() == 409 ? r.body().replaceAll(".*\"rule\":\"([^\"]+)\".*", "$1") : null;
    }

    /** A 503 "starting": the API is being rebuilt while features start, nothing was done. */
    static boolean starting(int status, String body) {
        return status == 503 && body.contains("/problems/starting");
    }

    /** Whether the refusal was for a full slot, so the lawyer tries another. */
    static boolean full(String rule) {
        return "slot-taken".equals(rule) || "no-detainee-terminal".equals(rule);
    }

    Lawyer prepare(Session admin, int n, long dc, long firm) throws Exception {
        long detainee = id(send(admin, "POST", "/api/detainees", "{\"detentionCentreId\":" + dc + ",\"code\":\"RUSH-" + n
                + "\",\"name\":\"在押人员" + n + "\",\"gender\":\"MALE\"}"));
        long c = id(send(admin, "POST", "/api/cases", "{\"caseNo\":\"RUSH-" + n + "\",\"detaineeId\":" + detainee
                + ",\"charge\":\"盗窃罪\",\"stage\":\"TRIAL\"}"));
        String user = "rush" + n;
        HttpResponse<String> reg = send(null, "POST", "/api/registrations", "{\"name\":\"律师" + n + "\",\"idCardNo\":\""
                + idCard(n) + "\",\"licenceNo\":\"" + String.format("144012020%08d", n) + "\",\"lawFirmId\":" + firm
                + ",\"mobile\":\"13900139000\",\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (reg.statusCode() != 201) {
            throw new IllegalStateException("registration " + n + ": " + reg.body());
        }
        long lawyerId = Long.parseLong(reg.body().replaceAll(".*\"lawyerId\":(\\d+).*", "$1"));
        send(admin, "POST", "/api/qualifications/" + lawyerId + "/verify", "{}");
        Session s = signIn(user);
        List<Long> letters = List.of(upload(s, "AUTHORISATION_LETTER"), upload(s, "FIRM_LETTER"));
        return new Lawyer(n, lawyerId, detainee, c, dc, s, letters);
    }

    long upload(Session s, String kind) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/documents?kind=" + kind + "&fileName=x.pdf"))
                .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build();
        return id(sendAgainWhileStarting(r));
    }

    static String idCard(int n) {
        return org.huijian.itests.TestData.idCard(String.format("44010619%02d%02d%02d%03d", 70 + n % 25, 1 + n % 12,
                1 + n % 28, n % 1000));
    }

    Session signIn(String user) throws Exception {
        HttpResponse<String> r = send(null, "POST", "/api/session", "{\"username\":\"" + user + "\",\"password\":\""
                + PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            return null;
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Session(cookie, r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1"));
    }

    Session awaitSignIn(String user) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                Session s = signIn(user);
                if (s != null) {
                    return s;
                }
            } catch (java.io.IOException notYet) {
                // HTTPS restarts once
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(user + " cannot sign in");
    }

    javax.net.ssl.SSLContext awaitTrust(Distribution site) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                return site.trust();
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no HTTPS");
    }

    HttpResponse<String> send(Session s, String method, String path, String json) throws Exception {
        return sendAgainWhileStarting(request(s, method, path, json));
    }

    HttpRequest request(Session s, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (s != null) {
            b.header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf());
        }
        return b.build();
    }

    /**
     * While features start the API is rebuilt and answers 503 "starting" (nothing done): send again, as the web
     * app does.
     */
    HttpResponse<String> sendAgainWhileStarting(HttpRequest request) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (!starting(r.statusCode(), r.body()) || System.nanoTime() > until) {
                return r;
            }
            Thread.sleep(500);
        }
    }

    String get(Session s, String path) throws Exception {
        return send(s, "GET", path, null).body();
    }

    static long id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() >= 300 || !m.find()) {
            throw new IllegalStateException("expected a created resource: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    static List<Long> ids(String json) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(json);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    void print(Map<String, Integer> outcomes, Map<String, long[]> byOutcome, int requests, double seconds, long[] latencies, int booked, int listed,
            int positionClashes, int terminalClashes) throws Exception {
        double rps = requests / seconds;
        double p50 = latencies[(int) (latencies.length * 0.50)] / 1e6;
        double p95 = latencies[(int) (latencies.length * 0.95)] / 1e6;
        double p99 = Percentiles.p99Ms(latencies);
        double max = latencies[latencies.length - 1] / 1e6;
        StringBuilder out = new StringBuilder();
        out.append(rate > 0
                ? String.format(Locale.ROOT, "%nRelease rush: %d lawyers, requests offered at %.0f/s on up to %d connections (latency from when each was due), up to 3 attempts each%n",
                        lawyers, rate, clients)
                : String.format(Locale.ROOT, "%nRelease rush: %d lawyers, %d concurrent clients, up to 3 attempts each%n",
                        lawyers, clients));
        out.append(String.format(Locale.ROOT, "  requests %d in %.2f s: %.0f requests/s%n", requests, seconds, rps));
        out.append(String.format(Locale.ROOT, "  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50, p95,
                p99, max));
        out.append(String.format(Locale.ROOT, "  lawyers who got a slot: %d; bookings the site lists for the day: %d%n",
                booked, listed));
        outcomes.forEach((k, v) -> {
            long[] l = byOutcome.get(k);
            out.append(String.format(Locale.ROOT, "  %-32s %6d   p50 %7.1f ms  p99 %7.1f ms%n", k, v,
                    l[(int) (l.length * 0.5)] / 1e6, Percentiles.p99Ms(l)));
        });
        if (requestsSent.length > 0) {
            StringBuilder w = new StringBuilder("  p99 by when sent (100 ms windows):");
            long last = java.util.Arrays.stream(requestsSent).max().orElse(0);
            for (long from = 0; from <= Math.min(last, 1_900_000_000L); from += 100_000_000L) {
                double inWindow = Percentiles.p99Ms(requestsSent, requestsNanos, requestsSent.length, from,
                        from + 100_000_000L);
                if (!Double.isNaN(inWindow)) {
                    w.append(String.format(Locale.ROOT, " %d:%.0f", from / 1_000_000, inWindow));
                }
            }
            out.append(w).append(" ms\n");
        }
        if (winnersSent.length > 0) {
            out.append(String.format(Locale.ROOT, "  requests that got a slot were sent %.0f–%.0f ms into the rush (p50 %.0f ms)%n",
                    winnersSent[0] / 1e6, winnersSent[winnersSent.length - 1] / 1e6, winnersSent[winnersSent.length / 2] / 1e6));
        }
        out.append(String.format(Locale.ROOT, "  processor during the rush (%% of one core, 2 cores): site %.0f %%, this driver %.0f %%%n",
                cpu[0], cpu[1]));
        out.append(String.format(Locale.ROOT, "  double-booked positions: %d, double-booked detainee terminals: %d%n",
                positionClashes, terminalClashes));
        out.append(String.format(Locale.ROOT, "  target >= 1000 requests/s: %s; p99 < 100 ms: %s; zero double bookings: %s%n",
                rps >= 1000 ? "PASS" : "FAIL", p99 < 100 ? "PASS" : "FAIL",
                positionClashes == 0 && terminalClashes == 0 && booked == listed ? "PASS" : "FAIL"));
        System.out.print(out);
        Files.writeString(dir.resolve("rush-results.txt"), out.toString());
    }
}
