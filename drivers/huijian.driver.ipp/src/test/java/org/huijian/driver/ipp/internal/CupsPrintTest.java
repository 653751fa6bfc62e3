package org.huijian.driver.ipp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huijian.printing.spi.PrintDocument;
import org.huijian.printing.spi.PrintException;
import org.huijian.printing.spi.PrintJob;
import org.huijian.printing.spi.PrintJobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IPP driver against a real CUPS: a private {@code cupsd} started for this class (see {@link PrivateCups}) with
 * cups-filters' PDF printer behind a {@code file:} device. A job goes in through our own IPP code, CUPS runs its
 * filters, and the PDF the printer wrote must be our document: same pages, same text.
 */
class CupsPrintTest {
    private static PrivateCups cups;
    private static Path pdfOut;

    @BeforeAll
    static void startCups() throws Exception {
        // Not Files.createTempDirectory: its 0700 would keep out the filters, which run as lp when we are root.
        Path base = Files.createDirectories(Path.of("target", "cups-" + ProcessHandle.current().pid()).toAbsolutePath());
        cups = new PrivateCups(base);
        pdfOut = cups.addPdfQueue("pdf");
        cups.addPdfQueue("closed");
        cups.run("cupsreject", "closed");
        cups.addPdfQueue("stopped");
        cups.run("cupsdisable", "stopped");
    }

    @AfterAll
    static void stopCups() throws Exception {
        if (cups != null) {
            cups.close();
        }
    }

    static IppPrinterConfig config(String id, String uri, String formats, int connectMillis, int requestMillis) {
        return new IppPrinterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IppPrinterConfig.class;
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return "会见室测试打印机 " + id;
            }

            @Override
            public String uri() {
                return uri;
            }

            @Override
            public String terminal() {
                return "GZ-TH-P01-L";
            }

            @Override
            public int connectTimeoutMillis() {
                return connectMillis;
            }

            @Override
            public int requestTimeoutMillis() {
                return requestMillis;
            }

            @Override
            public String userName() {
                return "";
            }

