package org.huijian.documents;

/** A point in pixels of an image, x to the right, y down. */
public record Point(double x, double y) {
}
