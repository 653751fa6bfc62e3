package org.huijian.meeting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingStatus;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;

/** Which bookings' meetings open now, and on which terminals. */
final class Due {
    /** A booking whose meeting may open: approved, or the lawyer has checked in. */
    static final Set<BookingStatus> OPENABLE = EnumSet.of(BookingStatus.APPROVED, BookingStatus.CHECKED_IN,
            BookingStatus.IN_MEETING);

    /** A booking that is due but cannot open, and why (e.g. its position has no lawyer terminal). */
    record Skipped(Booking booking, String reason) {
    }

    private Due() {
    }

    /**
     * The meetings to open at {@code now}: bookings that are openable and whose window (from {@code early} before the
     * start to the end) holds now, each with the lawyer terminal of its position (the enabled one with the lowest id)
     * and its detainee terminal. Bookings that cannot open are added to {@code skipped}.
     */
    static List<Flow.Booked> booked(List<Booking> bookings, List<Terminal> terminals, Instant now, ZoneId zone,
            Duration early, List<Skipped> skipped) {
        List<Flow.Booked> out = new ArrayList<>();
        for (Booking b : bookings) {
            Instant start = b.start().atZone(zone).toInstant();
            Instant end = b.end().atZone(zone).toInstant();
            if (!OPENABLE.contains(b.status()) || now.isBefore(start.minus(early)) || !now.isBefore(end)) {
                continue;
            }
            Optional<Terminal> lawyerSide = terminals.stream()
                    .filter(t -> t.kind() == TerminalKind.LAWYER && t.enabled() && t.positionId() != null
                            && t.positionId() == b.positionId())
                    .min(Comparator.comparingLong(Terminal::id));
            Optional<Terminal> detaineeSide = terminals.stream()
                    .filter(t -> t.id() == b.detaineeTerminalId() && t.kind() == TerminalKind.DETAINEE).findFirst();
            if (lawyerSide.isEmpty()) {
                skipped.add(new Skipped(b, "position " + b.positionId() + " has no enabled lawyer terminal"));
            } else if (detaineeSide.isEmpty() || !detaineeSide.get().enabled()) {
                skipped.add(new Skipped(b, "detainee terminal " + b.detaineeTerminalId() + " is missing or disabled"));
            } else {
                out.add(new Flow.Booked(b.id(), lawyerSide.get().id(), b.detaineeTerminalId(), start, end));
            }
        }
        return out;
    }
}
