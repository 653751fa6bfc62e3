package org.huijian.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingStatus;
import org.huijian.booking.internal.Fixture;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingEvent;
import org.huijian.meeting.MeetingState;
import org.huijian.site.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meetings of real bookings (the booking service on Derby): opening, check-in, the call, its end. */
class DefaultMeetingServiceTest {
    static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR), "test");
    static final Actor AUDITOR = new Actor("auditor", Set.of(Role.AUDITOR), "test");

    @TempDir
    Path dir;
    Fixture f;
    EntityManagerFactory emf;
    DefaultMeetingService meetings;
    Booking booking;
    TerminalIdentity lawyerTerminal;
    TerminalIdentity detaineeTerminal;

    @BeforeEach
    void start() throws Exception {
        f = new Fixture(dir);
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-meeting", Map.of(
                "openjpa.ConnectionFactory", f.db.dataSource, "javax.persistence.nonJtaDataSource", f.db.dataSource,
                "openjpa.Log", "slf4j"));
        meetings = new DefaultMeetingService(new MeetingUnit(f.db.db, emf), f.bookings, f.site, f.directory,
                FlowTest.SETTINGS,
                f.clock, false);
        booking = f.bookings.request(f.a, f.request(f.detainee1, f.case1, Fixture.TUESDAY, 9, 30, 1, f.letters(f.a)));
        booking = f.bookings.approve(Fixture.APPROVER, booking.id(), null);
        for (Terminal t : f.site.terminals()) {
            TerminalIdentity id = new TerminalIdentity(t.id(), t.code(), t.name(), t.kind(), t.centreId(),
                    t.detentionCentreId(), t.positionId());
            if (t.positionId() != null && t.positionId() == booking.positionId()) {
                lawyerTerminal = id;
            } else if (t.id() == booking.detaineeTerminalId()) {
                detaineeTerminal = id;
            }
        }
    }

    @AfterEach
    void stop() {
        meetings.deactivate();
        emf.close();
        f.close();
    }

    void at(int hour, int minute) {
        f.clock.set(LocalDateTime.of(Fixture.TUESDAY, java.time.LocalTime.of(hour, minute)));
    }

    @Test
    void aBookedMeetingOpensOnTimeAndRunsReadyCheckInConnectThenCompletesItsBooking() throws Exception {
        at(9, 20);
        meetings.openDue();
        assertTrue(meetings.live(SUPERVISOR).isEmpty(), "not before five minutes ahead");
        at(9, 26);
        meetings.openDue();
        meetings.openDue();
        List<Meeting> live = meetings.live(SUPERVISOR);
        assertEquals(1, live.size(), "opened once");
        Meeting m = live.get(0);
        assertEquals(booking.id(), m.bookingId());
        assertEquals(lawyerTerminal.terminalId(), m.lawyerTerminalId());
        assertEquals(booking.reference(), m.parties().bookingReference(), "both screens show the booking");
        assertEquals(f.directory.detainee(booking.detaineeId()).name(), m.parties().detaineeName());
        assertEquals(f.directory.lawyer(booking.lawyerId()).name(), m.parties().lawyerName());
        assertEquals(f.directory.caseFile(booking.caseId()).caseNo(), m.parties().caseNo());
        assertEquals(lawyerTerminal.name(), m.parties().lawyerTerminalName());
        assertEquals(detaineeTerminal.name(), m.parties().detaineeTerminalName());
        assertEquals(List.of(m), meetings.ofTerminal(detaineeTerminal));

        assertEquals(MeetingState.DETAINEE_READY, meetings.ready(detaineeTerminal, m.id()).state());
        MeetingRefusedException notIn = assertThrows(MeetingRefusedException.class,
                () -> meetings.connect(lawyerTerminal, m.id()));
        assertEquals("not-checked-in", notIn.rule());
        assertThrows(MeetingRefusedException.class, () -> meetings.connect(detaineeTerminal, m.id()),
                "the detainee side cannot connect");
        f.bookings.checkIn(Fixture.APPROVER, booking.id());
        at(9, 31);
        Meeting on = meetings.connect(lawyerTerminal, m.id());
        assertEquals(MeetingState.CONNECTED, on.state());
        assertEquals(booking.end().atZone(FlowTest.SHANGHAI).toInstant(), on.limitAt());
        for (int i = 0; i < 50 && f.bookings.booking(Fixture.ADMIN, booking.id()).status() != BookingStatus.IN_MEETING; i++) {
            Thread.sleep(100);
        }
        assertEquals(BookingStatus.IN_MEETING, f.bookings.booking(Fixture.ADMIN, booking.id()).status(),
                "the booking is in the meeting once the call connects");

        meetings.remind(SUPERVISOR, m.id(), "还剩十分钟，请抓紧时间");
        assertThrows(AccessDeniedException.class, () -> meetings.terminate(f.a, m.id(), "a lawyer cannot"));
        Meeting over = meetings.terminate(SUPERVISOR, m.id(), "违反会见规定");
        assertEquals(MeetingState.TERMINATED, over.state());
        assertTrue(meetings.live(SUPERVISOR).isEmpty());
        assertEquals(List.of("opened", "ready", "connected", "reminder", "terminated"),
                meetings.events(AUDITOR, m.id()).stream().map(MeetingEvent::kind).toList());
        for (int i = 0; i < 50 && f.bookings.booking(Fixture.ADMIN, booking.id()).status() != BookingStatus.COMPLETED; i++) {
            Thread.sleep(100);
        }
        assertEquals(BookingStatus.COMPLETED, f.bookings.booking(Fixture.ADMIN, booking.id()).status());
        assertThrows(AccessDeniedException.class, () -> meetings.events(f.a, m.id()));
    }

    @Test
    void aMeetingThatNeverConnectedLeavesItsBookingAsItWas() {
        at(9, 30);
        meetings.openDue();
        Meeting m = meetings.live(SUPERVISOR).get(0);
        at(10, 30);
        meetings.meetings().tick();
        Meeting over = meetings.meeting(SUPERVISOR, m.id());
        assertEquals(MeetingState.ENDED, over.state());
        assertTrue(over.endReason().startsWith("not connected within the booked time"), over.endReason());
        assertEquals(BookingStatus.APPROVED, f.bookings.booking(Fixture.ADMIN, booking.id()).status(),
                "the no-show rules of the booking decide the rest");
    }
}
