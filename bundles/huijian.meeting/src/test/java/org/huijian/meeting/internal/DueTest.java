package org.huijian.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingStatus;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;
import org.junit.jupiter.api.Test;

/** Which meetings open when, on which terminals. */
class DueTest {
    static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 9, 30);
    static final Duration EARLY = Duration.ofMinutes(5);
    /** Position 5 has lawyer terminals 11 (disabled) and 12; detainee terminal 22. */
    static final List<Terminal> TERMINALS = List.of(
            new Terminal(11, "L01", "律师分机01", TerminalKind.LAWYER, null, null, 5L, false),
            new Terminal(12, "L02", "律师分机02", TerminalKind.LAWYER, null, null, 5L, true),
            new Terminal(13, "L03", "律师分机03", TerminalKind.LAWYER, null, null, 6L, true),
            new Terminal(22, "D01", "在押分机01", TerminalKind.DETAINEE, null, 2L, null, true),
            new Terminal(23, "D02", "在押分机02", TerminalKind.DETAINEE, null, 2L, null, false));

    static Booking booking(long id, BookingStatus status, long position, long detaineeTerminal) {
        return new Booking(id, "YY20261201-00000" + id, 1, 2, 3, 4, position, 2, detaineeTerminal, START,
                START.plusHours(1), status, null, Instant.EPOCH);
    }

    static Instant at(int minutesAfterStart) {
        return START.plusMinutes(minutesAfterStart).atZone(FlowTest.SHANGHAI).toInstant();
    }

    @Test
    void anApprovedBookingOpensFiveMinutesEarlyUntilItsEndOnItsTerminals() {
        List<Booking> one = List.of(booking(1, BookingStatus.APPROVED, 5, 22));
        assertTrue(Due.booked(one, TERMINALS, at(-6), FlowTest.SHANGHAI, EARLY, new ArrayList<>()).isEmpty());
        List<Flow.Booked> due = Due.booked(one, TERMINALS, at(-5), FlowTest.SHANGHAI, EARLY, new ArrayList<>());
        assertEquals(1, due.size());
        assertEquals(12, due.get(0).lawyerTerminalId(), "the enabled lawyer terminal of the position");
        assertEquals(22, due.get(0).detaineeTerminalId());
        assertEquals(at(0), due.get(0).start());
        assertEquals(at(60), due.get(0).end());
        assertEquals(1, Due.booked(one, TERMINALS, at(59), FlowTest.SHANGHAI, EARLY, new ArrayList<>()).size());
        assertTrue(Due.booked(one, TERMINALS, at(60), FlowTest.SHANGHAI, EARLY, new ArrayList<>()).isEmpty());
    }

    @Test
    void onlyBookingsThatHoldTheirSlotOpen() {
        for (BookingStatus s : BookingStatus.values()) {
            int n = Due.booked(List.of(booking(1, s, 5, 22)), TERMINALS, at(0), FlowTest.SHANGHAI, EARLY,
                    new ArrayList<>()).size();
            assertEquals(s == BookingStatus.APPROVED || s == BookingStatus.CHECKED_IN || s == BookingStatus.IN_MEETING
                    ? 1 : 0, n, s.name());
        }
    }

    @Test
    void aBookingWithoutUsableTerminalsIsSkippedWithAReason() {
        List<Due.Skipped> skipped = new ArrayList<>();
        List<Flow.Booked> due = Due.booked(List.of(booking(1, BookingStatus.APPROVED, 7, 22),
                booking(2, BookingStatus.APPROVED, 6, 23)), TERMINALS, at(0), FlowTest.SHANGHAI, EARLY, skipped);
        assertTrue(due.isEmpty());
        assertEquals("position 7 has no enabled lawyer terminal", skipped.get(0).reason());
        assertEquals("detainee terminal 23 is missing or disabled", skipped.get(1).reason());
    }
}
