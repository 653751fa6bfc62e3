package org.huijian.driver.simprinter.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.PrintJobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated printer: files and records written, job states, switched off, refused documents, restarts. */
class SimulatedPrinterTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static SimPrinterConfig config(Path folder, int printMillis, boolean available) {
        return new SimPrinterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SimPrinterConfig.class;
            }

            @Override
            public String id() {
                return "sim-1";
            }

            @Override
            public String displayName() {
                return "会见室1 打印机（模拟）";
            }

            @Override
            public String terminal() {
                return " GZ-TH-P01-L ";
            }

            @Override
            public String folder() {
                return folder.toString();
            }

            @Override
            public int printMillis() {
                return printMillis;
            }

            @Override
            public boolean available() {
                return available;
            }

            @Override
            public String formats() {
                return "application/pdf";
            }
        };
    }

    @Test
    void aJobIsWrittenWithItsRecordAndCompletes(@TempDir Path dir) throws Exception {
        SimulatedPrinter printer = new SimulatedPrinter(config(dir, 300, true));
        assertEquals(Optional.of("GZ-TH-P01-L"), printer.terminal());
        assertTrue(printer.available());
        PrintJob job = printer.print(new PrintDocument("会见笔录 \"张三\"", PrintDocument.PDF, PDF, 2, "lawyer.zhang"));
        assertEquals("000001", job.jobId());
        assertEquals(PrintJobState.PENDING, job.state());
        assertEquals(PrintJobState.PROCESSING, printer.status("000001").state());
        assertArrayEquals(PDF, Files.readAllBytes(dir.resolve("000001.pdf")));
        String json = Files.readString(dir.resolve("000001.json"));
        assertTrue(json.contains("\"title\": \"会见笔录 \\\"张三\\\"\""), json);
        assertTrue(json.contains("\"copies\": 2"), json);
        assertTrue(json.contains("\"requestedBy\": \"lawyer.zhang\""), json);
        assertTrue(json.contains("\"sha256\": \"" + SimulatedPrinter.sha256(PDF) + "\""), json);
        Thread.sleep(350);
        PrintJob done = printer.status("000001");
        assertEquals(PrintJobState.COMPLETED, done.state());
        assertTrue(done.finished());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no .part left behind");
        }
    }

    @Test
    void numbersGoOnAfterARestartAndOldJobsAreCompleted(@TempDir Path dir) throws Exception {
        new SimulatedPrinter(config(dir, 0, true)).print(PrintDocument.pdf("a", PDF, "u"));
        SimulatedPrinter again = new SimulatedPrinter(config(dir, 0, true));
        assertEquals(PrintJobState.COMPLETED, again.status("000001").state());
        assertEquals("000002", again.print(PrintDocument.pdf("b", PDF, "u")).jobId());
        assertEquals(PrintException.NOT_FOUND,
                assertThrows(PrintException.class, () -> again.status("000009")).reason());
        assertEquals(PrintException.NOT_FOUND,
                assertThrows(PrintException.class, () -> again.status("../../etc/passwd")).reason());
    }

    @Test
    void switchedOffItRefusesAndWritesNothing(@TempDir Path dir) throws IOException {
        SimulatedPrinter printer = new SimulatedPrinter(config(dir, 0, false));
        assertFalse(printer.available());
        PrintException e = assertThrows(PrintException.class, () -> printer.print(PrintDocument.pdf("a", PDF, "u")));
        assertEquals(PrintException.UNAVAILABLE, e.reason());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void nonPdfIsRefused(@TempDir Path dir) throws IOException {
        SimulatedPrinter printer = new SimulatedPrinter(config(dir, 0, true));
        assertEquals(PrintException.UNSUPPORTED_FORMAT, assertThrows(PrintException.class, () -> printer.print(
                new PrintDocument("t", "text/plain", "hi".getBytes(StandardCharsets.UTF_8), 1, "u"))).reason());
        PrintException fake = assertThrows(PrintException.class,
                () -> printer.print(PrintDocument.pdf("t", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "u")));
        assertEquals(PrintException.UNSUPPORTED_FORMAT, fake.reason());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
