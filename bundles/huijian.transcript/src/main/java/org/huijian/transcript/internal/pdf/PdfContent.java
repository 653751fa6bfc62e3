package org.huijian.transcript.internal.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What goes into a transcript PDF: a title, a header table, the question/answer turns, a closing statement and the
 * signatures. Immutable; lists are copied.
 */
public record PdfContent(String title, List<Field> header, List<Turn> turns, String closing,
                         List<SignatureMark> signatures, Locale locale) {

    public PdfContent {
        title = Objects.requireNonNullElse(title, "");
        header = header == null ? List.of() : List.copyOf(header);
        turns = turns == null ? List.of() : List.copyOf(turns);
        closing = Objects.requireNonNullElse(closing, "");
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        locale = Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE);
    }

    /** One row of the header table, e.g. "会见时间" / "2026-11-29 09:00–10:00". */
    public record Field(String label, String value) {
        public Field {
            label = Objects.requireNonNullElse(label, "");
            value = Objects.requireNonNullElse(value, "");
        }
    }

    /** One turn of the conversation; speaker e.g. "问" / "答". */
    public record Turn(String speaker, String text) {
        public Turn {
            speaker = Objects.requireNonNullElse(speaker, "");
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** A signature: its label (e.g. "被会见人签名"), the signer's name, the PNG of the strokes, when and in which zone. */
    public record SignatureMark(String label, String name, byte[] png, java.time.Instant signedAt, ZoneId zone) {
        public SignatureMark {
            label = Objects.requireNonNullElse(label, "");
            name = Objects.requireNonNullElse(name, "");
            png = png == null ? new byte[0] : png.clone();
            zone = Objects.requireNonNullElse(zone, ZoneId.of("Asia/Shanghai"));
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }
}
