package org.huijian.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.PrintJobState;
import org.huijian.printing.spi.Printer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Printing on the assembled distribution: the printer driver features install from its system folder, a printer is
 * added the way an administrator does it (a factory configuration in {@code etc/}), and its {@link Printer} service
 * appears with that configuration. The simulated printer writes the job to its folder and can be switched off; the
 * IPP driver prints from inside Karaf to a real CUPS scheduler started for this test, whose PDF printer writes the
 * file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PrintingIT extends KarafTestBase {
    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void theSimulatedPrinterAppearsWithItsConfigurationPrintsAndCanBeSwitchedOff() throws Exception {
        features.installFeature("huijian-driver-simprinter", EnumSet.noneOf(FeaturesService.Option.class));
        Path folder = Path.of(System.getProperty("karaf.data"), "itest-simprinter");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.huijian.driver.simprinter-itest.cfg");
        writeConfig(cfg, "id = IT-SIM-1\ndisplayName = 会见室1 打印机（模拟）\nterminal = GZ-TH-P01-L\n"
                + "printMillis = 300\nfolder = " + folder + "\n");

        Printer printer = awaitPrinter("IT-SIM-1", p -> p.available());
        ServiceReference<Printer> ref = reference("IT-SIM-1");
        assertEquals("GZ-TH-P01-L", ref.getProperty(Printer.PROP_TERMINAL));
        assertEquals("huijian.driver.simprinter", ref.getBundle().getSymbolicName());
        assertEquals("会见室1 打印机（模拟）", printer.displayName());
        assertEquals("GZ-TH-P01-L", printer.terminal().orElseThrow());

        byte[] pdf = pdf("Huijian PrintingIT simulated");
        PrintJob job = printer.print(PrintDocument.pdf("会见笔录 PrintingIT", pdf, "lawyer"));
        await("the simulated job completes", 10_000,
                () -> printer.status(job.jobId()).state() == PrintJobState.COMPLETED);
        assertTrue(java.util.Arrays.equals(pdf, Files.readAllBytes(folder.resolve(job.jobId() + ".pdf"))));
        String record = Files.readString(folder.resolve(job.jobId() + ".json"));
        assertTrue(record, record.contains("\"requestedBy\": \"lawyer\"") && record.contains("会见笔录 PrintingIT"));

        // Switched off by configuration: the service comes back, not available, and refuses.
        writeConfig(cfg, "id = IT-SIM-1\ndisplayName = 会见室1 打印机（模拟）\nterminal = GZ-TH-P01-L\n"
                + "printMillis = 300\navailable = false\nfolder = " + folder + "\n");
        Printer off = awaitPrinter("IT-SIM-1", p -> !p.available());
        try {
            off.print(PrintDocument.pdf("x", pdf, "lawyer"));
            fail("a switched-off printer printed");
        } catch (PrintException e) {
            assertEquals(PrintException.UNAVAILABLE, e.reason());
        }
        Files.delete(cfg);
        await("the printer goes with its configuration", 20_000, () -> reference("IT-SIM-1") == null);
    }

    @Test
    public void theIppDriverPrintsFromKarafToARealCups() throws Exception {
        features.installFeature("huijian-driver-ipp", EnumSet.noneOf(FeaturesService.Option.class));
        Path base = Path.of(System.getProperty("karaf.data"), "itest-cups").toAbsolutePath();
        Process cupsd = startCups(base);
        try {
            int port = Integer.parseInt(Files.readString(base.resolve("port")).strip());
            Path out = base.resolve("out/room1.pdf");
            run("lpadmin", "-h", "127.0.0.1:" + port, "-p", "room1", "-v", "file://" + out, "-P",
                    "/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd", "-E");
            Path cfg = Path.of(System.getProperty("karaf.etc"), "org.huijian.driver.ipp-itest.cfg");
            writeConfig(cfg, "id = IT-IPP-1\ndisplayName = 会见室1 打印机\nuri = ipp://127.0.0.1:" + port
                    + "/printers/room1\n");
            Printer printer = awaitPrinter("IT-IPP-1", p -> p.available());
            assertTrue("shared by the centre", printer.terminal().isEmpty());
            assertEquals("ipp://127.0.0.1:" + port + "/printers/room1",
                    reference("IT-IPP-1").getProperty("huijian.printer.uri"));

            PrintJob job = printer.print(PrintDocument.pdf("会见笔录 PrintingIT", pdf("Huijian PrintingIT over IPP"),
                    "lawyer"));
            await("CUPS completes the job", 60_000,
                    () -> printer.status(job.jobId()).state() == PrintJobState.COMPLETED);
            assertTrue(Files.size(out) > 0);
            String text = run("pdftotext", out.toString(), "-");
            assertTrue(text, text.contains("Huijian PrintingIT over IPP"));

            // A queue CUPS does not have, configured by mistake: the service is there, not available, not found.
            writeConfig(Path.of(System.getProperty("karaf.etc"), "org.huijian.driver.ipp-wrong.cfg"),
                    "id = IT-IPP-2\nuri = ipp://127.0.0.1:" + port + "/printers/room9\n");
            Printer wrong = awaitPrinter("IT-IPP-2", p -> true);
            assertFalse(wrong.available());
            try {
                wrong.print(PrintDocument.pdf("x", pdf("x"), "lawyer"));
                fail("printed to a queue that does not exist");
            } catch (PrintException e) {
                assertEquals(PrintException.NOT_FOUND, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("client-error-not-found"));
            }
        } finally {
            cupsd.destroy();
            cupsd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---- helpers ----

    /**
     * Writes a configuration file as an administrator would (beside, then moved, so Felix FileInstall reads it whole).
     * FileInstall reads {@code .cfg} files as ISO-8859-1, like Java properties: other characters go as \\u escapes.
     */
    static void writeConfig(Path cfg, String content) throws IOException {
        StringBuilder escaped = new StringBuilder();
        content.chars().forEach(c -> escaped.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04x", c)));
        Path part = cfg.resolveSibling(cfg.getFileName() + ".tmp");
        Files.writeString(part, escaped, StandardCharsets.ISO_8859_1);
        Files.move(part, cfg, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    ServiceReference<Printer> reference(String id) throws Exception {
        Collection<ServiceReference<Printer>> refs = context.getServiceReferences(Printer.class,
                "(" + Printer.PROP_ID + "=" + id + ")");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    Printer awaitPrinter(String id, java.util.function.Predicate<Printer> condition) throws Exception {
        Printer[] found = new Printer[1];
        await("printer " + id, 30_000, () -> {
            ServiceReference<Printer> ref = reference(id);
            Printer p = ref == null ? null : context.getService(ref);
            found[0] = p;
            return p != null && condition.test(p);
        });
        assertNotNull(found[0]);
        return found[0];
    }

    /** A one-page PDF with a line of Helvetica, its cross-reference table counted out. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.US_ASCII));
        }
        int xref = out.size();
        StringBuilder b = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            b.append(String.format("%010d 00000 n \n", offset));
        }
        b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * A private cupsd (as in huijian.driver.ipp's tests): its own ServerRoot and spool under {@code base}, a free
     * 127.0.0.1 port (written to {@code base/port}), no authentication, file: devices allowed.
     */
    static Process startCups(Path base) throws Exception {
        for (String d : List.of("root", "spool/tmp", "cache", "state", "log", "out")) {
            Files.createDirectories(base.resolve(d));
        }
        int port = freePort();
        Files.writeString(base.resolve("port"), Integer.toString(port));
        Files.writeString(base.resolve("root/cups-files.conf"), "ServerRoot " + base.resolve("root")
                + "\nRequestRoot " + base.resolve("spool") + "\nTempDir " + base.resolve("spool/tmp")
                + "\nCacheDir " + base.resolve("cache") + "\nStateDir " + base.resolve("state")
                + "\nAccessLog " + base.resolve("log/access_log") + "\nErrorLog " + base.resolve("log/error_log")
                + "\nPageLog " + base.resolve("log/page_log") + "\nFileDevice Yes\nSandboxing Relaxed\n");
        Files.writeString(base.resolve("root/cupsd.conf"), "Listen 127.0.0.1:" + port
                + "\nBrowsing No\nWebInterface No\nDefaultAuthType None\n<Location />\n  Order allow,deny\n"
                + "  Allow from 127.0.0.1\n</Location>\n<Policy default>\n  <Limit All>\n    Order deny,allow\n"
                + "  </Limit>\n</Policy>\n");
        Process cupsd = new ProcessBuilder(sbin("cupsd"), "-f", "-c", base.resolve("root/cupsd.conf").toString(), "-s",
                base.resolve("root/cups-files.conf").toString()).redirectErrorStream(true)
                .redirectOutput(base.resolve("log/cupsd.out").toFile()).start();
        await("cupsd listening on " + port, 20_000, () -> {
            if (!cupsd.isAlive()) {
                throw new IllegalStateException("cupsd exited: " + Files.readString(base.resolve("log/cupsd.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
        });
        return cupsd;
    }

    static String sbin(String name) {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found: install cups-daemon, cups-client, cups-filters (.ci/run)");
    }

    static String run(String command, String... arguments) throws Exception {
        List<String> line = new ArrayList<>(List.of(sbin(command)));
        line.addAll(List.of(arguments));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }
}
