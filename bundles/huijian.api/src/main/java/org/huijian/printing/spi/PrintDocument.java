package org.huijian.printing.spi;

import java.util.Objects;

/**
 * A document to print.
 *
 * @param title job name shown in the printer's queue, e.g. {@code 会见笔录 2026-11-29 张三}; not blank
 * @param mediaType the document's media type; {@code application/pdf} is what every driver supports
 * @param content the document's bytes; not empty. The record does not copy the array: do not change it afterwards
 * @param copies number of copies, 1 or more
 * @param requestedBy the account name of the person who asked for the print, passed to the printer as the job's
 *            user where the driver can
 */
public record PrintDocument(String title, String mediaType, byte[] content, int copies, String requestedBy) {

    /** The media type of PDF documents. */
    public static final String PDF = "application/pdf";

    public PrintDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
        if (content.length == 0) {
            throw new IllegalArgumentException("content is empty");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be 1 or more: " + copies);
        }
    }

    /** A single copy of a PDF. */
    public static PrintDocument pdf(String title, byte[] content, String requestedBy) {
        return new PrintDocument(title, PDF, content, 1, requestedBy);
    }
}
