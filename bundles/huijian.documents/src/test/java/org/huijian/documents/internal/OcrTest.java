package org.huijian.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.huijian.documents.Job;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.Quad;
import org.huijian.documents.TextLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Tesseract (the default languages, chi_sim) on generated pages: after deskewing turned captures, the character
 * error rate of each page is within 0.01 of Tesseract's on the same page rendered straight.
 */
class OcrTest {
    static DocumentService service;

    @BeforeAll
    static void start() {
        service = TestConfig.service(Map.of("threads", 2, "queueCapacity", 20, "timeoutSeconds", 300));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Pages, angles (degrees) and keystones: −10°…+10°, half of them in perspective. */
    static final double[][] SET = { { 0, -10, 0.03 }, { 1, -4.5, 0 }, { 2, 3, 0.02 }, { 3, 10, 0 }, { 4, -7, 0.04 },
        { 5, 6, 0 }, { 6, -1.5, 0 }, { 7, 8.5, 0.02 } };

    /**
     * Page by page, the character error rate after deskew is within 0.01 of Tesseract's on the same page rendered
     * straight, and so is the set's (all the pages' edits over all their characters).
     */
    @Test
    void deskewedCapturesReadAsWellAsTheStraightPages() throws Exception {
        List<Job> straightJobs = new ArrayList<>();
        List<Job> capturedJobs = new ArrayList<>();
        List<TestPages.Page> pages = new ArrayList<>();
        for (double[] c : SET) {
            TestPages.Page page = TestPages.page((int) c[0], 9);
            pages.add(page);
            straightJobs.add(service.submit(TestPages.png(page.image()), "image/png", null));
            capturedJobs.add(service.submit(TestPages.jpeg(TestPages.capture(page.image(), c[1], c[2], (long) c[0])),
                    "image/jpeg", null));
        }
        double edits = 0, editsStraight = 0, chars = 0;
        for (int i = 0; i < SET.length; i++) {
            TestPages.Page page = pages.get(i);
            ProcessedPage straight = straightJobs.get(i).result().get(2, TimeUnit.MINUTES);
            ProcessedPage deskewed = capturedJobs.get(i).result().get(2, TimeUnit.MINUTES);
            int n = page.text().replaceAll("\\s+", "").length();
            double cerStraight = TestPages.cer(page.text(), straight.text());
            double cer = TestPages.cer(page.text(), deskewed.text());
            edits += cer * n;
            editsStraight += cerStraight * n;
            chars += n;
            System.out.printf(Locale.ROOT, "page %d turned %.1f° (keystone %.2f): found %.2f°, CER %.4f after deskew, "
                    + "%.4f straight (deskew %d ms, OCR %d ms)%n", (int) SET[i][0], SET[i][1], SET[i][2],
                    deskewed.angle(), cer, cerStraight, deskewed.deskewTime().toMillis(), deskewed.ocrTime().toMillis());
            assertTrue(cerStraight < 0.05, "Tesseract reads the straight page: CER " + cerStraight);
            assertTrue(cer <= cerStraight + 0.01, "page " + i + ": CER after deskew " + cer + ", straight " + cerStraight);
            assertEquals(SET[i][1], deskewed.angle(), 0.5);
            assertNotNull(deskewed.page());
            assertLinesAreOnThePage(deskewed);
        }
        System.out.printf(Locale.ROOT, "all %d pages: CER %.4f after deskew, %.4f straight%n", SET.length, edits / chars,
                editsStraight / chars);
        assertTrue(edits / chars <= editsStraight / chars + 0.01, "CER after deskew " + edits / chars + ", straight "
                + editsStraight / chars);
    }

    /** Every line has a box on the page and a confidence; the title comes first, at the top. */
    static void assertLinesAreOnThePage(ProcessedPage p) {
        assertTrue(p.hasText());
        for (TextLine l : p.lines()) {
            assertTrue(l.box().left() >= 0 && l.box().top() >= 0 && l.box().width() > 0 && l.box().height() > 0
                    && l.box().left() + l.box().width() <= p.width() && l.box().top() + l.box().height() <= p.height(),
                    l.toString());
            assertTrue(l.confidence() > 0 && l.confidence() <= 100, l.toString());
        }
        TextLine title = p.lines().get(0);
        assertTrue(title.box().top() < TestPages.RULE_Y, title.toString());
        assertTrue(p.confidence() > 70, "mean confidence " + p.confidence());
        assertEquals("image/png", ImageIntake.sniff(p.png()));
    }

    @Test
    void aLargeCaptureIsReadAtAReducedSizeAndItsCornersAreGivenInItsOwnPixels() {
        // A 27.5-megapixel capture (5000 x 5500): decoded as every 2nd pixel (decodeMegapixels 16).
        BufferedImage capture = TestPages.capture(TestPages.page(6, 5).image(), -6, 0, 9);
        BufferedImage large = new BufferedImage(5000, 5500, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(capture, 0, 0, 5000, 5500, null);
        g.dispose();
        ProcessedPage p = service.process(TestPages.jpeg(large), "image/jpeg");
        assertEquals(-6, p.angle(), 0.5);
        Quad small = Deskewer.deskew(capture).quad();
        for (int i = 0; i < 4; i++) {
            assertEquals(small.corners().get(i).x() * 2.5, p.page().corners().get(i).x(), 10);
            assertEquals(small.corners().get(i).y() * 2.5, p.page().corners().get(i).y(), 10);
        }
        assertEquals(TestPages.PAGE_WIDTH * 1.25, p.width(), 0.03 * TestPages.PAGE_WIDTH * 1.25, "read at half of 2.5x");
        double cer = TestPages.cer(TestPages.page(6, 5).text(), p.text());
        assertTrue(cer < 0.05, "CER " + cer);
    }

    @Test
    void aBlankPageIsAResultWithoutText() {
        BufferedImage blank = new BufferedImage(TestPages.PAGE_WIDTH, TestPages.PAGE_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        ProcessedPage p = service.process(TestPages.jpeg(TestPages.capture(blank, 4, 0, 5)), null);
        assertFalse(p.hasText());
        assertEquals("", p.text());
        assertEquals(0, p.confidence());
        assertNotNull(p.page(), "the page itself was found");
        assertEquals(4, p.angle(), 0.5);
    }

    @Test
    void aPictureOfNoPageIsStillAResult() {
        // A dark, empty capture: no page stands out and there is nothing to read.
        BufferedImage dark = new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = dark.createGraphics();
        g.setColor(new Color(60, 66, 52));
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        ProcessedPage p = service.process(TestPages.png(dark), "image/png");
        assertNull(p.page());
        assertFalse(p.hasText());
        assertEquals(800, p.width());
    }
}
