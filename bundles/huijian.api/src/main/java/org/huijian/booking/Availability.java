package org.huijian.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The slots of a day for a centre and a linked detention centre.
 *
 * @param releasedAt when the day's slots open for booking (release time); the slots are listed before too
 * @param bookable whether requests for this day are accepted now; if not, {@code reason} says why
 */
public record Availability(long centreId, long detentionCentreId, LocalDate date, LocalDateTime releasedAt,
        boolean bookable, String reason, List<Slot> slots) {
}
