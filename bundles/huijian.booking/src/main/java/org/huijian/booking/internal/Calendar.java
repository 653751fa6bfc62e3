package org.huijian.booking.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.huijian.site.TimeRange;

/**
 * Slots and the booking window. A centre's day is cut into slots of the policy's length from the start of
 * each opening period; a booking takes one or more consecutive slots of one period. The slots of day D are
 * released at the policy's release time, {@code windowDays} before D.
 */
final class Calendar {
    /** Holds are kept on a 15-minute grid, so centres with different slot grids still exclude each other. */
    static final int TICK_MINUTES = 15;

    private final Policy policy;

    Calendar(Policy policy) {
        this.policy = policy;
    }

    /** The slots of a day, given the centre's opening periods that day. */
    List<LocalDateTime[]> slots(LocalDate date, List<TimeRange> opening) {
        List<LocalDateTime[]> out = new ArrayList<>();
        for (TimeRange period : opening) {
            LocalDateTime start = date.atTime(period.start());
            LocalDateTime periodEnd = date.atTime(period.end());
            while (!start.plusMinutes(policy.slotMinutes()).isAfter(periodEnd)) {
                out.add(new LocalDateTime[] { start, start.plusMinutes(policy.slotMinutes()) });
                start = start.plusMinutes(policy.slotMinutes());
            }
        }
        return out;
    }

    /**
     * The booking's end, when {@code slots} consecutive slots from {@code start} lie in one opening period;
     * otherwise {@code null}.
     */
    LocalDateTime end(LocalDateTime start, int slots, List<TimeRange> opening) {
        for (TimeRange period : opening) {
            LocalDateTime periodStart = start.toLocalDate().atTime(period.start());
            LocalDateTime periodEnd = start.toLocalDate().atTime(period.end());
            if (start.isBefore(periodStart) || !start.isBefore(periodEnd)) {
                continue;
            }
            long offset = Duration.between(periodStart, start).toMinutes();
            if (offset % policy.slotMinutes() != 0) {
                return null;
            }
            LocalDateTime end = start.plusMinutes((long) slots * policy.slotMinutes());
            return end.isAfter(periodEnd) ? null : end;
        }
        return null;
    }

    LocalDateTime releasedAt(LocalDate date) {
        return date.minusDays(policy.windowDays()).atTime(policy.releaseTime());
    }

    /** Why the day cannot be booked now, or {@code null} when it can. */
    String closedReason(LocalDate date, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (date.isBefore(today.plusDays(policy.windowStartDays()))) {
            return date.isBefore(today) ? "the date is in the past"
                    : "bookings are taken from " + today.plusDays(policy.windowStartDays()) + " on";
        }
        if (date.isAfter(today.plusDays(policy.windowDays()))) {
            return "bookings are taken at most " + policy.windowDays() + " days ahead; " + date + " opens at "
                    + releasedAt(date);
        }
        if (now.isBefore(releasedAt(date))) {
            return "the slots of " + date + " are released at " + releasedAt(date);
        }
        return null;
    }

    /** The 15-minute ticks a booking from start to end holds. */
    static List<LocalDateTime> ticks(LocalDateTime start, LocalDateTime end) {
        LocalDateTime t = start.truncatedTo(ChronoUnit.HOURS)
                .plusMinutes((start.getMinute() / TICK_MINUTES) * TICK_MINUTES);
        List<LocalDateTime> out = new ArrayList<>();
        while (t.isBefore(end)) {
            out.add(t);
            t = t.plusMinutes(TICK_MINUTES);
        }
        return out;
    }
}
