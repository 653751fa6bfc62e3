package org.huijian.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.huijian.core.InvalidInputException;
import org.huijian.meeting.MeetingState;
import org.huijian.meeting.internal.Flow.Event;
import org.huijian.meeting.internal.Flow.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every allowed and refused step of a live meeting. */
class FlowTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long LAWYER_TERMINAL = 11;
    static final long DETAINEE_TERMINAL = 22;
    /** Booked 09:30–10:30 site time. */
    static final Instant START = LocalDateTime.of(2026, 12, 1, 9, 30).atZone(SHANGHAI).toInstant();
    static final Instant END = START.plus(Duration.ofHours(1));
    static final Flow.Settings SETTINGS = new Flow.Settings(Duration.ofMinutes(5), Duration.ofSeconds(60),
            Duration.ofMinutes(60), Duration.ofMinutes(120), List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
            SHANGHAI);

    static Flow flow() {
        return new Flow(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), SETTINGS);
    }

    static Instant at(int minutesAfterStart) {
        return START.plus(Duration.ofMinutes(minutesAfterStart));
    }

    static void refused(String rule, Executable action) {
        MeetingRefusedException e = assertThrows(MeetingRefusedException.class, action);
        assertEquals(rule, e.rule(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    static Flow connected(int minute) {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(minute));
        f.connect(LAWYER_TERMINAL, true, at(minute));
        return f;
    }

    @Test
    void readyThenConnectStartsTheCall() {
        Flow f = flow();
        assertEquals(MeetingState.WAITING, f.state());
        List<Event> ready = f.ready(DETAINEE_TERMINAL, at(-2));
        assertEquals("ready", ready.get(0).kind());
        assertEquals("detainee-terminal:22", ready.get(0).by());
        assertEquals(MeetingState.DETAINEE_READY, f.state());
        List<Event> connected = f.connect(LAWYER_TERMINAL, true, at(0));
        assertEquals("connected", connected.get(0).kind());
        assertTrue(connected.get(0).detail().contains("10:30"), connected.get(0).detail());
        assertEquals(MeetingState.CONNECTED, f.state());
        assertEquals(at(0), f.connectedAt());
        assertEquals(END, f.limitAt(), "the booked end ends the call");
    }

    @Test
    void pressingReadyTwiceChangesNothing() {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(0));
        assertTrue(f.ready(DETAINEE_TERMINAL, at(1)).isEmpty());
        assertEquals(at(0), f.readyAt());
    }

    @Test
    void connectBeforeReadyIsRefused() {
        Flow f = flow();
        refused("not-ready", () -> f.connect(LAWYER_TERMINAL, true, at(0)));
        assertEquals(MeetingState.WAITING, f.state());
    }

    @Test
    void readyOutsideTheWindowIsRefused() {
        Flow f = flow();
        MeetingRefusedException early = assertThrows(MeetingRefusedException.class,
                () -> f.ready(DETAINEE_TERMINAL, at(-6)));
        assertEquals("too-early", early.rule());
        assertTrue(early.getMessage().contains("09:25"), early.getMessage());
        refused("outside-window", () -> f.ready(DETAINEE_TERMINAL, at(60)));
        assertEquals(MeetingState.WAITING, f.state());
        f.ready(DETAINEE_TERMINAL, at(-5)); // the window opens five minutes early
        assertEquals(MeetingState.DETAINEE_READY, f.state());
    }

    @Test
    void connectAfterTheBookedTimeIsRefused() {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(59));
        refused("outside-window", () -> f.connect(LAWYER_TERMINAL, true, at(60)));
    }

    @Test
    void onlyTheBookedTerminalsMayAct() {
        Flow f = flow();
        refused("wrong-terminal", () -> f.ready(LAWYER_TERMINAL, at(0)));
        refused("wrong-terminal", () -> f.ready(99, at(0)));
        f.ready(DETAINEE_TERMINAL, at(0));
        refused("wrong-terminal", () -> f.connect(DETAINEE_TERMINAL, true, at(0)));
        refused("wrong-terminal", () -> f.connect(98, true, at(0)));
        assertEquals(MeetingState.DETAINEE_READY, f.state());
    }

    @Test
    void aLawyerWhoHasNotCheckedInCannotConnect() {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(0));
        refused("not-checked-in", () -> f.connect(LAWYER_TERMINAL, false, at(0)));
        assertEquals(MeetingState.DETAINEE_READY, f.state());
    }

    @Test
    void connectingTwiceIsRefused() {
        Flow f = connected(0);
        refused("already-connected", () -> f.connect(LAWYER_TERMINAL, true, at(1)));
        refused("already-connected", () -> f.ready(DETAINEE_TERMINAL, at(1)));
    }

    @Test
    void eitherSideMayHangUp() {
        Flow lawyerEnds = connected(0);
        Event e = lawyerEnds.hangUp(Side.LAWYER, LAWYER_TERMINAL, at(20)).get(0);
        assertEquals("ended", e.kind());
        assertEquals("ended by the lawyer terminal", e.detail());
        assertEquals(MeetingState.ENDED, lawyerEnds.state());
        assertEquals(at(20), lawyerEnds.endedAt());

        Flow detaineeEnds = connected(0);
        assertEquals("ended by the detainee terminal", detaineeEnds.hangUp(Side.DETAINEE, DETAINEE_TERMINAL, at(5))
                .get(0).detail());
        refused("wrong-terminal", () -> connected(0).hangUp(Side.LAWYER, 99, at(1)));
    }

    @Test
    void theDetaineeSideMayWithdrawReadyButTheLawyerCannotHangUpBeforeTheCall() {
        Flow f = flow();
        refused("not-connected", () -> f.hangUp(Side.LAWYER, LAWYER_TERMINAL, at(0)));
        f.ready(DETAINEE_TERMINAL, at(0));
        refused("not-connected", () -> f.hangUp(Side.LAWYER, LAWYER_TERMINAL, at(0)));
        assertEquals("ready-withdrawn", f.hangUp(Side.DETAINEE, DETAINEE_TERMINAL, at(1)).get(0).kind());
        assertEquals(MeetingState.WAITING, f.state());
        assertNull(f.readyAt());
    }

    @Test
    void terminateEndsTheMeetingWithAReasonAndOnlyOnce() {
        Flow f = connected(0);
        assertThrows(InvalidInputException.class, () -> f.terminate("supervisor", " ", at(3)));
        assertEquals(MeetingState.CONNECTED, f.state(), "a terminate without a reason changes nothing");
        Event e = f.terminate("supervisor", "违反会见规定", at(3)).get(0);
        assertEquals("terminated", e.kind());
        assertEquals("supervisor", e.by());
        assertEquals(MeetingState.TERMINATED, f.state());
        assertEquals("违反会见规定", f.endReason());
        refused("ended", () -> f.terminate("supervisor", "again", at(4)));
        refused("ended", () -> f.remind("supervisor", "hello", at(4)));
        refused("ended", () -> f.connect(LAWYER_TERMINAL, true, at(4)));
        refused("ended", () -> f.hangUp(Side.LAWYER, LAWYER_TERMINAL, at(4)));
    }

    @Test
    void aWaitingMeetingMayBeTerminatedToo() {
        Flow f = flow();
        f.terminate("supervisor", "在押人员身体不适", at(0));
        assertEquals(MeetingState.TERMINATED, f.state());
        refused("ended", () -> f.ready(DETAINEE_TERMINAL, at(1)));
    }

    @Test
    void remindersNeedTextOfReasonableLength() {
        Flow f = connected(0);
        assertThrows(InvalidInputException.class, () -> f.remind("supervisor", "", at(1)));
        assertThrows(InvalidInputException.class, () -> f.remind("supervisor", null, at(1)));
        assertThrows(InvalidInputException.class, () -> f.remind("supervisor", "长".repeat(201), at(1)));
        Event e = f.remind("supervisor", "  请注意会见时间  ", at(1)).get(0);
        assertEquals("reminder", e.kind());
        assertEquals("请注意会见时间", e.detail());
        assertEquals(MeetingState.CONNECTED, f.state());
    }

    @Test
    void warningsComeOnceEachBeforeTheLimitThenTheCallEnds() {
        Flow f = connected(0);
        assertTrue(f.tick(at(54)).isEmpty());
        List<Event> five = f.tick(at(55));
        assertEquals(1, five.size());
        assertEquals("warning", five.get(0).kind());
        assertTrue(five.get(0).detail().startsWith("5 minutes left"), five.get(0).detail());
        assertTrue(f.tick(at(56)).isEmpty(), "each warning once");
        assertEquals("1 minute left; the call ends at 10:30", f.tick(at(59)).get(0).detail());
        List<Event> end = f.tick(at(60));
        assertEquals("ended", end.get(0).kind());
        assertEquals("time limit reached", end.get(0).detail());
        assertEquals(MeetingState.ENDED, f.state());
        assertTrue(f.tick(at(61)).isEmpty());
    }

    @Test
    void aLateTickGivesTheMissedWarningAndTheEndTogether() {
        Flow f = connected(0);
        List<Event> events = f.tick(at(61));
        assertEquals(List.of("ended"), events.stream().map(Event::kind).toList(),
                "no warnings after the limit, only the end");
    }

    @Test
    void aSupervisorExtendsTheLimitAndTheWarningsComeAgain() {
        Flow f = connected(0);
        f.tick(at(55));
        Event limit = f.setLimit("supervisor", Duration.ofMinutes(90), at(56)).get(0);
        assertEquals("limit", limit.kind());
        assertTrue(limit.detail().contains("11:00"), limit.detail());
        assertEquals(at(90), f.limitAt());
        assertTrue(f.tick(at(60)).isEmpty(), "the booked end no longer ends it");
        assertEquals("warning", f.tick(at(85)).get(0).kind());
        assertEquals("ended", f.tick(at(90)).get(0).kind());
    }

    @Test
    void aLimitMustBeSensibleAndInTheFuture() {
        Flow f = connected(0);
        assertThrows(InvalidInputException.class, () -> f.setLimit("supervisor", Duration.ZERO, at(1)));
        assertThrows(InvalidInputException.class, () -> f.setLimit("supervisor", Duration.ofMinutes(121), at(1)));
        assertThrows(InvalidInputException.class, () -> f.setLimit("supervisor", null, at(1)));
        refused("limit-passed", () -> f.setLimit("supervisor", Duration.ofMinutes(10), at(10)));
        assertEquals(END, f.limitAt(), "nothing changed");
        f.setLimit("supervisor", Duration.ofMinutes(20), at(10));
        assertEquals(at(20), f.limitAt());
    }

    @Test
    void aLimitSetBeforeTheCallCountsFromTheConnection() {
        Flow f = flow();
        f.setLimit("supervisor", Duration.ofMinutes(30), at(-3));
        f.ready(DETAINEE_TERMINAL, at(0));
        f.connect(LAWYER_TERMINAL, true, at(10));
        assertEquals(at(40), f.limitAt());
    }

    @Test
    void aShorterSiteDefaultEndsTheCallBeforeTheBookedEnd() {
        Flow f = new Flow(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), new Flow.Settings(
                Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofMinutes(120),
                List.of(Duration.ofMinutes(5)), SHANGHAI));
        f.ready(DETAINEE_TERMINAL, at(0));
        f.connect(LAWYER_TERMINAL, true, at(5));
        assertEquals(at(35), f.limitAt());
    }

    @Test
    void aDroppedTerminalComesBackWithinTheGracePeriodAndTheCallGoesOn() {
        Flow f = connected(0);
        assertEquals("disconnected", f.disconnected(Side.LAWYER, at(10)).get(0).kind());
        assertTrue(f.disconnected(Side.LAWYER, at(10)).isEmpty(), "once");
        assertFalse(f.online(Side.LAWYER));
        assertTrue(f.tick(at(10).plusSeconds(59)).isEmpty());
        Event back = f.reconnected(Side.LAWYER, LAWYER_TERMINAL, at(10).plusSeconds(59)).get(0);
        assertEquals("reconnected", back.kind());
        assertEquals("back after 59 s", back.detail());
        assertTrue(f.online(Side.LAWYER));
        assertEquals(MeetingState.CONNECTED, f.state());
        assertTrue(f.tick(at(12)).isEmpty());
    }

    @Test
    void aTerminalAwayLongerThanTheGracePeriodEndsTheCall() {
        Flow f = connected(0);
        f.disconnected(Side.DETAINEE, at(10));
        Event end = f.tick(at(11)).get(0);
        assertEquals("ended", end.kind());
        assertEquals("the detainee terminal was offline for more than 60 s", end.detail());
        refused("ended", () -> f.reconnected(Side.DETAINEE, DETAINEE_TERMINAL, at(12)));
    }

    @Test
    void aReadyDetaineeTerminalThatDropsForTooLongIsNoLongerReady() {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(0));
        f.disconnected(Side.DETAINEE, at(1));
        assertEquals("ready-withdrawn", f.tick(at(2)).get(0).kind());
        assertEquals(MeetingState.WAITING, f.state());
        refused("not-ready", () -> f.connect(LAWYER_TERMINAL, true, at(3)));
    }

    @Test
    void aMeetingNeverConnectedEndsWithTheBookedTime() {
        Flow f = flow();
        f.ready(DETAINEE_TERMINAL, at(0));
        assertTrue(f.tick(at(59)).isEmpty());
        Event end = f.tick(at(60)).get(0);
        assertEquals("not connected within the booked time (until 10:30)", end.detail());
        assertEquals(MeetingState.ENDED, f.state());
    }

    @Test
    void afterARestartALiveCallWaitsForBothTerminalsThenResumesOrEnds() {
        List<Event> out = new ArrayList<>();
        Flow resumed = Flow.restore(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), SETTINGS,
                MeetingState.CONNECTED, at(0), at(1), null, null, null, at(20), out);
        assertEquals("restarted", out.get(0).kind());
        assertFalse(resumed.online(Side.LAWYER));
        resumed.reconnected(Side.LAWYER, LAWYER_TERMINAL, at(20).plusSeconds(10));
        resumed.reconnected(Side.DETAINEE, DETAINEE_TERMINAL, at(20).plusSeconds(20));
        assertTrue(resumed.tick(at(22)).isEmpty());
        assertEquals(MeetingState.CONNECTED, resumed.state());
        assertEquals(END, resumed.limitAt());

        Flow abandoned = Flow.restore(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), SETTINGS,
                MeetingState.CONNECTED, at(0), at(1), null, null, null, at(20), new ArrayList<>());
        Event end = abandoned.tick(at(21)).get(0);
        assertEquals("ended", end.kind());
        assertTrue(end.detail().contains("offline for more than 60 s"), end.detail());
    }

    @Test
    void afterARestartWarningsAlreadyDueAreNotRepeatedAndAnEndedMeetingStaysEnded() {
        List<Event> out = new ArrayList<>();
        Flow f = Flow.restore(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), SETTINGS,
                MeetingState.CONNECTED, at(0), at(0), null, null, null, at(56), out);
        f.reconnected(Side.LAWYER, LAWYER_TERMINAL, at(56));
        f.reconnected(Side.DETAINEE, DETAINEE_TERMINAL, at(56));
        assertTrue(f.tick(at(57)).isEmpty(), "the 5-minute warning was given before the restart");
        assertEquals("warning", f.tick(at(59)).get(0).kind());

        List<Event> none = new ArrayList<>();
        Flow ended = Flow.restore(new Flow.Booked(7, LAWYER_TERMINAL, DETAINEE_TERMINAL, START, END), SETTINGS,
                MeetingState.TERMINATED, at(0), at(0), null, at(3), "违反会见规定", at(20), none);
        assertTrue(none.isEmpty());
        assertFalse(ended.live());
        assertTrue(ended.tick(at(21)).isEmpty());
    }
}
