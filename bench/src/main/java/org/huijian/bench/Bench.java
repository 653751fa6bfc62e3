package org.huijian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.huijian.itests.Api;
import org.huijian.itests.Distribution;

/**
 * Measures the assembled distribution from the outside, as a real process: cold and warm start-up to the
 * first 200 from {@code /api/health}, resident memory of the Karaf JVM, sign-in latency, and REST read
 * throughput. Prints a table and writes {@code bench-results.json}; see the module's README.
 *
 * <p>
 * System properties: {@code huijian.distribution} (the tar.gz), {@code bench.directory} (where runs are
 * unpacked and results written), {@code bench.runs} (5), {@code bench.signIns} (20), {@code bench.seconds}
 * (10, per concurrency level).
 */
public final class Bench {
    static final String PASSWORD = "Bench-Pass-7391!";
    static final double READY_TARGET_S = 15;
    static final double RSS_TARGET_MB = 400;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    static final int[] CLIENTS = { 1, 4, 16 };

    /** One start-up run; times in seconds, memory in MiB. */
    record Run(int n, double coldReady, double demoReady, double coldRss, double warmedRss, double stop,
            double warmReady, double warmRss) {
    }

    /** The reads of one concurrency level; {@code nanos} sorted. */
    record Load(int clients, long errors, double seconds, long[] nanos) {
        double perSecond() {
            return nanos.length / seconds;
        }
    }

