package org.huijian.documents;

/** A rectangle in pixels of the straight page: left, top, width, height. */
public record Box(int left, int top, int width, int height) {
}
