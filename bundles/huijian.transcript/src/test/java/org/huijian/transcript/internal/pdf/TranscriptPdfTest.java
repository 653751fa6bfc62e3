package org.huijian.transcript.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranscriptPdfTest {

    private static TranscriptPdf renderer;

    @BeforeAll
    static void font() throws IOException {
        renderer = new TranscriptPdf(PdfFixtures.FONT);
    }

    @Test
    void longTranscriptIsPdfA2uWithChineseTextPageNumbersAndHashOnEveryPage() throws Exception {
        PdfContent content = PdfFixtures.transcript(30, PdfFixtures.signaturePng());
        byte[] pdf = renderer.render(content);
        String hash = renderer.contentHash(content);

        List<String> failures = PdfFixtures.pdfaFailures(pdf);
        assertTrue(failures.isEmpty(), "veraPDF PDF/A-2u: " + failures);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "30 long turns flow over several pages, got " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(doc);
            String flat = all.replaceAll("\\s+", "");
            assertTrue(flat.contains("会见笔录"), "title");
            assertTrue(flat.contains(PdfFixtures.QUESTION), "question sentence");
            assertTrue(flat.contains(PdfFixtures.ANSWER), "answer sentence");
            assertTrue(flat.contains("WeChat转账给ZhangSan"), "mixed Latin text, words kept whole");
            assertTrue(all.replaceAll("\\s+", " ").contains("\"loan repayment\""), "Latin words keep their space");
            assertTrue(flat.contains("涉嫌诈骗罪"), "header value");
            assertTrue(flat.contains("以上笔录我已看过"), "closing statement");
            assertTrue(flat.contains("姓名：张三"), "signer's name");
            assertTrue(flat.contains("2026年11月29日10:31:00"), "signing time in the signer's zone: " + flat);
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertTrue(text.contains("第 " + p + " 页 共 " + pages + " 页"), "page number on page " + p);
                Matcher m = Pattern.compile("SHA-256：([0-9a-f]{64})").matcher(text);
                assertTrue(m.find(), "hash in the footer of page " + p);
                assertEquals(hash, m.group(1));
            }
            // the font is an embedded subset, the signature an image on the last page
            PDPage last = doc.getPage(pages - 1);
            int images = 0;
            for (var name : last.getResources().getXObjectNames()) {
                if (last.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertEquals(1, images, "signature image on the last page");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), "embedded font");
                assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset prefix: " + font.getName());
            }
            assertEquals("Huijian", doc.getDocumentInformation().getProducer());
            assertEquals("会见笔录", doc.getDocumentInformation().getTitle());
        }
        assertTrue(pdf.length < 400_000, "a subset font keeps the file small: " + pdf.length + " bytes");
    }

    @Test
    void lineBreakingKeepsLatinWordsWholeAndPunctuationOffLineStarts() throws Exception {
        // Each Chinese character may start a line; closing punctuation may not; a Latin word is one unit.
        List<String> units = unitsOf("我们，在 Beijing 见面。（好）");
        assertEquals(List.of("我", "们，", "在", " ", "Beijing", " ", "见", "面。", "（好）"), units);
    }

    private static List<String> unitsOf(String s) throws Exception {
        Class<?> writer = Class.forName(TranscriptPdf.class.getName() + "$Writer");
        var method = writer.getDeclaredMethod("units", String.class);
        method.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> result = (List<String>) method.invoke(null, s);
        return result;
    }

    @Test
    void contentHashIsCanonicalAndChangesWithAnyField() {
        byte[] png = PdfFixtures.signaturePng();
        PdfContent a = PdfFixtures.transcript(3, png);
        PdfContent b = PdfFixtures.transcript(3, png.clone());
        assertEquals(renderer.contentHash(a), renderer.contentHash(b));
        assertTrue(renderer.contentHash(a).matches("[0-9a-f]{64}"));
        PdfContent changed = new PdfContent(a.title(), a.header(), a.turns(), a.closing() + "。", a.signatures(),
                a.locale());
        assertNotEquals(renderer.contentHash(a), renderer.contentHash(changed));
        // "ab"+"c" and "a"+"bc" differ: fields are length-prefixed
        PdfContent x = new PdfContent("t", List.of(new PdfContent.Field("ab", "c")), List.of(), "", List.of(),
                Locale.SIMPLIFIED_CHINESE);
        PdfContent y = new PdfContent("t", List.of(new PdfContent.Field("a", "bc")), List.of(), "", List.of(),
                Locale.SIMPLIFIED_CHINESE);
        assertNotEquals(renderer.contentHash(x), renderer.contentHash(y));
    }

    @Test
    void charactersTheFontLacksAndControlCharactersDoNotBreakRendering() throws Exception {
        PdfContent content = new PdfContent("会见笔录", List.of(new PdfContent.Field("案由", "tab\there\u0007")),
                List.of(new PdfContent.Turn("问", "emoji 😀 and 𠀀 ext-B\r\nnext line"),
                        new PdfContent.Turn("答", "x".repeat(500))),
                "", List.of(), Locale.SIMPLIFIED_CHINESE);
        byte[] pdf = renderer.render(content);
        assertTrue(PdfFixtures.pdfaFailures(pdf).isEmpty());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("next line"));
            assertTrue(text.contains("tab here"));
        }
    }

    @Test
    void englishLocaleHasEnglishFooter() throws Exception {
        PdfContent content = new PdfContent("Meeting transcript", List.of(new PdfContent.Field("Lawyer", "Li Ming")),
                List.of(new PdfContent.Turn("Q", "Do you understand?"), new PdfContent.Turn("A", "Yes.")),
                "Read and confirmed.", List.of(), Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(renderer.render(content))) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Page 1 of 1"));
        }
    }

    @Test
    void notAnImageAsSignatureIsRefused() {
        PdfContent content = PdfFixtures.transcript(1, "not a png".getBytes());
        IOException e = assertThrows(IOException.class, () -> renderer.render(content));
        assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());
    }

    @Test
    void cffNotoCjkIsRefusedWithAReason() {
        IOException e = assertThrows(IOException.class, () -> new TranscriptPdf(PdfFixtures.NOTO_CJK));
        assertTrue(e.getMessage().contains("CFF"), e.getMessage());
    }

    @Test
    void emptyContentIsStillAValidOnePagePdfA() throws Exception {
        PdfContent empty = new PdfContent(null, null, null, null, null, null);
        byte[] pdf = renderer.render(empty);
        assertTrue(PdfFixtures.pdfaFailures(pdf).isEmpty());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("会见笔录"), "default title");
            assertTrue(text.contains("第 1 页 共 1 页"));
        }
    }

    @Test
    void oneRendererServesConcurrentRenderings() throws Exception {
        byte[] png = PdfFixtures.signaturePng();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int rounds = 3 + i;
                futures.add(pool.submit(() -> renderer.render(PdfFixtures.transcript(rounds, png))));
            }
            for (int i = 0; i < futures.size(); i++) {
                byte[] pdf = futures.get(i).get();
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                    assertTrue(text.contains("第" + (3 + i) + "个问题"), "rendering " + i + " has its own content");
                    assertTrue(text.contains(renderer.contentHash(PdfFixtures.transcript(3 + i, png))));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHugeSignatureImageIsRefusedBeforeDecoding() throws Exception {
        // 20000 × 10000 pixels (200 megapixels), declared in a small PNG: refused from the header
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(20000, 10000,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "png", out);
        big = null;
        PdfContent content = PdfFixtures.transcript(1, out.toByteArray());
        IOException e = assertThrows(IOException.class, () -> renderer.render(content));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
