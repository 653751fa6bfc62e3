package org.huijian.booking;

import java.time.Instant;

/**
 * A reserved slot (预约): a position at a centre and a detainee terminal, at the same time, for a lawyer
 * meeting a detainee in a case.
 */
public record Booking(long id, long lawyerId, long detaineeId, long caseId, long positionId,
        long detaineeTerminalId, Instant start, Instant end, BookingStatus status) {
}
