package org.huijian.documents.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test pages of our own making: Chinese and English text rendered with Debian's Noto Sans CJK (fonts-noto-cjk),
 * and captures of them as a document camera takes them — turned, in mild perspective, on a darker base, as JPEG.
 * Used by the unit tests and by the OCR benchmark (bench, {@code -Pocr}).
 */
public final class TestPages {
    /** Where Debian's fonts-noto-cjk puts the regular weight. */
    public static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    public static final int PAGE_WIDTH = 1240;
    public static final int PAGE_HEIGHT = 1754;
    /** Where the rule under the title is, on the page. */
    public static final int RULE_Y = 190;
    public static final int MARGIN = 110;

    private static final String[] TITLES = { "授权委托书", "会见笔录（样张）", "Letter of Authorisation 委托函", "律师事务所公函" };
    private static final String[] SENTENCES = {
        "委托人因涉嫌案件一事，特委托下列律师为其辩护人。",
        "受托律师有权会见在押人员，了解案件有关情况。",
        "本委托书有效期自签署之日起至本案审理终结之日止。",
        "律师应当依法履行辩护职责，维护当事人的合法权益。",
        "会见时间为上午九时三十分至十一时三十分。",
        "看守所应当及时安排会见，至迟不得超过四十八小时。",
        "本所律师经当事人家属委托，申请会见犯罪嫌疑人。",
        "以上内容已向在押人员宣读，其表示无异议并签名确认。",
        "联系电话：020-8765 4321，地址：天河路一号十二楼。",
        "案件编号 2026-GZ-0042，诉讼阶段：审查起诉。",
        "The lawyer may meet the detainee in private.",
        "Meeting booked for 09:30 on 1 December 2026.",
        "Licence No. 14401 2026 1234 5678, Tianhe Law Firm.",
        "This letter is valid until the end of the case.",
    };

    private static Font base;

    private TestPages() {
    }

    /** A page: its image (white, grey text) and the text on it, line by line. */
    public record Page(BufferedImage image, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    public static synchronized Font font() {
        if (base == null) {
            try {
                Font[] fonts = Font.createFonts(new File(NOTO_CJK));
                base = fonts[0];
                for (Font f : fonts) {
                    if (f.getFamily(java.util.Locale.ROOT).equals("Noto Sans CJK SC")) {
                        base = f;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no Noto CJK font at " + NOTO_CJK + " (apt-get install fonts-noto-cjk)", e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return base;
    }

    /** Page number {@code n}: a title, a rule under it, then {@code paragraphs} of mixed sentences. */
    public static Page page(int n, int paragraphs) {
        Random random = new Random(n * 7919L + 17);
        BufferedImage img = new BufferedImage(PAGE_WIDTH, PAGE_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
        g.setColor(new Color(20, 20, 20));
        List<String> lines = new ArrayList<>();
        String title = TITLES[n % TITLES.length];
        g.setFont(font().deriveFont(Font.BOLD, 44f));
        FontMetrics tm = g.getFontMetrics();
        g.drawString(title, (PAGE_WIDTH - tm.stringWidth(title)) / 2, RULE_Y - 40);
        lines.add(title);
        g.fillRect(MARGIN, RULE_Y, PAGE_WIDTH - 2 * MARGIN, 3);
        g.setFont(font().deriveFont(28f));
        FontMetrics fm = g.getFontMetrics();
        int y = RULE_Y + 80;
        int width = PAGE_WIDTH - 2 * MARGIN;
        for (int p = 0; p < paragraphs && y < PAGE_HEIGHT - MARGIN; p++) {
            StringBuilder para = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
                if (para.length() > 0 && sentence.charAt(0) < 0x2e80) {
                    para.append(' ');
                }
                para.append(sentence);
            }
            for (String line : wrap(para.toString(), fm, width)) {
                if (y > PAGE_HEIGHT - MARGIN) {
                    break;
                }
                g.drawString(line, MARGIN, y);
                lines.add(line);
                y += 46;
            }
            y += 24;
        }
        g.dispose();
        return new Page(img, lines);
    }

    /** Breaks text into lines no wider than {@code width}: between any two Chinese characters, at spaces in English. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int lastBreak = -1;
            while (end < text.length() && fm.stringWidth(text.substring(start, end + 1)) <= width) {
                char c = text.charAt(end);
                if (c == ' ' || c >= 0x2e80) {
                    lastBreak = end;
                }
                end++;
            }
            if (end < text.length() && lastBreak > start && text.charAt(end) < 0x2e80 && text.charAt(end) != ' ') {
                end = text.charAt(lastBreak) == ' ' ? lastBreak : lastBreak + 1;
            }
            out.add(text.substring(start, end).strip());
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        return out;
    }

    /**
     * The page as a document camera sees it: turned by {@code degrees} clockwise, its top edge {@code keystone}
     * (share of the width, e.g. 0.04) narrower than its bottom, on a darker textured base with uneven light.
     */
    public static BufferedImage capture(BufferedImage page, double degrees, double keystone, long seed) {
        return capture(page, degrees, keystone, seed, 2000, 2200, new int[] { 52, 66, 60 });
    }

    /** The page turned as above on a {@code cw} x {@code ch} base of colour {@code bgr}. */
    public static BufferedImage capture(BufferedImage page, double degrees, double keystone, long seed, int cw, int ch,
            int[] bgr) {
        int pw = page.getWidth(), ph = page.getHeight();
        double r = Math.toRadians(degrees), cos = Math.cos(r), sin = Math.sin(r);
        double cx = cw / 2.0 + 20, cy = ch / 2.0 - 10;
        double k = keystone * pw / 2;
        double[][] local = { { -pw / 2.0 + k, -ph / 2.0 }, { pw / 2.0 - k, -ph / 2.0 }, { pw / 2.0, ph / 2.0 },
            { -pw / 2.0, ph / 2.0 } };
        double[][] dst = new double[4][];
        for (int i = 0; i < 4; i++) {
            double x = local[i][0], y = local[i][1];
            dst[i] = new double[] { cx + x * cos - y * sin, cy + x * sin + y * cos };
        }
        Homography toPage = Homography.mapping(dst, new double[][] { { 0, 0 }, { pw, 0 }, { pw, ph }, { 0, ph } });
        BufferedImage out = new BufferedImage(cw, ch, BufferedImage.TYPE_3BYTE_BGR);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] s = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        Random noise = new Random(seed);
        // 4x supersampling per capture pixel for an antialiased page edge.
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double light = 0.85 + 0.15 * (1 - (double) (x + y) / (cw + ch));
                double[] acc = new double[3];
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        double X = x + 0.25 + 0.5 * sx, Y = y + 0.25 + 0.5 * sy;
                        double u = toPage.x(X, Y), v = toPage.y(X, Y);
                        if (u >= 0 && v >= 0 && u < pw && v < ph) {
                            int ui = Math.min(pw - 1, (int) u), vi = Math.min(ph - 1, (int) v);
                            int i = (vi * pw + ui) * 3;
                            acc[0] += (s[i] & 0xff) * 0.96;
                            acc[1] += (s[i + 1] & 0xff) * 0.97;
                            acc[2] += (s[i + 2] & 0xff) * 0.97;
                        } else {
                            acc[0] += bgr[0];
                            acc[1] += bgr[1];
                            acc[2] += bgr[2];
                        }
                    }
                }
                int grain = noise.nextInt(9) - 4;
                int i = (y * cw + x) * 3;
                for (int c = 0; c < 3; c++) {
                    o[i + c] = (byte) Math.max(0, Math.min(255, (int) (acc[c] / 4 * light) + grain));
                }
            }
        }
        return out;
    }

