package org.huijian.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.huijian.documents.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pages turned by −10°…+10°, some in mild perspective, on a darker base come back within 0.5° of straight. */
class DeskewTest {
    static final double TOLERANCE = 0.5;

    @ParameterizedTest(name = "{0}° keystone {1}")
    @CsvSource({ "-10, 0", "-7.5, 0.03", "-4.2, 0", "-1.1, 0.04", "0, 0", "0.6, 0.02", "3.3, 0", "6.8, 0.03",
        "10, 0.04" })
    void aTurnedPageOnADarkBaseComesBackStraightAndCropped(double degrees, double keystone) {
        TestPages.Page page = TestPages.page((int) Math.round(degrees * 10) & 7, 5);
        BufferedImage capture = TestPages.capture(page.image(), degrees, keystone, 7);
        Deskewer.Result r = Deskewer.deskew(capture);

        assertNotNull(r.quad(), "the page was found");
        assertTrue(r.ink());
        assertEquals(degrees, r.angle(), TOLERANCE, "the angle found");
        double rule = TestPages.ruleAngle(r.page());
        assertEquals(0, rule, TOLERANCE, "the rule under the title on the straightened page");
        // Cropped to the page: as large as the page was rendered, give or take the edges.
        assertEquals(TestPages.PAGE_WIDTH, r.page().getWidth(), 0.02 * TestPages.PAGE_WIDTH);
        assertEquals(TestPages.PAGE_HEIGHT, r.page().getHeight(), 0.02 * TestPages.PAGE_HEIGHT);
        // No dark base left along the edges.
        assertTrue(meanGreyOfBorder(r.page()) > 200, "border grey " + meanGreyOfBorder(r.page()));
    }

    @Test
    void theCornersFoundAreWhereThePageIs() {
        TestPages.Page page = TestPages.page(3, 5);
        BufferedImage capture = TestPages.capture(page.image(), 5, 0, 1);
        Quad q = Deskewer.deskew(capture).quad();
        // Where the generator put them: the page's corners turned 5° about (1020, 1090).
        double r = Math.toRadians(5), cx = 1020, cy = 1090, hw = TestPages.PAGE_WIDTH / 2.0, hh = TestPages.PAGE_HEIGHT / 2.0;
        assertEquals(cx + -hw * Math.cos(r) - -hh * Math.sin(r), q.topLeft().x(), 3);
        assertEquals(cy + -hw * Math.sin(r) + -hh * Math.cos(r), q.topLeft().y(), 3);
        assertEquals(cx + hw * Math.cos(r) - hh * Math.sin(r), q.bottomRight().x(), 3);
        assertEquals(cy + hw * Math.sin(r) + hh * Math.cos(r), q.bottomRight().y(), 3);
    }

    @ParameterizedTest(name = "{0}°")
    @CsvSource({ "-9", "2.5", "8" })
    void withoutAPageEdgeTheLinesAloneStraightenIt(double degrees) {
        TestPages.Page page = TestPages.page(2, 6);
        BufferedImage capture = TestPages.capture(page.image(), degrees, 0, 3, 1200, 1700, new int[] { 250, 250, 250 });
        Deskewer.Result r = Deskewer.deskew(capture);
        assertNull(r.quad(), "no page stands out from a white base");
        assertEquals(degrees, r.angle(), TOLERANCE);
    }

    @Test
    void aBlankPageIsStraightenedByItsEdges() {
        BufferedImage blank = TestPages.page(0, 0).image();
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        Deskewer.Result r = Deskewer.deskew(TestPages.capture(blank, -6, 0, 2));
        assertNotNull(r.quad());
        assertEquals(-6, r.angle(), TOLERANCE);
        assertEquals(0, r.lineAngle(), 0.0, "no ink, no correction from lines");
        assertFalse(r.ink(), "nothing to read");
    }

    @Test
    void tesseractsCopyHasEvenWhitePaperAndDarkInk() {
        Deskewer.Result r = Deskewer.deskew(TestPages.capture(TestPages.page(1, 6).image(), 2, 0, 4));
        BufferedImage flat = Flatten.grey(r.page());
        // The capture's light falls off by 15 % towards the bottom right; the copy's paper is white everywhere.
        int w = flat.getWidth(), h = flat.getHeight();
        for (int[] p : new int[][] { { 40, h - 40 }, { w - 40, h - 40 }, { w - 40, 40 }, { w / 2, h - 60 } }) {
            assertTrue(flat.getRaster().getSample(p[0], p[1], 0) >= 245, "paper at " + p[0] + "," + p[1]);
        }
        int darkest = 255;
        for (int y = TestPages.RULE_Y - 10; y <= TestPages.RULE_Y + 10; y++) {
            darkest = Math.min(darkest, flat.getRaster().getSample(w / 2, y, 0));
        }
        assertTrue(darkest < 60, "the rule stays dark: " + darkest);
    }

    static double meanGreyOfBorder(BufferedImage img) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y : new int[] { 0, img.getHeight() - 1 }) {
                int rgb = img.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                n += 3;
            }
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x : new int[] { 0, img.getWidth() - 1 }) {
                int rgb = img.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                n += 3;
            }
        }
        return sum / n;
    }
}
