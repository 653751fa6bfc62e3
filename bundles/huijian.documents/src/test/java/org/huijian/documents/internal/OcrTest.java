package org.huijian.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.TextLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Tesseract (chi_sim+eng) on generated pages: after deskewing a turned capture, the character error rate is
 * within 0.01 of Tesseract's on the same page rendered straight.
 */
class OcrTest {
    static DocumentService service;

    @BeforeAll
    static void start() {
        service = TestConfig.service(Map.of("threads", 2));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "page {0} turned {1}° keystone {2}")
    @CsvSource({ "0, -10, 0.03", "1, -4.5, 0", "2, 3, 0.02", "3, 10, 0", "4, -7, 0.04", "5, 6, 0", "6, -1.5, 0", "7, 8.5, 0.02" })
    void aDeskewedCaptureReadsAsWellAsTheStraightPage(int n, double degrees, double keystone) throws Exception {
        TestPages.Page page = TestPages.page(n, 9);
        var straightJob = service.submit(TestPages.png(page.image()), "image/png", null);
        byte[] capture = TestPages.jpeg(TestPages.capture(page.image(), degrees, keystone, n));
        ProcessedPage deskewed = service.process(capture, "image/jpeg");
        ProcessedPage straight = straightJob.result().get();

        double cerStraight = TestPages.cer(page.text(), straight.text());
        double cer = TestPages.cer(page.text(), deskewed.text());
        System.out.printf("page %d turned %.1f°: found %.2f°, CER %.4f after deskew, %.4f straight (deskew %d ms, OCR %d ms)%n",
                n, degrees, deskewed.angle(), cer, cerStraight, deskewed.deskewTime().toMillis(),
                deskewed.ocrTime().toMillis());
        assertTrue(cerStraight < 0.05, "Tesseract reads the straight page: CER " + cerStraight);
        assertTrue(cer <= cerStraight + 0.01, "CER after deskew " + cer + ", straight " + cerStraight);
        assertEquals(degrees, deskewed.angle(), 0.5);
        assertNotNull(deskewed.page());

        // Every line has a box on the page and a confidence; the title comes first, at the top.
        assertTrue(deskewed.hasText());
        for (TextLine l : deskewed.lines()) {
            assertTrue(l.box().left() >= 0 && l.box().top() >= 0 && l.box().width() > 0 && l.box().height() > 0
                    && l.box().left() + l.box().width() <= deskewed.width()
                    && l.box().top() + l.box().height() <= deskewed.height(), l.toString());
            assertTrue(l.confidence() > 0 && l.confidence() <= 100, l.toString());
        }
        TextLine title = deskewed.lines().get(0);
        assertTrue(title.box().top() < TestPages.RULE_Y, title.toString());
        assertTrue(deskewed.confidence() > 70, "mean confidence " + deskewed.confidence());
        assertTrue(deskewed.png().length > 0 && ImageIntake.sniff(deskewed.png()).equals("image/png"));
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