    public static byte[] jpeg(BufferedImage img) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, null), p);
            }
            w.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage img) {
        return DocumentService.png(img);
    }

    /** Character error rate: Levenshtein distance over characters, whitespace ignored, per character of the truth. */
    public static double cer(String truth, String read) {
        String a = truth.replaceAll("\\s+", ""), b = read.replaceAll("\\s+", "");
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : (double) prev[b.length()] / a.length();
    }

    /**
     * The angle (degrees, clockwise) of the rule under the title on a straightened page, measured on its pixels: the
     * darkest row near the expected place in two bands of columns, 20 % and 80 % across.
     */
    public static double ruleAngle(BufferedImage straight) {
        double sx = straight.getWidth() / (double) PAGE_WIDTH, sy = straight.getHeight() / (double) PAGE_HEIGHT;
        int x1 = (int) (0.2 * straight.getWidth()), x2 = (int) (0.8 * straight.getWidth());
        double y1 = ruleRow(straight, x1, (int) (RULE_Y * sy), (int) (30 * sx));
        double y2 = ruleRow(straight, x2, (int) (RULE_Y * sy), (int) (30 * sx));
        return Math.toDegrees(Math.atan2(y2 - y1, x2 - x1));
    }

    private static double ruleRow(BufferedImage img, int x, int expected, int half) {
        int bestRow = -1;
        double best = -1;
        for (int y = Math.max(0, expected - 60); y < Math.min(img.getHeight(), expected + 60); y++) {
            double dark = 0;
            for (int xx = x - half; xx <= x + half; xx++) {
                dark += 255 - grey(img, xx, y);
            }
            if (dark > best) {
                best = dark;
                bestRow = y;
            }
        }
        double sum = 0, weight = 0;
        for (int y = bestRow - 4; y <= bestRow + 4; y++) {
            double dark = 0;
            for (int xx = x - half; xx <= x + half; xx++) {
                dark += Math.max(0, 160 - grey(img, xx, y));
            }
            sum += dark * (y + 0.5);
            weight += dark;
        }
        return sum / weight;
    }

    private static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return (((rgb >> 16) & 0xff) * 77 + ((rgb >> 8) & 0xff) * 150 + (rgb & 0xff) * 29) >> 8;
    }
}
