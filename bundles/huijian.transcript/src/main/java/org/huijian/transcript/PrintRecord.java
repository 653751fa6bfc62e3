package org.huijian.transcript;

import java.time.Instant;

/** A print job of the sealed transcript, as the printer last reported it. */
public record PrintRecord(int seq, String printerId, String printerName, String jobId, String state, String message,
        String requestedBy, Instant requestedAt, Instant updatedAt) {
}
