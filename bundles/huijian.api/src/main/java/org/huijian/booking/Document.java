package org.huijian.booking;

import java.time.Instant;

/**
 * An uploaded paper: its type is sniffed from its content (PDF, JPEG or PNG), never taken from the name,
 * and it is kept with its SHA-256.
 */
public record Document(long id, long lawyerId, DocumentKind kind, String fileName, String mediaType, long size,
        String sha256, Instant uploadedAt) {
}
