package org.huijian.transcript;

import java.time.Instant;
import java.util.List;

/**
 * The check of a PDF presented as a sealed transcript: the server signature ({@code valid}, covering the whole file,
 * by this server's key), and whether it is the stored transcript of a meeting ({@code meetingId}, {@code
 * matchesStored}: the same bytes as the sealed PDF kept for it).
 */
public record TranscriptVerification(boolean valid, boolean coversWholeDocument, boolean signedByThisServer,
        String signer, Instant signingTime, String footerHash, Long meetingId, boolean matchesStored,
        String sha256, List<String> problems) {
}
