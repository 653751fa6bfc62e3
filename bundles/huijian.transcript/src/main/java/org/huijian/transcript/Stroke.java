package org.huijian.transcript;

import java.util.List;

/** One pen-down to pen-up movement. */
public record Stroke(List<StrokePoint> points) {
    public Stroke {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
