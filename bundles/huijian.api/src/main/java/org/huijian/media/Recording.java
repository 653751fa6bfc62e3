package org.huijian.media;

import java.time.Instant;

/**
 * One party's video of one meeting, as a WebM file (VP8, no audio).
 *
 * @param part which of the party's recordings of the meeting (a new one starts when the party reconnects), from 1
 * @param endedAt when it was finished, or {@code null} while it is being written
 * @param sha256 of the finished file (hex), or {@code null} while it is being written
 * @param interrupted the server stopped while writing it: it plays up to its last complete cluster
 */
public record Recording(long meetingId, String party, int part, Instant startedAt, Instant endedAt, long sizeBytes, long frames,
        long durationMs, String sha256, boolean interrupted) {
}
