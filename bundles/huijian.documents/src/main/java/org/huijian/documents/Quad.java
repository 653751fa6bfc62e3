package org.huijian.documents;

import java.util.List;

/** Four corners of a page in the capture, in pixels, clockwise from the page's top left. */
public record Quad(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft) {
    public List<Point> corners() {
        return List.of(topLeft, topRight, bottomRight, bottomLeft);
    }
}
