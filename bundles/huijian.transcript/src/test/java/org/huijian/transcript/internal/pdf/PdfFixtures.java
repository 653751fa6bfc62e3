package org.huijian.transcript.internal.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Test material made here: transcript content, a pen-stroke PNG, and veraPDF validation. */
final class PdfFixtures {

    /** Debian's fonts-wqy-microhei (Apache-2.0 or GPL-3+ with font exception), TrueType outlines. */
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    /** Debian's fonts-noto-cjk: CFF outlines, which PDFBox cannot subset. */
    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    static final String QUESTION = "你是否清楚今天会见的目的？";
    static final String ANSWER = "清楚，律师是来了解我的案件情况，并告诉我享有的诉讼权利。";
    static final String MIXED = "我在 2026 年 3 月通过 WeChat 转账给 Zhang San（账号 6222-0000-1234-5678），"
            + "备注为 \"loan repayment\"，金额 12,500.00 元。";

    private PdfFixtures() {
    }

    /** A transcript of {@code rounds} question/answer pairs with long answers in Chinese and mixed text. */
    static PdfContent transcript(int rounds, byte[] signaturePng) {
        List<PdfContent.Field> header = List.of(
                new PdfContent.Field("会见时间", "2026年11月29日 09:00 至 10:30"),
                new PdfContent.Field("会见地点", "某市第一看守所 律师会见室 3 号"),
                new PdfContent.Field("会见方式", "远程视频会见（Huijian）"),
                new PdfContent.Field("会见律师", "李明（某某律师事务所，执业证号 11101200810000000）"),
                new PdfContent.Field("记录人", "王芳"),
                new PdfContent.Field("被会见人", "张三"),
                new PdfContent.Field("羁押场所", "某市第一看守所"),
                new PdfContent.Field("案由", "涉嫌诈骗罪（案件编号 A-2026-0815）"));
        List<PdfContent.Turn> turns = new ArrayList<>();
        Random random = new Random(6);
        for (int i = 0; i < rounds; i++) {
            turns.add(new PdfContent.Turn("问", QUESTION + " 第 " + (i + 1) + " 个问题。"));
            StringBuilder answer = new StringBuilder(ANSWER);
            int extra = 2 + random.nextInt(4);
            for (int k = 0; k < extra; k++) {
                answer.append(k % 2 == 0 ? MIXED : "我当时并不知道对方的真实身份，只是按照他的要求把钱转了过去，"
                        + "后来才发现上当受骗，于是立即向公安机关报了案。");
            }
            turns.add(new PdfContent.Turn("答", answer.toString()));
        }
        List<PdfContent.SignatureMark> signatures = signaturePng == null ? List.of()
                : List.of(new PdfContent.SignatureMark("被会见人签名", "张三", signaturePng,
                        Instant.parse("2026-11-29T02:31:00Z"), ZoneId.of("Asia/Shanghai")));
        return new PdfContent("会见笔录", header, turns,
                "以上笔录我已看过（已向我宣读过），和我说的一样。", signatures, Locale.SIMPLIFIED_CHINESE);
    }

    /** Pen strokes on a transparent background, as the signature pad would give. */
    static byte[] signaturePng() {
        BufferedImage image = new BufferedImage(480, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(10, 20, 90));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Double();
        path.moveTo(30, 110);
        for (int x = 30; x < 450; x += 6) {
            path.lineTo(x, 80 + 40 * Math.sin(x / 23.0) * Math.cos(x / 71.0));
        }
        g.draw(path);
        g.drawLine(120, 40, 140, 130);
        g.drawLine(260, 30, 250, 140);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** veraPDF's failed rules (empty when compliant) for the flavour the document claims in its XMP. */
    static List<String> pdfaFailures(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_U);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String line = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + " " + assertion.getMessage();
                    if (!failures.contains(line)) {
                        failures.add(line);
                    }
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant (no failed assertion listed)");
            }
            return failures;
        }
    }
}
