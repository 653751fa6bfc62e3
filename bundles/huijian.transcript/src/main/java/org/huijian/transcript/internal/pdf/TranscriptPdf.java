package org.huijian.transcript.internal.pdf;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders a transcript ({@link PdfContent}) to PDF/A-2u: A4, the title centred, a header table, the question/answer
 * turns with line breaking that works for Chinese (no spaces) and Latin words alike, the closing statement, the
 * signature images with name and time, and in every page's footer "第 n 页 共 m 页" and the content hash. The font
 * is embedded as a subset; document information, XMP metadata and an sRGB output intent make it PDF/A.
 *
 * <p>Thread-safe: the font file is read once; each rendering parses its own copy (FontBox fonts are not
 * thread-safe, and the subsetter keeps state per document).
 *
 * <p>The font must have TrueType outlines (a .ttf, or a .ttc collection whose first face with Chinese glyphs is
 * used): PDFBox 3.0.x cannot subset CFF-outline OpenType (e.g. Noto Sans CJK), see the bundle README.
 */
public final class TranscriptPdf {

    /** PDF/A part and conformance written in XMP. */
    static final int PDFA_PART = 2;
    static final String PDFA_CONFORMANCE = "U";
    static final String PRODUCER = "Huijian";

    private static final float MARGIN_LEFT = 64;
    private static final float MARGIN_RIGHT = 64;
    private static final float MARGIN_TOP = 64;
    private static final float MARGIN_BOTTOM = 72;
    private static final float TITLE_SIZE = 20;
    private static final float BODY_SIZE = 11.5f;
    private static final float BODY_LEADING = 19;
    private static final float TABLE_SIZE = 10.5f;
    private static final float TABLE_LEADING = 16;
    private static final float TABLE_LABEL_WIDTH = 96;
    private static final float CELL_PAD = 5;
    private static final float FOOTER_SIZE = 8;
    private static final float SIGNATURE_MAX_W = 170;
    private static final float SIGNATURE_MAX_H = 64;
    /** Largest signature image decoded (pixels): a pad's strokes are far below. */
    static final long MAX_SIGNATURE_PIXELS = 4_000_000;

    private static final String CLOSING_PUNCTUATION = "，。、；：！？）》」』】〕”’,.;:!?)]}%…—·";
    private static final String OPENING_PUNCTUATION = "（《「『【〔“‘([{";

    private final byte[] fontBytes;
    private final boolean collection;
    private final String faceName;