            @Override
            public String formats() {
                return formats;
            }
        };
    }

    static IppPrinter printer(String queue) {
        return new IppPrinter(config("test-" + queue, cups.uri(queue), "application/pdf", 2000, 30000));
    }

    /** A PDF of our own with a line of text per page. */
    static byte[] pdf(List<String> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 18);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static PrintJob waitFor(IppPrinter printer, PrintJob job) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        PrintJob now = job;
        while (!now.finished() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = printer.status(job.jobId());
        }
        return now;
    }

    @Test
    void aPdfReachesCupsAndThePdfPrinterWritesIt() throws Exception {
        IppPrinter printer = printer("pdf");
        assertTrue(printer.available(), "the queue exists, is idle and accepts jobs" + cups.log());
        List<String> pages = List.of("Huijian print test page one: transcript 2026-11-29",
                "Huijian print test page two: signed by the detainee");
        byte[] document = pdf(pages);
        Files.deleteIfExists(pdfOut);

        PrintJob job = printer.print(PrintDocument.pdf("会见笔录 print test", document, "lawyer.zhang"));
        assertEquals("test-pdf", job.printerId());
        assertTrue(Integer.parseInt(job.jobId()) > 0);
        PrintJob done = waitFor(printer, job);
        assertEquals(PrintJobState.COMPLETED, done.state(), "Get-Job-Attributes: " + done + cups.log());

        assertTrue(Files.size(pdfOut) > 0, "the PDF printer wrote " + pdfOut);
        try (PDDocument printed = Loader.loadPDF(pdfOut.toFile())) {
            assertEquals(2, printed.getNumberOfPages(), "same page count");
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < pages.size(); i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                assertEquals(pages.get(i), stripper.getText(printed).strip(), "page " + (i + 1) + "'s text");
            }
        }
        String log = Files.readString(cups.base.resolve("log/page_log"), StandardCharsets.UTF_8);
        assertTrue(log.contains(" " + job.jobId() + " ") && log.contains("lawyer.zhang"),
                "CUPS's page log has the job and its user: " + log);
    }

    @Test
    void anUnknownQueueIsNotFound() {
        IppPrinter printer = printer("no-such-queue");
        assertFalse(printer.available());
        PrintException e = assertThrows(PrintException.class,
                () -> printer.print(PrintDocument.pdf("x", pdf(List.of("x")), "lawyer.zhang")));
        assertEquals(PrintException.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("client-error-not-found"), e.getMessage());
    }

    @Test
    void anUnknownJobIsNotFound() {
        IppPrinter printer = printer("pdf");
        PrintException e = assertThrows(PrintException.class, () -> printer.status("999999"));
        assertEquals(PrintException.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("client-error-not-found"), e.getMessage());
        assertEquals(PrintException.NOT_FOUND,
                assertThrows(PrintException.class, () -> printer.status("abc")).reason());
    }

    @Test
    void anUnreachablePrinterSaysSoQuickly() throws Exception {
        int closed = PrivateCups.freePort(); // nothing listens there any more
        IppPrinter printer = new IppPrinter(config("gone", "ipp://127.0.0.1:" + closed + "/printers/pdf",
                "application/pdf", 1000, 2000));
        long start = System.nanoTime();
        assertFalse(printer.available());
        PrintException e = assertThrows(PrintException.class,
                () -> printer.print(PrintDocument.pdf("x", pdf(List.of("x")), "lawyer.zhang")));
        assertEquals(PrintException.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "within the timeouts");
    }

    @Test
    void aPrinterThatDoesNotAnswerTimesOut() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) { // accepts (backlog) but never answers
            IppPrinter printer = new IppPrinter(config("mute", "ipp://127.0.0.1:" + silent.getLocalPort()
                    + "/printers/pdf", "application/pdf", 1000, 1500));
            long start = System.nanoTime();
            PrintException e = assertThrows(PrintException.class, () -> printer.status("1"));
            assertEquals(PrintException.UNREACHABLE, e.reason());
            assertTrue(e.getMessage().contains("1500 ms"), e.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
    }

    @Test
    void nonPdfIsRefusedClearly() throws Exception {
        IppPrinter printer = printer("pdf");
        PrintException plain = assertThrows(PrintException.class, () -> printer.print(new PrintDocument("notes",
                "text/plain", "hello".getBytes(StandardCharsets.UTF_8), 1, "lawyer.zhang")));
        assertEquals(PrintException.UNSUPPORTED_FORMAT, plain.reason());
        assertTrue(plain.getMessage().contains("text/plain"), plain.getMessage());

        PrintException fake = assertThrows(PrintException.class, () -> printer.print(PrintDocument.pdf("fake",
                "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII), "lawyer.zhang")));
        assertEquals(PrintException.UNSUPPORTED_FORMAT, fake.reason());
        assertTrue(fake.getMessage().contains("%PDF-"), fake.getMessage());

        // A format the driver is configured to send but CUPS does not know: CUPS's own refusal, by name.
        IppPrinter lenient = new IppPrinter(config("lenient", cups.uri("pdf"),
                "application/pdf, application/x-huijian-bogus", 2000, 30000));
        PrintException bogus = assertThrows(PrintException.class, () -> lenient.print(new PrintDocument("bogus",
                "application/x-huijian-bogus", new byte[] { 1, 2, 3 }, 1, "lawyer.zhang")));
        assertEquals(PrintException.UNSUPPORTED_FORMAT, bogus.reason());
        assertTrue(bogus.getMessage().contains("client-error-document-format-not-supported"), bogus.getMessage());
    }

    @Test
    void aQueueThatRejectsJobsIsRefusedByName() throws Exception {
        IppPrinter printer = printer("closed");
        assertFalse(printer.available(), "printer-is-accepting-jobs is false");
        PrintException e = assertThrows(PrintException.class,
                () -> printer.print(PrintDocument.pdf("x", pdf(List.of("x")), "lawyer.zhang")));
        assertEquals(PrintException.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("server-error-not-accepting-jobs"), e.getMessage());
    }

    @Test
    void aStoppedQueueIsNotAvailableAndItsJobsWait() throws Exception {
        IppPrinter printer = printer("stopped");
        assertFalse(printer.available(), "printer-state is stopped");
        PrintJob job = printer.print(PrintDocument.pdf("waits", pdf(List.of("waits")), "lawyer.zhang"));
        Thread.sleep(500);
        PrintJob now = printer.status(job.jobId());
        assertEquals(PrintJobState.PENDING, now.state(), now.toString());
    }
}