    private final Path dir = Path.of(System.getProperty("bench.directory", "target"));
    private final int runCount = Integer.getInteger("bench.runs", 5);
    private final int signInCount = Integer.getInteger("bench.signIns", 20);
    private final Duration loadTime = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private final List<Run> runs = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();
    private long[] signIns = new long[0];
    private String kdfIterations = "?";
    /** The distribution that is up, for the Ctrl-C hook. */
    private volatile Distribution running;

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        Thread hook = new Thread(bench::killRunning, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        bench.measure();
        bench.report();
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    private void measure() throws Exception {
        for (int n = 1; n <= runCount; n++) {
            try (Distribution site = Distribution.unpack(dir.resolve("runs").resolve(Integer.toString(n)))
                    .set("org.huijian.demo", "password", PASSWORD).env("HUIJIAN_ADMIN_PASSWORD", PASSWORD)) {
                running = site;
                long t0 = System.nanoTime();
                site.start().awaitHealthy(START_TIMEOUT);
                double coldReady = since(t0);
                double coldRss = mb(site.residentKb());
                awaitDemoSite(site);
                double demoReady = since(t0);
                read(site, 4, WARM_UP);
                double warmedRss = mb(site.residentKb());

                t0 = System.nanoTime();
                site.stop();
                double stop = since(t0);
                t0 = System.nanoTime();
                site.start().awaitHealthy(START_TIMEOUT);
                Run run = new Run(n, coldReady, demoReady, coldRss, warmedRss, stop, since(t0), mb(site.residentKb()));
                runs.add(run);
                System.out.printf("run %d: cold %.1f s (demo site %.1f s), %.0f MiB, %.0f MiB after warm-up; "
                        + "stop %.1f s; warm start %.1f s, %.0f MiB%n", n, run.coldReady, run.demoReady, run.coldRss,
                        run.warmedRss, run.stop, run.warmReady, run.warmRss);

                if (n == runCount) { // sign-in and reads on the restarted copy of the last run
                    kdfIterations = setting(site, "org.huijian.accounts", "kdfIterations", "310000");
                    awaitDemoSite(site);
                    signIns = signIns(site);
                    read(site, 4, WARM_UP); // JIT warm-up, not counted
                    for (int clients : CLIENTS) {
                        Load load = read(site, clients, loadTime);
                        loads.add(load);
                        System.out.printf("%d clients: %.0f requests/s%n", clients, load.perSecond());
                    }
                }
            } finally {
                running = null;
            }
        }
    }

    /** The demo site is complete once centre GZ-TH (created last) exists and its lawyer signs in. */
    private static void awaitDemoSite(Distribution site) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Api admin = null;
        boolean seeded = false;
        while (System.nanoTime() < end) {
            try {
                if (admin == null) {
                    Api api = site.api();
                    admin = api.signIn("admin", PASSWORD).status() == 200 ? api : null;
                } else if (!seeded) {
                    Api.Reply centres = admin.get("/api/centres");
                    admin = centres.status() == 401 ? null : admin;
                    seeded = centres.body().contains("\"GZ-TH\"");
                } else if (site.api().signIn("lawyer", PASSWORD).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // no certificate yet, or HTTPS restarting once after generating it
            }
            Thread.sleep(100);
        }
        throw new IOException("the demo site did not come up in 90 s; see " + site.home().resolve("data/log"));
    }

    private long[] signIns(Distribution site) throws Exception {
        Api api = site.api();
        long[] nanos = new long[signInCount];
        for (int i = -2; i < signInCount; i++) { // two untimed
            long t = System.nanoTime();
            Api.Reply r = api.signIn("admin", PASSWORD);
            if (r.status() != 200) {
                throw new IOException("sign-in failed: " + r);
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** {@code clients} signed-in admins, each reading {@code GET /api/centres} in a loop for {@code time}. */
    private static Load read(Distribution site, int clients, Duration time) throws Exception {
        List<Api> apis = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Api api = site.api();
            Api.Reply r = api.signIn("admin", PASSWORD);
            if (r.status() != 200) {
                throw new IOException("sign-in failed: " + r);
            }
            apis.add(api);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + time.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            long[] errors = new long[clients];
            for (int i = 0; i < clients; i++) {
                Api api = apis.get(i);
                int me = i;
                results.add(pool.submit(() -> {
                    LongStream.Builder nanos = LongStream.builder();
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        try {
                            if (api.get("/api/centres").status() == 200) {
                                nanos.add(System.nanoTime() - t);
                            } else {
                                errors[me]++;
                            }
                        } catch (IOException e) {
                            errors[me]++;
                        }
                    }
                    return nanos.build().toArray();
                }));
            }
            LongStream all = LongStream.empty();
            for (Future<long[]> f : results) {
                all = LongStream.concat(all, LongStream.of(f.get()));
            }
            long[] sorted = all.sorted().toArray();
            return new Load(clients, LongStream.of(errors).sum(), since(start), sorted);
        } finally {
            pool.shutdownNow();
        }
    }

    private void report() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", map("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version")));
        json.put("distribution", Distribution.archive().getFileName().toString());
        System.out.printf("%nHuijian bench: %s, %d cores, Java %s%n%n", Distribution.archive().getFileName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        System.out.printf("Start-up and memory, %d runs, each from a fresh unpack     median     min     max   target%n",
                runs.size());
        Map<String, Object> startup = new LinkedHashMap<>();
        startup.put("coldReadySeconds", row("cold start to /api/health 200 (s)", Run::coldReady, READY_TARGET_S));
        startup.put("demoReadySeconds", row("cold start to demo site signed in (s)", Run::demoReady, 0));
        startup.put("coldRssMiB", row("resident memory when healthy (MiB)", Run::coldRss, RSS_TARGET_MB));
        startup.put("warmedRssMiB", row("resident memory after " + WARM_UP.toSeconds() + " s warm-up load (MiB)",
                Run::warmedRss, RSS_TARGET_MB));
        startup.put("stopSeconds", row("clean stop, bin/stop (s)", Run::stop, 0));
        startup.put("warmReadySeconds", row("warm start, 2nd of same copy, to /api/health 200 (s)", Run::warmReady,
                READY_TARGET_S));
        startup.put("warmRssMiB", row("resident memory at warm start (MiB)", Run::warmRss, RSS_TARGET_MB));
        startup.put("runs", runs);
        json.put("startup", startup);
        System.out.printf("%n  run   cold s   demo s   MiB   MiB warmed   stop s   warm s   warm MiB%n");
        for (Run r : runs) {
            System.out.printf("  %3d %8.1f %8.1f %5.0f %12.0f %8.1f %8.1f %10.0f%n", r.n, r.coldReady, r.demoReady,
                    r.coldRss, r.warmedRss, r.stop, r.warmReady, r.warmRss);
        }

        if (signIns.length > 0) {
            System.out.printf("%nSign-in, POST /api/session as admin, PBKDF2 %s iterations, %d sign-ins:"
                    + " median %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n", kdfIterations, signIns.length,
                    ms(pct(signIns, 50)), ms(pct(signIns, 95)), ms(signIns[0]), ms(signIns[signIns.length - 1]));
            json.put("signIn", map("kdfIterations", Integer.valueOf(kdfIterations), "count", signIns.length, "medianMs",
                    ms(pct(signIns, 50)), "p95Ms", ms(pct(signIns, 95)), "minMs", ms(signIns[0]), "maxMs",
                    ms(signIns[signIns.length - 1])));
        }
        if (!loads.isEmpty()) {
            System.out.printf("%nREST reads, GET /api/centres as admin, %d s per level%n", loadTime.toSeconds());
            System.out.printf("  clients   requests/s   p50 ms   p95 ms   p99 ms   errors%n");
            List<Map<String, Object>> levels = new ArrayList<>();
            for (Load l : loads) {
                System.out.printf("  %7d %12.0f %8.1f %8.1f %8.1f %8d%n", l.clients, l.perSecond(), ms(pct(l.nanos, 50)),
                        ms(pct(l.nanos, 95)), ms(pct(l.nanos, 99)), l.errors);
                levels.add(map("clients", l.clients, "requests", l.nanos.length, "errors", l.errors,
                        "requestsPerSecond", l.perSecond(), "p50Ms", ms(pct(l.nanos, 50)), "p95Ms", ms(pct(l.nanos, 95)),
                        "p99Ms", ms(pct(l.nanos, 99))));
            }
            json.put("restReads", levels);
        }
        Path out = dir.resolve("bench-results.json");
        Files.createDirectories(dir);
        Files.writeString(out, toJson(json) + "\n");
        System.out.printf("%nWritten to %s%n", out);
    }

    /** Prints one figure's median, min and max over the runs and PASS/FAIL against a target (0: none). */
    private Map<String, Object> row(String label, ToDoubleFunction<Run> figure, double target) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        Map<String, Object> m = map("median", median, "min", v[0], "max", v[v.length - 1]);
        String verdict = "";
        if (target > 0) {
            boolean pass = v[v.length - 1] < target; // every run
            verdict = String.format("< %.0f %s  %s", target, target == RSS_TARGET_MB ? "MiB" : "s", pass ? "PASS" : "FAIL");
            m.put("target", target);
            m.put("pass", pass);
        }
        System.out.printf("  %-55s %7.1f %7.1f %7.1f   %s%n", label, median, v[0], v[v.length - 1], verdict);
        return m;
    }

    private void killRunning() {
        Distribution site = running;
        if (site != null) {
            try {
                System.err.println("bench: stopping " + site.home());
                site.kill9();
            } catch (Exception gone) {
                // not running
            }
        }
    }

    private static String setting(Distribution site, String pid, String key, String fallback) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(site.home().resolve("etc").resolve(pid + ".cfg"))) {
            p.load(in);
        }
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? fallback : v;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    private static double mb(long kb) {
        return Math.round(kb / 102.4) / 10.0;
    }

    /** An ordered map from alternating keys and values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            List<String> fields = new ArrayList<>();
            m.forEach((k, v) -> fields.add(Api.quote(k.toString()) + ": " + toJson(v)));
            return "{" + String.join(", ", fields) + "}";
        } else if (o instanceof List<?> l) {
            return "[" + String.join(",\n  ", l.stream().map(Bench::toJson).toList()) + "]";
        } else if (o instanceof Run r) {
            return toJson(map("run", r.n, "coldReadySeconds", r.coldReady, "demoReadySeconds", r.demoReady, "coldRssMiB",
                    r.coldRss, "warmedRssMiB", r.warmedRss, "stopSeconds", r.stop, "warmReadySeconds", r.warmReady,
                    "warmRssMiB", r.warmRss));
        } else if (o instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.3f", d);
        } else if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return Api.quote(String.valueOf(o));
    }
}