    /**
     * @param fontFile a TrueType font (.ttf) or collection (.ttc) with Chinese glyphs, e.g. Debian's
     *                 {@code /usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
     * @throws IOException if it cannot be read, has CFF outlines, or has no Chinese glyphs
     */
    public TranscriptPdf(Path fontFile) throws IOException {
        this.fontBytes = Files.readAllBytes(fontFile);
        this.collection = fontBytes.length >= 4
                && fontBytes[0] == 't' && fontBytes[1] == 't' && fontBytes[2] == 'c' && fontBytes[3] == 'f';
        if (collection) {
            AtomicReference<String> found = new AtomicReference<>();
            AtomicReference<String> cff = new AtomicReference<>();
            try (TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(fontBytes))) {
                ttc.processAllFonts(font -> {
                    if (found.get() != null) {
                        return;
                    }
                    if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                        cff.set(font.getName());
                    } else if (hasChinese(font)) {
                        found.set(font.getName());
                    }
                });
            }
            if (found.get() == null) {
                throw new IOException(cff.get() != null
                        ? "font " + fontFile + " has CFF (PostScript) outlines, which PDFBox cannot embed as a subset;"
                        + " use a TrueType CJK font such as /usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
                        : "font " + fontFile + " has no face with Chinese glyphs");
            }
            this.faceName = found.get();
        } else {
            try (TrueTypeFont font = parseSingle()) {
                if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                    throw new IOException("font " + fontFile + " has CFF (PostScript) outlines, which PDFBox cannot"
                            + " embed as a subset; use a TrueType CJK font such as"
                            + " /usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
                }
                if (!hasChinese(font)) {
                    throw new IOException("font " + fontFile + " has no Chinese glyphs");
                }
                this.faceName = font.getName();
            }
        }
    }

    /** The PostScript name of the face used. */
    public String fontName() {
        return faceName;
    }

    private static boolean hasChinese(TrueTypeFont font) {
        try {
            var cmap = font.getUnicodeCmapLookup(false);
            return cmap != null && cmap.getGlyphId('会') != 0 && cmap.getGlyphId('录') != 0;
        } catch (IOException e) {
            return false;
        }
    }

    private TrueTypeFont parseSingle() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
    }

    /** A fresh FontBox font for one document (closed with the document's collection). */
    private TrueTypeFont openFont(List<AutoCloseable> toClose) throws IOException {
        if (collection) {
            TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(fontBytes));
            toClose.add(ttc);
            return ttc.getFontByName(faceName);
        }
        TrueTypeFont font = parseSingle();
        toClose.add(font);
        return font;
    }

    /**
     * SHA-256 (lower-case hex) of a canonical form of the content: every string length-prefixed in UTF-8, in a fixed
     * order, signature images by their own SHA-256, times as epoch milliseconds. Equal content gives an equal hash
     * whatever the rendering.
     */
    public String contentHash(PdfContent content) {
        MessageDigest digest = sha256();
        Canon canon = new Canon(digest);
        canon.put("huijian-transcript-content-v1");
        canon.put(content.locale().toLanguageTag());
        canon.put(content.title());
        canon.put(content.header().size());
        for (PdfContent.Field field : content.header()) {
            canon.put(field.label());
            canon.put(field.value());
        }
        canon.put(content.turns().size());
        for (PdfContent.Turn turn : content.turns()) {
            canon.put(turn.speaker());
            canon.put(turn.text());
        }
        canon.put(content.closing());
        canon.put(content.signatures().size());
        for (PdfContent.SignatureMark mark : content.signatures()) {
            canon.put(mark.label());
            canon.put(mark.name());
            canon.put(HexFormat.of().formatHex(sha256().digest(mark.png())));
            canon.put(mark.signedAt() == null ? "" : Long.toString(mark.signedAt().toEpochMilli()));
            canon.put(mark.zone().getId());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class Canon {
        private final MessageDigest digest;

        Canon(MessageDigest digest) {
            this.digest = digest;
        }

        void put(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            put(bytes.length);
            digest.update(bytes);
        }

        void put(int n) {
            digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Renders the content as PDF/A-2u.
     *
     * @throws IOException if a signature image cannot be read as an image, or PDFBox fails
     */
    public byte[] render(PdfContent content) throws IOException {
        String hash = contentHash(content);
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<AutoCloseable> toClose = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            TrueTypeFont ttf = openFont(toClose);
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            Writer writer = new Writer(doc, font, ttf);
            writer.layout(content);
            writer.close();
            Labels labels = Labels.of(content.locale());
            int total = doc.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    footer(cs, font, page.getMediaBox(), labels.page(i + 1, total), labels.hash() + hash);
                }
            }
            metadata(doc, content.title(), created, content.locale());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } finally {
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a font read from memory: nothing to lose
                }
            }
        }
    }

    private static void footer(PDPageContentStream cs, PDType0Font font, PDRectangle box, String pageText,
                               String hashText) throws IOException {
        float width = box.getWidth();
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN_LEFT, MARGIN_BOTTOM - 20);
        cs.lineTo(width - MARGIN_RIGHT, MARGIN_BOTTOM - 20);
        cs.stroke();
        float pw = font.getStringWidth(pageText) / 1000 * 9;
        text(cs, font, 9, (width - pw) / 2, MARGIN_BOTTOM - 34, pageText);
        float hw = font.getStringWidth(hashText) / 1000 * FOOTER_SIZE;
        text(cs, font, FOOTER_SIZE, (width - hw) / 2, MARGIN_BOTTOM - 48, hashText);
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Footer and date wording: zh-CN first; English when the content's locale is English. */
    private record Labels(boolean english) {
        static Labels of(Locale locale) {
            return new Labels("en".equals(locale.getLanguage()));
        }

        String page(int n, int total) {
            return english ? "Page " + n + " of " + total : "第 " + n + " 页 共 " + total + " 页";
        }

        String hash() {
            return english ? "Content SHA-256: " : "内容哈希 SHA-256：";
        }

        DateTimeFormatter time() {
            return english ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ENGLISH)
                    : DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss (xxx)", Locale.SIMPLIFIED_CHINESE);
        }

        String signedAt() {
            return english ? "Signed at " : "签名时间：";
        }

        String name() {
            return english ? "Name: " : "姓名：";
        }
    }

    // ---------------------------------------------------------------- layout

    /** Writes flowing content onto as many A4 pages as it needs. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final TrueTypeFont ttf;
        private final float contentWidth = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDType0Font font, TrueTypeFont ttf) {
            this.doc = doc;
            this.font = font;
            this.ttf = ttf;
        }

        void layout(PdfContent content) throws IOException {
            newPage();
            Labels labels = Labels.of(content.locale());
            String title = clean(content.title().isBlank() ? "会见笔录" : content.title());
            for (String line : wrap(title, TITLE_SIZE, contentWidth)) {
                float w = width(line, TITLE_SIZE);
                y -= TITLE_SIZE + 4;
                text(cs, font, TITLE_SIZE, MARGIN_LEFT + (contentWidth - w) / 2, y, line);
            }
            y -= 18;
            table(content.header());
            y -= 14;
            for (PdfContent.Turn turn : content.turns()) {
                turn(turn);
                y -= 5;
            }
            if (!content.closing().isBlank()) {
                y -= 8;
                paragraph("", content.closing(), BODY_SIZE, BODY_LEADING);
            }
            if (!content.signatures().isEmpty()) {
                y -= 14;
                for (PdfContent.SignatureMark mark : content.signatures()) {
                    signature(mark, labels);
                }
            }
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        /** Makes room for {@code height} points below y, starting a new page when needed. */
        private void need(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM) {
                newPage();
            }
        }

        private void table(List<PdfContent.Field> fields) throws IOException {
            float left = MARGIN_LEFT;
            float right = MARGIN_LEFT + contentWidth;
            float split = left + TABLE_LABEL_WIDTH;
            float valueWidth = right - split - 2 * CELL_PAD;
            float labelWidth = TABLE_LABEL_WIDTH - 2 * CELL_PAD;
            boolean firstOnPage = true;
            for (PdfContent.Field field : fields) {
                List<String> label = wrap(clean(field.label()), TABLE_SIZE, labelWidth);
                List<String> value = wrap(clean(field.value()), TABLE_SIZE, valueWidth);
                int lines = Math.max(1, Math.max(label.size(), value.size()));
                float h = lines * TABLE_LEADING + 2 * CELL_PAD - (TABLE_LEADING - TABLE_SIZE);
                if (y - h < MARGIN_BOTTOM) {
                    newPage();
                    firstOnPage = true;
                }
                cs.setLineWidth(0.6f);
                if (firstOnPage) {
                    cs.moveTo(left, y);
                    cs.lineTo(right, y);
                    cs.stroke();
                    firstOnPage = false;
                }
                float top = y;
                float baseline = top - CELL_PAD - TABLE_SIZE * 0.88f;
                for (int i = 0; i < label.size(); i++) {
                    text(cs, font, TABLE_SIZE, left + CELL_PAD, baseline - i * TABLE_LEADING, label.get(i));
                }
                for (int i = 0; i < value.size(); i++) {
                    text(cs, font, TABLE_SIZE, split + CELL_PAD, baseline - i * TABLE_LEADING, value.get(i));
                }
                float bottom = top - h;
                cs.moveTo(left, bottom);
                cs.lineTo(right, bottom);
                cs.moveTo(left, top);
                cs.lineTo(left, bottom);
                cs.moveTo(split, top);
                cs.lineTo(split, bottom);
                cs.moveTo(right, top);
                cs.lineTo(right, bottom);
                cs.stroke();
                y = bottom;
            }
        }

        private void turn(PdfContent.Turn turn) throws IOException {
            String speaker = clean(turn.speaker());
            paragraph(speaker.isEmpty() ? "" : speaker + "：", turn.text(), BODY_SIZE, BODY_LEADING);
        }

        /** A paragraph with an optional hanging prefix; each line of the text (\n) starts a new line. */
        private void paragraph(String prefix, String text, float size, float leading) throws IOException {
            float indent = prefix.isEmpty() ? 0 : width(prefix, size);
            float width = contentWidth - indent;
            List<String> lines = new ArrayList<>();
            for (String part : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
                lines.addAll(wrap(clean(part), size, width));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
            for (int i = 0; i < lines.size(); i++) {
                need(leading);
                y -= leading;
                if (i == 0 && !prefix.isEmpty()) {
                    text(cs, font, size, MARGIN_LEFT, y, prefix);
                }
                if (!lines.get(i).isEmpty()) {
                    text(cs, font, size, MARGIN_LEFT + indent, y, lines.get(i));
                }
            }
        }

        private void signature(PdfContent.SignatureMark mark, Labels labels) throws IOException {
            byte[] png = mark.png();
            PDImageXObject image = null;
            float w = 0;
            float h = 0;
            if (png.length > 0) {
                BufferedImage read = readSignature(png, mark.name());
                image = LosslessFactory.createFromImage(doc, onWhite(read));
                float scale = Math.min(SIGNATURE_MAX_W / read.getWidth(), SIGNATURE_MAX_H / read.getHeight());
                scale = Math.min(scale, 1f);
                w = read.getWidth() * scale;
                h = read.getHeight() * scale;
            }
            String when = mark.signedAt() == null ? "" : labels.signedAt()
                    + labels.time().format(mark.signedAt().atZone(mark.zone()));
            float block = BODY_LEADING * 2 + Math.max(h, 0) + BODY_LEADING + 8;
            need(block);
            y -= BODY_LEADING;
            text(cs, font, BODY_SIZE, MARGIN_LEFT, y, clean(mark.label()) + "：");
            if (image != null) {
                float x = MARGIN_LEFT + width(clean(mark.label()) + "：", BODY_SIZE) + 6;
                cs.drawImage(image, x, y - h + BODY_SIZE, w, h);
                y -= Math.max(0, h - BODY_SIZE);
            }
            y -= BODY_LEADING;
            text(cs, font, BODY_SIZE, MARGIN_LEFT, y, labels.name() + clean(mark.name()));
            if (!when.isEmpty()) {
                y -= BODY_LEADING;
                text(cs, font, BODY_SIZE, MARGIN_LEFT, y, clean(when));
            }
            y -= 8;
        }

        /**
         * Decodes a signature image after checking its size from the header: a pad gives a few hundred thousand
         * pixels; anything above {@link #MAX_SIGNATURE_PIXELS} is refused before it is decoded.
         */
        private static BufferedImage readSignature(byte[] bytes, String name) throws IOException {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw new IOException("signature image of " + name + " is not a readable image");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    if (pixels > MAX_SIGNATURE_PIXELS || reader.getWidth(0) > 10_000 || reader.getHeight(0) > 10_000) {
                        throw new IOException("signature image of " + name + " is too large (" + reader.getWidth(0)
                                + " × " + reader.getHeight(0) + " pixels, at most " + MAX_SIGNATURE_PIXELS + ")");
                    }
                    BufferedImage image = reader.read(0);
                    if (image == null) {
                        throw new IOException("signature image of " + name + " is not a readable image");
                    }
                    return image;
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IOException("signature image of " + name + " is not a readable image: "
                            + e.getMessage(), e);
                } finally {
                    reader.dispose();
                }
            }
        }

        /** PDF/A without transparency: the pen strokes flattened onto white, RGB. */
        private static BufferedImage onWhite(BufferedImage src) {
            BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
            g.dispose();
            return rgb;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /**
         * Replaces what cannot be drawn: control characters and tabs become spaces, characters the font lacks
         * become "□" (or "?" if it lacks that too).
         */
        private String clean(String s) throws IOException {
            var cmap = ttf.getUnicodeCmapLookup(false);
            String missing = cmap.getGlyphId('□') != 0 ? "□" : "?";
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t' || Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') {
                    out.append(' ');
                } else if (cp == ' ' || cmap.getGlyphId(cp) != 0) {
                    out.appendCodePoint(cp);
                } else if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.NON_SPACING_MARK
                        && cmap.getGlyphId(cp) == 0) {
                    // zero-width and combining marks the font lacks: dropped
                } else {
                    out.append(missing);
                }
            });
            return out.toString();
        }

        /**
         * Greedy line breaking: a break is allowed between two CJK characters, at spaces, and between a CJK
         * character and a Latin word; a Latin word is kept whole unless it alone is wider than the line. Closing
         * punctuation never starts a line and opening punctuation never ends one (the character before or after
         * moves with it).
         */
        List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            List<String> units = units(text);
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String unit : units) {
                float w = width(unit, size);
                if (lineWidth + w <= maxWidth || line.isEmpty() && w <= maxWidth) {
                    if (line.isEmpty() && unit.equals(" ")) {
                        continue;
                    }
                    line.append(unit);
                    lineWidth += w;
                    continue;
                }
                if (unit.isBlank()) {
                    lines.add(stripEnd(line));
                    line.setLength(0);
                    lineWidth = 0;
                    continue;
                }
                if (w > maxWidth) {
                    // a word wider than a line: cut it by characters
                    int i = 0;
                    while (i < unit.length()) {
                        int cp = unit.codePointAt(i);
                        String ch = new String(Character.toChars(cp));
                        float cw = width(ch, size);
                        if (lineWidth + cw > maxWidth && !line.isEmpty()) {
                            lines.add(stripEnd(line));
                            line.setLength(0);
                            lineWidth = 0;
                        }
                        line.append(ch);
                        lineWidth += cw;
                        i += Character.charCount(cp);
                    }
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(stripEnd(line));
                }
                line.setLength(0);
                line.append(unit);
                lineWidth = w;
            }
            if (!line.isEmpty()) {
                lines.add(stripEnd(line));
            }
            return lines;
        }

        private static String stripEnd(StringBuilder sb) {
            return sb.toString().stripTrailing();
        }

        /**
         * Splits text into unbreakable units: a run of Latin letters/digits (with attached non-CJK punctuation), a
         * single CJK character, a space. Closing punctuation is attached to the unit before it, opening punctuation
         * to the unit after it.
         */
        static List<String> units(String text) {
            List<String> raw = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (cp == ' ') {
                    raw.add(" ");
                    i += n;
                } else if (isCjk(cp) || CLOSING_PUNCTUATION.indexOf(cp) >= 0 || OPENING_PUNCTUATION.indexOf(cp) >= 0) {
                    raw.add(new String(Character.toChars(cp)));
                    i += n;
                } else {
                    int j = i;
                    while (j < text.length()) {
                        int c = text.codePointAt(j);
                        if (c == ' ' || isCjk(c) || CLOSING_PUNCTUATION.indexOf(c) >= 0
                                || OPENING_PUNCTUATION.indexOf(c) >= 0) {
                            break;
                        }
                        j += Character.charCount(c);
                    }
                    raw.add(text.substring(i, j));
                    i = j;
                }
            }
            List<String> units = new ArrayList<>();
            StringBuilder pendingOpen = new StringBuilder();
            for (String u : raw) {
                int cp = u.codePointAt(0);
                if (u.length() == Character.charCount(cp) && OPENING_PUNCTUATION.indexOf(cp) >= 0) {
                    pendingOpen.append(u);
                } else if (u.length() == Character.charCount(cp) && CLOSING_PUNCTUATION.indexOf(cp) >= 0
                        && !units.isEmpty() && pendingOpen.isEmpty() && !units.get(units.size() - 1).equals(" ")) {
                    units.set(units.size() - 1, units.get(units.size() - 1) + u);
                } else {
                    units.add(pendingOpen + u);
                    pendingOpen.setLength(0);
                }
            }
            if (!pendingOpen.isEmpty()) {
                units.add(pendingOpen.toString());
            }
            return units;
        }

        private static boolean isCjk(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF;
        }
    }

    // ---------------------------------------------------------------- PDF/A metadata

    private static void metadata(PDDocument doc, String title, Instant created, Locale locale) throws IOException {
        String cleanTitle = title.isBlank() ? "会见笔录" : title;
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(created.toEpochMilli());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(cleanTitle);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);

        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>" + PDFA_PART + "</pdfaid:part>\n"
                + "   <pdfaid:conformance>" + PDFA_CONFORMANCE + "</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(cleanTitle)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <xmp:CreatorTool>" + PRODUCER + "</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        catalog.setLanguage(locale.toLanguageTag());

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\n' || cp == '\t') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
