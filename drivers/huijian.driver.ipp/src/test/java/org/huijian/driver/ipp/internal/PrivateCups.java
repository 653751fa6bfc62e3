package org.huijian.driver.ipp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real CUPS scheduler of the test's own: {@code cupsd -f} with a private ServerRoot, spool, cache, state and logs
 * under a folder of {@code target/}, listening on a free localhost port, no authentication. Works as root (cupsd runs
 * its filters as {@code lp}) and as an ordinary user (everything runs as that user). Queues are added with the real
 * {@code lpadmin} against this scheduler only; the system's CUPS, if any, is not touched.
 */
final class PrivateCups implements AutoCloseable {
    /** cups-filters' PDF printer: its pdftopdf filter turns the job into a PDF for the device. */
    static final Path PDF_PPD = Path.of("/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd");

    final Path base;
    final int port;
    private final Process cupsd;

    PrivateCups(Path base) throws IOException, InterruptedException {
        this.base = base;
        Path root = Files.createDirectories(base.resolve("root"));
        for (String d : List.of("spool", "spool/tmp", "cache", "state", "log", "out")) {
            Files.createDirectories(base.resolve(d));
        }
        port = freePort();
        Files.writeString(root.resolve("cups-files.conf"), String.join("\n",
                "ServerRoot " + root,
                "RequestRoot " + base.resolve("spool"),
                "TempDir " + base.resolve("spool/tmp"),
                "CacheDir " + base.resolve("cache"),
                "StateDir " + base.resolve("state"),
                "AccessLog " + base.resolve("log/access_log"),
                "ErrorLog " + base.resolve("log/error_log"),
                "PageLog " + base.resolve("log/page_log"),
                // file: device URIs, so a queue's output is a file we can read
                "FileDevice Yes",
                // the default strict sandbox forbids the filters to read our spool outside /var/spool/cups
                "Sandboxing Relaxed",
                ""), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("cupsd.conf"), String.join("\n",
                "Listen 127.0.0.1:" + port,
                "LogLevel info",
                "Browsing No",
                "WebInterface No",
                "DefaultAuthType None",
                "<Location />",
                "  Order allow,deny",
                "  Allow from 127.0.0.1",
                "</Location>",
                "<Policy default>",
                "  <Limit All>",
                "    Order deny,allow",
                "  </Limit>",
                "</Policy>",
                ""), StandardCharsets.UTF_8);
        cupsd = new ProcessBuilder(executable("cupsd").toString(), "-f", "-c", root.resolve("cupsd.conf").toString(),
                "-s", root.resolve("cups-files.conf").toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("log/cupsd.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!cupsd.isAlive()) {
                throw new IOException("cupsd exited with " + cupsd.exitValue() + ": "
                        + Files.readString(base.resolve("log/cupsd.out")) + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    cupsd.destroy();
                    throw new IOException("cupsd did not listen on port " + port + " within 20 s" + log());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Adds an enabled, accepting queue of cups-filters' PDF printer whose output is the given file. */
    Path addPdfQueue(String name) throws IOException, InterruptedException {
        Path out = base.resolve("out").resolve(name + ".pdf");
        lpadmin("-p", name, "-v", "file://" + out, "-P", PDF_PPD.toString(), "-E");
        return out;
    }

    /** Runs the real lpadmin against this scheduler, e.g. {@code -p q -v file:///x -E}. */
    void lpadmin(String... arguments) throws IOException, InterruptedException {
        run("lpadmin", arguments);
    }

    /** Runs a CUPS client command (cupsreject, cupsaccept, cupsdisable, ...) against this scheduler. */
    void run(String command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(executable(command).toString());
        line.add("-h");
        line.add("127.0.0.1:" + port);
        line.addAll(List.of(arguments));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + output + log());
        }
    }

    String uri(String queue) {
        return "ipp://127.0.0.1:" + port + "/printers/" + queue;
    }

    String log() {
        try {
            Path log = base.resolve("log/error_log");
            return Files.exists(log) ? "\n--- cupsd error_log ---\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        cupsd.destroy();
        if (!cupsd.waitFor(10, TimeUnit.SECONDS)) {
            cupsd.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A CUPS program from PATH or the sbin folders (cupsd and lpadmin live in /usr/sbin, often not on PATH). */
    static Path executable(String name) throws IOException {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        throw new IOException(name + " not found: install cups-daemon and cups-client (see .ci/run)");
    }
}
