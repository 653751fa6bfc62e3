package org.huijian.documents;

/**
 * One line of text as Tesseract read it.
 *
 * @param text       the line; Chinese characters without spaces between them, Latin words with one
 * @param box        where it is on the straight page
 * @param confidence Tesseract's confidence, 0–100, the mean over the line's words weighted by their length
 */
public record TextLine(String text, Box box, double confidence) {
}
