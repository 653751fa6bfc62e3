package org.huijian.transcript;

import java.time.Instant;
import java.util.List;

/**
 * A meeting's transcript. {@code version} grows with every change; a save names the version it was based on.
 * {@code turns} is empty for a reader who may not see the text yet (the detainee terminal while it is a draft).
 */
public record Transcript(long meetingId, TranscriptState state, long version, TranscriptHeader header,
        List<Turn> turns, Instant createdAt, Instant updatedAt, Instant submittedAt, Instant signedAt,
        String signatureSource, Instant sealedAt, String contentHash, String pdfSha256, Long pdfBytes,
        String sealProblem, List<PrintRecord> prints) {
    public Transcript {
        turns = turns == null ? List.of() : List.copyOf(turns);
        prints = prints == null ? List.of() : List.copyOf(prints);
    }
}
