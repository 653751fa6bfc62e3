package org.huijian.documents;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A processed page.
 *
 * @param png         the straight, cropped page, PNG
 * @param width       its width in pixels
 * @param height      its height in pixels
 * @param angle       how far the page's lines were turned in the capture, in degrees, clockwise as seen on the
 *                    screen (the page was turned back by this much); from the page's edges and the fine
 *                    correction on its lines together
 * @param page        the page's corners in the capture, or {@code null} when no page stood out from the background
 *                    (then the whole capture was straightened as it is, without cropping)
 * @param lines       the text, top to bottom; empty when none was found
 * @param deskewTime  time spent decoding, finding and straightening the page
 * @param ocrTime     time spent in Tesseract
 */
public record ProcessedPage(byte[] png, int width, int height, double angle, Quad page, List<TextLine> lines,
        Duration deskewTime, Duration ocrTime) {
    public ProcessedPage {
        lines = List.copyOf(lines);
    }

    /** Whether any text was found. A blank page, or a picture without writing, has none. */
    public boolean hasText() {
        return !lines.isEmpty();
    }

    /** The lines' text, one line each. */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }

    /** Mean confidence over the lines weighted by their length, 0–100; 0 without text. */
    public double confidence() {
        double sum = 0;
        int n = 0;
        for (TextLine l : lines) {
            sum += l.confidence() * l.text().length();
            n += l.text().length();
        }
        return n == 0 ? 0 : sum / n;
    }
}
