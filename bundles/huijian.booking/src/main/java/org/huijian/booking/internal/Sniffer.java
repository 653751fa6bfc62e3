package org.huijian.booking.internal;

import java.nio.charset.StandardCharsets;

/** Tells a document's type from its bytes, never from its name: PDF, JPEG or PNG, or nothing. */
final class Sniffer {
    private Sniffer() {
    }

    /** The media type, or {@code null} when the content is none of the accepted types. */
    static String mediaType(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            // A complete PDF ends with %%EOF (possibly followed by line ends).
            int from = Math.max(0, b.length - 1024);
            String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
            return tail.contains("%%EOF") ? "application/pdf" : null;
        }
        if (starts(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return "image/jpeg";
        }
        if (starts(b, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
            return "image/png";
        }
        return null;
    }

    private static boolean starts(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
