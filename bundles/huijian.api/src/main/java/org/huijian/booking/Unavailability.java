package org.huijian.booking;

import java.time.LocalDateTime;

/**
 * A time when a detainee cannot be brought to a terminal: a court hearing, a transfer, release, medical
 * treatment. Reported by the detention registry.
 */
public record Unavailability(long detaineeId, LocalDateTime from, LocalDateTime to, String reason) {
}
