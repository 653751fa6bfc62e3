package org.huijian.media;

import java.time.Instant;

/**
 * One party's video of one meeting, as a WebM file (VP8, no audio).
 *
 * @param endedAt when it was finished, or {@code null} while it is being written
 * @param sha256 of the finished file (hex), or {@code null} while it is being written
 * @param interrupted the server stopped while writing it: it plays up to its last complete cluster
 */
public record Recording(long meetingId, String party, Instant startedAt, Instant endedAt, long sizeBytes, long frames,
        long durationMs, String sha256, boolean interrupted) {
}
