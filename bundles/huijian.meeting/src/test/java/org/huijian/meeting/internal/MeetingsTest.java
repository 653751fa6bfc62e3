package org.huijian.meeting.internal;

import org.huijian.store.internal.HandClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.core.Actor;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.meeting.MeetingState;
import org.huijian.meeting.internal.entity.MeetingEventEntity;
import org.huijian.store.internal.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live meetings on the real store (Derby): what is stored, what is audited, what survives a restart. */
class MeetingsTest {
    static final Actor DETAINEE_SIDE = new Actor("terminal:22", Set.of(Role.TERMINAL), "terminal");
    static final Actor LAWYER_SIDE = new Actor("terminal:11", Set.of(Role.TERMINAL), "terminal");
    static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR), "test");

    /** A clock the test moves. */

    @TempDir
    Path dir;
    TestDb db;
    EntityManagerFactory emf;
    MeetingUnit unit;
    HandClock clock = new HandClock(FlowTest.START.minusSeconds(60), FlowTest.SHANGHAI);
    Meetings meetings;
    List<Meetings.Change> heard = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = new TestDb(dir);
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-meeting", Map.of(
                "openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                "openjpa.Log", "slf4j"));
        unit = new MeetingUnit(db.db, emf);
        meetings = new Meetings(unit, FlowTest.SETTINGS, clock);
        meetings.listen(heard::add);
    }

    @AfterEach
    void stop() {
        emf.close();
        db.close();
    }

    static Flow.Booked booked() {
        return new Flow.Booked(7, FlowTest.LAWYER_TERMINAL, FlowTest.DETAINEE_TERMINAL, FlowTest.START, FlowTest.END);
    }

    long connectedMeeting() {
        long id = meetings.open(booked(), Actor.SYSTEM);
        meetings.act(id, DETAINEE_SIDE, f -> f.ready(FlowTest.DETAINEE_TERMINAL, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        meetings.act(id, LAWYER_SIDE, f -> f.connect(FlowTest.LAWYER_TERMINAL, true, clock.instant()));
        return id;
    }

    List<String> audited(long meetingId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ACTION_NAME, ACTOR FROM HJ_AUDIT_EVENT WHERE TARGET = 'meeting:"
                        + meetingId + "' ORDER BY SEQ")) {
            while (r.next()) {
                out.add(r.getString(1) + " by " + r.getString(2));
            }
        }
        return out;
    }

    @Test
    void aBookingHasOneMeetingAndEveryStepIsStoredAndAudited() throws Exception {
        long id = meetings.open(booked(), Actor.SYSTEM);
        assertEquals(id, meetings.open(booked(), Actor.SYSTEM), "opened once per booking");
        meetings.act(id, DETAINEE_SIDE, f -> f.ready(FlowTest.DETAINEE_TERMINAL, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        meetings.act(id, LAWYER_SIDE, f -> f.connect(FlowTest.LAWYER_TERMINAL, true, clock.instant()));
        meetings.act(id, SUPERVISOR, f -> f.remind("supervisor", "请注意会见纪律", clock.instant()));
        assertEquals(MeetingState.CONNECTED, meetings.row(id).orElseThrow().state());
        assertEquals(clock.instant(), meetings.row(id).orElseThrow().connectedAt());
        assertEquals(List.of("opened", "ready", "connected", "reminder"),
                meetings.events(id).stream().map(MeetingEventEntity::kind).toList());
        assertEquals(List.of("meeting.opened by system", "meeting.ready by terminal:22",
                "meeting.connected by terminal:11", "meeting.reminder by supervisor"), audited(id));
        assertEquals(List.of("opened", "ready", "connected", "reminder"),
                heard.stream().map(c -> c.events().get(0).kind()).toList(), "listeners hear every stored change");
    }

    @Test
    void aRefusalStoresNothingAndChangesNothing() throws Exception {
        long id = meetings.open(booked(), Actor.SYSTEM);
        assertThrows(MeetingRefusedException.class,
                () -> meetings.act(id, LAWYER_SIDE, f -> f.connect(FlowTest.LAWYER_TERMINAL, true, clock.instant())));
        assertEquals(1, meetings.events(id).size());
        assertEquals(MeetingState.WAITING, meetings.flow(id).orElseThrow().state());
        assertEquals(List.of("meeting.opened by system"), audited(id));
        assertThrows(NotFoundException.class, () -> meetings.act(999, SUPERVISOR,
                f -> f.terminate("supervisor", "x", clock.instant())));
    }

    @Test
    void aFailedWriteLeavesTheLiveMeetingAsItWas() throws Exception {
        long id = meetings.open(booked(), Actor.SYSTEM);
        meetings.act(id, DETAINEE_SIDE, f -> f.ready(FlowTest.DETAINEE_TERMINAL, clock.instant()));
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("RENAME TABLE HJ_MEETING_EVENT TO HJ_MEETING_EVENT_AWAY");
        }
        assertThrows(RuntimeException.class,
                () -> meetings.act(id, LAWYER_SIDE, f -> f.connect(FlowTest.LAWYER_TERMINAL, true, clock.instant())));
        assertEquals(MeetingState.DETAINEE_READY, meetings.flow(id).orElseThrow().state(), "not connected in memory");
        assertEquals(MeetingState.DETAINEE_READY, meetings.row(id).orElseThrow().state(), "nor in the database");
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("RENAME TABLE HJ_MEETING_EVENT_AWAY TO HJ_MEETING_EVENT");
        }
        meetings.act(id, LAWYER_SIDE, f -> f.connect(FlowTest.LAWYER_TERMINAL, true, clock.instant()));
        assertEquals(MeetingState.CONNECTED, meetings.row(id).orElseThrow().state());
    }

    @Test
    void timePassingWarnsThenEndsTheCallAtItsLimit() throws Exception {
        long id = connectedMeeting();
        meetings.act(id, SUPERVISOR, f -> f.setLimit("supervisor", Duration.ofMinutes(10), clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        meetings.tick();
        clock.advance(Duration.ofMinutes(4));
        meetings.tick();
        clock.advance(Duration.ofMinutes(1));
        meetings.tick();
        assertEquals(List.of("opened", "ready", "connected", "limit", "warning", "warning", "ended"),
                meetings.events(id).stream().map(MeetingEventEntity::kind).toList());
        assertEquals(MeetingState.ENDED, meetings.row(id).orElseThrow().state());
        assertEquals("time limit reached", meetings.row(id).orElseThrow().endReason());
        assertEquals(Integer.valueOf(10), meetings.row(id).orElseThrow().limitMinutes());
        assertTrue(meetings.liveIds().isEmpty());
        MeetingRefusedException after = assertThrows(MeetingRefusedException.class, () -> meetings.act(id, SUPERVISOR,
                f -> f.terminate("supervisor", "too late", clock.instant())));
        assertEquals("ended", after.rule());
        assertTrue(after.getMessage().contains("time limit reached"), after.getMessage());
        assertTrue(audited(id).contains("meeting.ended by system"));
        assertFalse(audited(id).stream().anyMatch(a -> a.startsWith("meeting.warning")),
                "warnings stay in the meeting's own record");
    }

    @Test
    void aRestartedServerTakesUpALiveMeetingWhichResumesWhenItsTerminalsComeBack() throws Exception {
        long id = connectedMeeting();
        clock.advance(Duration.ofMinutes(10));
        Meetings afterRestart = new Meetings(unit, FlowTest.SETTINGS, clock);
        assertEquals(1, afterRestart.restore());
        Flow f = afterRestart.flow(id).orElseThrow();
        assertEquals(MeetingState.CONNECTED, f.state());
        assertFalse(f.online(Flow.Side.LAWYER));
        afterRestart.act(id, LAWYER_SIDE, x -> x.reconnected(Flow.Side.LAWYER, FlowTest.LAWYER_TERMINAL, clock.instant()));
        afterRestart.act(id, DETAINEE_SIDE,
                x -> x.reconnected(Flow.Side.DETAINEE, FlowTest.DETAINEE_TERMINAL, clock.instant()));
        clock.advance(Duration.ofMinutes(2));
        afterRestart.tick();
        assertEquals(MeetingState.CONNECTED, afterRestart.row(id).orElseThrow().state());
        assertEquals(List.of("opened", "ready", "connected", "restarted", "reconnected", "reconnected"),
                afterRestart.events(id).stream().map(MeetingEventEntity::kind).toList());
    }

    @Test
    void aRestartedServerEndsALiveMeetingWhoseTerminalsDoNotComeBack() {
        long id = connectedMeeting();
        Meetings afterRestart = new Meetings(unit, FlowTest.SETTINGS, clock);
        afterRestart.restore();
        clock.advance(Duration.ofMinutes(2));
        afterRestart.tick();
        assertEquals(MeetingState.ENDED, afterRestart.row(id).orElseThrow().state());
        assertTrue(afterRestart.row(id).orElseThrow().endReason().contains("offline for more than 60 s"));
        assertEquals(0, new Meetings(unit, FlowTest.SETTINGS, clock).restore(), "an ended meeting is not taken up again");
    }
}
