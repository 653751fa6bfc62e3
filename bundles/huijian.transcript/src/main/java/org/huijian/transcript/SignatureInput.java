package org.huijian.transcript;

import java.util.List;

/**
 * A handwritten signature as captured: the pad's size and its strokes. The server validates it (bounds, point
 * counts, duration) and keeps it as it came beside the image drawn from it.
 */
public record SignatureInput(int width, int height, List<Stroke> strokes) {
    public SignatureInput {
        strokes = strokes == null ? List.of() : List.copyOf(strokes);
    }

    /** Number of samples in all strokes. */
    public int pointCount() {
        return strokes.stream().mapToInt(s -> s.points().size()).sum();
    }
}
