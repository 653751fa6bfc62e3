package org.huijian.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The assembled Huijian distribution, unpacked into a folder and run as a real process ({@code bin/karaf
 * server}) on free ports, for tests and benchmarks that need the whole platform from the outside: real
 * HTTP, real restarts, real {@code kill -9}.
 */
public final class Distribution implements AutoCloseable {
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final int httpPort;
    private final int httpsPort;
    private final int sshPort;
    private Process process;

    private Distribution(Path home, int httpPort, int httpsPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.sshPort = sshPort;
    }

    /** The distribution archive: system property {@code huijian.distribution}. */
    public static Path archive() {
        String path = System.getProperty("huijian.distribution");
        if (path == null) {
            throw new IllegalStateException("set -Dhuijian.distribution to the distribution's tar.gz");
        }
        return Path.of(path);
    }

    /** Unpacks the archive into {@code dir} and gives it free ports. */
    public static Distribution unpack(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    Path cmdline = p.resolve("cmdline");
                    if (p.getFileName().toString().matches("\\d+") && Files.isReadable(cmdline)) {
                        String cmd;
                        try {
                            cmd = Files.readString(cmdline).replace('\0', ' ');
                        } catch (IOException gone) {
                            continue;
                        }
                        if (cmd.contains("org.apache.karaf.main.Main") && cmd.contains(dir.toAbsolutePath().toString())) {
                            throw new IOException("a Karaf is still running from " + dir + " (pid " + p.getFileName() + ")");
                        }
                    }
                }
            }
            run(List.of("rm", "-rf", dir.toString()));
        }
        Files.createDirectories(dir);
        run(List.of("tar", "xzf", archive().toString(), "-C", dir.toString()));
        Path home;
        try (Stream<Path> children = Files.list(dir)) {
            home = children.filter(p -> Files.exists(p.resolve("bin/karaf"))).findFirst()
                    .orElseThrow(() -> new IOException("no bin/karaf in " + archive()));
        }
        Distribution d = new Distribution(home, freePort(), freePort(), freePort());
        d.set("org.ops4j.pax.web", "org.osgi.service.http.port", Integer.toString(d.httpPort));
        d.set("org.huijian.web", "httpsPort", Integer.toString(d.httpsPort));
        d.set("org.apache.karaf.shell", "sshPort", Integer.toString(d.sshPort));
        return d;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int sshPort() {
        return sshPort;
    }

    /** Sets a key in {@code etc/<pid>.cfg}, creating the file when needed. */
    public Distribution set(String pid, String key, String value) throws IOException {
        return set(pid, Map.of(key, value));
    }

    /**
     * Sets keys in {@code etc/<pid>.cfg}, creating the file when needed, in one change: the new file replaces the old
     * one by a rename, so Karaf's file watcher never reads it half written nor sees some of the keys before the
     * others (each of which would reconfigure the site once more).
     */
    public Distribution set(String pid, Map<String, String> values) throws IOException {
        Path file = home.resolve("etc").resolve(pid + ".cfg");
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1)
                : new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("#") && (line.startsWith(key + " ") || line.startsWith(key + "="))) {
                    lines.set(i, key + " = " + e.getValue());
                    found = true;
                }
            }
            if (!found) {
                lines.add(key + " = " + e.getValue());
            }
        }
        Path next = file.resolveSibling(pid + ".cfg.next");
        Files.write(next, lines, StandardCharsets.ISO_8859_1);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return this;
    }

    public Distribution env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Starts {@code bin/karaf server}; its console output goes to {@code console.out}. */
    public Distribution start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until {@code /api/health} answers 200 over plain HTTP; returns how long that took. */
    public Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/api/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (process != null && !process.isAlive()) {
                throw new IOException("the distribution exited with " + process.exitValue() + ": " + console());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("not healthy after " + timeout + ": " + console());
    }

    /**
     * Waits until {@code /api/capabilities} lists every named capability and has done so for 3 s in a row: features
     * that start late republish the REST API, which answers 404 for a moment meanwhile. Over HTTPS, trusting
     * {@code trust} (plain HTTP is redirected).
     */
    public void awaitSettled(SSLContext trust, Duration timeout, String... capabilities)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/capabilities"))
                .timeout(Duration.ofSeconds(2)).build();
        long since = 0;
        String last = "";
        while (System.nanoTime() - started < timeout.toNanos()) {
            boolean all;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                all = r.statusCode() == 200;
                for (String id : capabilities) {
                    all &= r.body().contains("\"" + id + "\"");
                }
            } catch (IOException notYet) {
                all = false;
            }
            since = !all ? 0 : since == 0 ? System.nanoTime() : since;
            if (since != 0 && System.nanoTime() - since >= 3_000_000_000L) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("capabilities " + String.join(", ", capabilities) + " not settled after " + timeout
                + "; last answer: " + last);
    }

    /** The process id of the Karaf JVM (not of the start script). */
    public long javaPid() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("org.apache.karaf.main.Main") && cmd.contains(home.toString())) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // process ended while listing
                }
            }
        }
        throw new IOException("no Karaf JVM running from " + home);
    }

    /** Resident memory of the Karaf JVM, in kB (VmRSS). */
    public long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(javaPid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS");
    }

    /** Ends the JVM at once with SIGKILL, as {@code kill -9} does. */
    public void kill9() throws IOException, InterruptedException {
        long pid = javaPid();
        run(List.of("kill", "-9", Long.toString(pid)));
        waitGone(pid);
        if (process != null) {
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Stops Karaf cleanly ({@code bin/stop}) and waits for the JVM to end. */
    public void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        long pid = javaPid();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/stop").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.start().waitFor(30, TimeUnit.SECONDS);
        if (!waitGone(pid)) {
            run(List.of("kill", "-9", Long.toString(pid)));
            waitGone(pid);
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    public String console() throws IOException {
        Path out = home.resolve("console.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    /** The base URL of the HTTPS site. */
    public String https() {
        return "https://localhost:" + httpsPort;
    }

    /** An SSL context that trusts exactly the site's (generated) certificate. */
    public SSLContext trust() throws IOException {
        Properties web = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("etc/org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        String keystore = web.getProperty("org.ops4j.pax.web.ssl.keystore");
        String password = web.getProperty("org.ops4j.pax.web.ssl.keystore.password");
        if (keystore == null || password == null) {
            throw new IOException("HTTPS is not configured yet in etc/org.ops4j.pax.web.cfg");
        }
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot load the site's certificate from " + keystore, e);
        }
    }

    /** A REST client for this site, signed in as nobody yet. */
    public Api api() throws IOException {
        return new Api(https(), trust());
    }

    /** Finds a value printed on the console, e.g. a generated password after {@code "password: "}. */
    public Optional<String> printed(String label) throws IOException {
        return console().lines().filter(l -> l.contains(label)).findFirst()
                .map(l -> l.substring(l.indexOf(label) + label.length()).strip());
    }

    private boolean waitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!Files.exists(Path.of("/proc", Long.toString(pid)))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

}
