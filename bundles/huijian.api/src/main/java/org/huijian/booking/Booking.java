package org.huijian.booking;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A booking (预约): a position at a centre and a detainee terminal at a detention centre, at the same
 * time, for a lawyer meeting a detainee in a case. Times are the site's local time.
 *
 * @param reference the booking number shown to people, e.g. {@code YY20261201-0007}
 * @param statusReason why it is in its status (rejection or cancellation reason), or {@code null}
 */
public record Booking(long id, String reference, long lawyerId, long detaineeId, long caseId, long centreId,
        long positionId, long detentionCentreId, long detaineeTerminalId, LocalDateTime start, LocalDateTime end,
        BookingStatus status, String statusReason, Instant createdAt) {
}
