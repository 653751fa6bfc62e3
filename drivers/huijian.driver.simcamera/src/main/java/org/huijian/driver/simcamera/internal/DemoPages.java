package org.huijian.driver.simcamera.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Demo stills of our own making (no third-party documents): a Chinese letter (律师会见的样张) drawn with Debian's Noto
 * Sans CJK on white paper, turned a few degrees, lying on a dark wooden desk, as a document camera sees it.
 */
final class DemoPages {
    static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static final int PAGE_WIDTH = 1240;
    static final int PAGE_HEIGHT = 1754;
    static final int WIDTH = 2000;
    static final int HEIGHT = 2200;
    /** The turn of each demo page, degrees clockwise. */
    static final double[] ANGLES = { -6.5, 4.0, 8.5, -2.0, 0.0 };
    static final String[][] TEXTS = {
        { "授权委托书", "委托人因涉嫌案件一事，特委托下列律师为其辩护人。", "受托律师有权会见在押人员，了解案件有关情况。",
            "本委托书有效期自签署之日起至本案审理终结之日止。", "委托人签名：张三", "二〇二六年十二月一日" },
        { "律师事务所公函", "本所律师经当事人家属委托，申请会见犯罪嫌疑人。", "案件编号 2026-GZ-0042，诉讼阶段：审查起诉。",
            "看守所应当及时安排会见，至迟不得超过四十八小时。", "联系电话：020-8765 4321", "天河律师事务所（样张）" },
        { "证据材料清单", "一、书证：借款合同一份，共三页。", "二、证人证言：李四的书面证言一份。",
            "三、鉴定意见：司法鉴定意见书一份。", "以上材料仅供会见时展示，不得带出。", "律师：王五" },
    };

    private DemoPages() {
    }

    /** Writes {@code count} demo stills as {@code demo-01.jpg} … into the folder. */
    static void write(Path folder, int count) throws IOException {
        Font font = font();
        for (int i = 0; i < count; i++) {
            BufferedImage still = still(font, TEXTS[i % TEXTS.length], ANGLES[i % ANGLES.length], i);
            Path out = folder.resolve(String.format(Locale.ROOT, "demo-%02d.jpg", i + 1));
            Path tmp = folder.resolve(out.getFileName() + ".tmp");
            if (!ImageIO.write(still, "jpg", tmp.toFile())) {
                throw new IOException("no JPEG writer in this Java");
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static Font font() {
        File noto = new File(NOTO_CJK);
        if (noto.isFile()) {
            try {
                Font chosen = null;
                for (Font f : Font.createFonts(noto)) {
                    if (chosen == null || f.getFamily(Locale.ROOT).equals("Noto Sans CJK SC")) {
                        chosen = f;
                    }
                }
                if (chosen != null) {
                    return chosen;
                }
            } catch (IOException | FontFormatException e) {
                // fall back to what the JDK finds through fontconfig
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    /** The page drawn straight, then turned by {@code angle} onto the desk. */
    static BufferedImage still(Font font, String[] text, double angle, int seed) {
        BufferedImage page = new BufferedImage(PAGE_WIDTH, PAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(250, 249, 244));
        g.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
        g.setColor(new Color(25, 25, 30));
        g.setFont(font.deriveFont(Font.PLAIN, 64f));
        int titleWidth = g.getFontMetrics().stringWidth(text[0]);
        g.drawString(text[0], (PAGE_WIDTH - titleWidth) / 2, 160);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(110, 200, PAGE_WIDTH - 110, 200);
        g.setFont(font.deriveFont(Font.PLAIN, 38f));
        int y = 320;
        for (int i = 1; i < text.length; i++) {
            g.drawString(text[i], 110, y);
            y += 90;
        }
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(6f));
        g.drawOval(PAGE_WIDTH - 420, y + 40, 260, 260); // a red stamp: the page keeps its colours
        g.dispose();

        BufferedImage desk = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D d = desk.createGraphics();
        Random r = new Random(seed);
        for (int x = 0; x < WIDTH; x += 8) { // dark wood grain
            int v = 48 + r.nextInt(14);
            d.setColor(new Color(v + 14, v, v - 12));
            d.fillRect(x, 0, 8, HEIGHT);
        }
        d.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        d.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransform at = new AffineTransform();
        at.translate(WIDTH / 2.0, HEIGHT / 2.0);
        at.rotate(Math.toRadians(angle));
        at.translate(-PAGE_WIDTH / 2.0, -PAGE_HEIGHT / 2.0);
        d.drawImage(page, at, null);
        d.dispose();
        return desk;
    }
}
