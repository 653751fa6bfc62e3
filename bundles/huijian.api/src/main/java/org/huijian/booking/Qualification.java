package org.huijian.booking;

import java.time.Instant;

/**
 * A lawyer's standing for online booking.
 *
 * @param by who or what decided it: an approver's user name or a verifier's name
 * @param until for a suspension that ends by itself (e.g. after no-shows), when; otherwise {@code null}
 */
public record Qualification(long lawyerId, QualificationStatus status, String reason, String by, Instant at,
        Instant until) {
}
