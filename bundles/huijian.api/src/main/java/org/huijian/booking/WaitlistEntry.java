package org.huijian.booking;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lawyer waiting for a slot on a day (候补). When a slot is freed, the first waiting lawyer gets an
 * offer (a booking held for them) until {@code offerExpiresAt}; then the next one.
 */
public record WaitlistEntry(long id, long lawyerId, long detaineeId, long caseId, long centreId,
        long detentionCentreId, LocalDate date, int slots, Status status, Long offeredBookingId,
        Instant offerExpiresAt, Instant createdAt) {

    public enum Status {
        WAITING, OFFERED, TAKEN, EXPIRED, LEFT
    }
}
