package org.huijian.meeting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.huijian.audit.AuditEntry;
import org.huijian.core.Actor;
import org.huijian.core.NotFoundException;
import org.huijian.meeting.MeetingState;
import org.huijian.meeting.internal.entity.MeetingEntity;
import org.huijian.meeting.internal.entity.MeetingEventEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live meetings: one {@link Flow} each, in memory, and every change stored — the meeting's row, its events, and
 * an audit event for each change of state and each supervisor action — in one transaction before it counts. An
 * action runs on a copy of the flow; the copy replaces the live flow only once it is stored, so a refusal or a failed
 * write changes nothing. Listeners (the signalling that tells the terminals and consoles) hear of stored changes only.
 */
final class Meetings {
    private static final Logger LOG = LoggerFactory.getLogger(Meetings.class);
    private static final Set<MeetingState> LIVE = EnumSet.of(MeetingState.WAITING, MeetingState.DETAINEE_READY,
            MeetingState.CONNECTED);
    /** Events that change the state or are a supervisor's action; the others stay in the meeting's own record. */
    private static final Set<String> AUDITED = Set.of("opened", "ready", "ready-withdrawn", "connected", "ended",
            "terminated", "restarted", "reminder", "limit");

    /** What a stored change tells the listeners. */
    record Change(long meetingId, long bookingId, MeetingState state, List<Flow.Event> events) {
    }

    private final MeetingUnit unit;
    private final Flow.Settings settings;
    private final Clock clock;
    private final Map<Long, Flow> live = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    Meetings(MeetingUnit unit, Flow.Settings settings, Clock clock) {
        this.unit = unit;
        this.settings = settings;
        this.clock = clock;
    }

    void listen(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /**
     * Takes up the meetings that were live when the server stopped: each waits the grace period for its terminals
     * to come back, then goes on or ends with that reason.
     */
    int restore() {
        Instant now = clock.instant();
        List<MeetingEntity> rows = unit.read(em -> em.createNamedQuery("Meeting.inStates", MeetingEntity.class)
                .setParameter("states", LIVE).getResultList());
        for (MeetingEntity row : rows) {
            List<Flow.Event> events = new ArrayList<>();
            Flow f = Flow.restore(booked(row), settings, row.state(), row.readyAt(), row.connectedAt(),
                    row.limitMinutes() == null ? null : Duration.ofMinutes(row.limitMinutes()), row.endedAt(),
                    row.endReason(), now, events);
            store(row.getId(), f, events, Actor.SYSTEM);
            live.put(row.getId(), f);
        }
        if (!rows.isEmpty()) {
            LOG.info("Took up {} meetings that were live when the server stopped", rows.size());
        }
        return rows.size();
    }

    /** The booking's meeting, opened now if it has none; a meeting is opened once per booking. */
    long open(Flow.Booked booked, Actor actor) {
        Instant now = clock.instant();
        synchronized (lockOf(-booked.bookingId())) {
            Optional<MeetingEntity> existing = ofBooking(booked.bookingId());
            if (existing.isPresent()) {
                return existing.get().getId();
            }
            MeetingEntity row = unit.writeAll(em -> {
                MeetingEntity m = new MeetingEntity(booked.bookingId(), booked.lawyerTerminalId(),
                        booked.detaineeTerminalId(), booked.start(), booked.end(), now);
                em.persist(m);
                em.flush();
                em.persist(new MeetingEventEntity(m.getId(), now, "opened", actor.username(), "booking "
                        + booked.bookingId()));
                return m;
            }, m -> List.of(new AuditEntry(actor, "meeting.opened", "meeting:" + m.getId(),
                    "booking:" + booked.bookingId())));
            live.put(row.getId(), new Flow(booked, settings));
            tell(new Change(row.getId(), booked.bookingId(), MeetingState.WAITING,
                    List.of(new Flow.Event(now, "opened", actor.username(), "booking " + booked.bookingId()))));
            return row.getId();
        }
    }

    /**
     * Runs an action on a live meeting. A refusal ({@link MeetingRefusedException}, an input error) changes nothing;
     * an action that changes nothing stores nothing.
     */
    List<Flow.Event> act(long meetingId, Actor actor, Function<Flow, List<Flow.Event>> action) {
        synchronized (lockOf(meetingId)) {
            Flow current = live.get(meetingId);
            if (current == null) {
                MeetingEntity row = unit.read(em -> em.find(MeetingEntity.class, meetingId));
                if (row == null) {
                    throw new NotFoundException("meeting", meetingId);
                }
                throw new MeetingRefusedException("ended", "the meeting has " + (row.state() == MeetingState.TERMINATED
                        ? "been terminated" : "ended") + (row.endReason() == null ? "" : ": " + row.endReason()));
            }
            Flow next = current.copy();
            List<Flow.Event> events = action.apply(next);
            if (events.isEmpty()) {
                return events;
            }
            store(meetingId, next, events, actor);
            if (next.live()) {
                live.put(meetingId, next);
            } else {
                live.remove(meetingId);
                locks.remove(meetingId);
            }
            tell(new Change(meetingId, next.booked().bookingId(), next.state(), events));
            return events;
        }
    }

    /** Lets time pass for every live meeting: warnings, limits, grace periods. */
    void tick() {
        Instant now = clock.instant();
        for (Long id : List.copyOf(live.keySet())) {
            try {
                act(id, Actor.SYSTEM, f -> f.tick(now));
            } catch (RuntimeException e) {
                LOG.error("Meeting {}: time could not pass ({}); trying again in a second", id, e.toString());
            }
        }
    }

    Optional<Flow> flow(long meetingId) {
        return Optional.ofNullable(live.get(meetingId));
    }

    List<Long> liveIds() {
        return List.copyOf(live.keySet());
    }

    Optional<MeetingEntity> row(long meetingId) {
        return Optional.ofNullable(unit.read(em -> em.find(MeetingEntity.class, meetingId)));
    }

    Optional<MeetingEntity> ofBooking(long bookingId) {
        return unit.read(em -> em.createNamedQuery("Meeting.ofBooking", MeetingEntity.class)
                .setParameter("bookingId", bookingId).getResultList().stream().findFirst());
    }

    List<MeetingEventEntity> events(long meetingId) {
        return unit.read(em -> em.createNamedQuery("MeetingEvent.of", MeetingEventEntity.class)
                .setParameter("meetingId", meetingId).getResultList());
    }

    private void store(long meetingId, Flow f, List<Flow.Event> events, Actor actor) {
        Instant now = clock.instant();
        unit.writeAll(em -> {
            MeetingEntity row = em.find(MeetingEntity.class, meetingId);
            row.update(f.state(), f.readyAt(), f.connectedAt(),
                    f.limit().equals(settings.defaultLimit()) ? null : (int) f.limit().toMinutes(), f.endedAt(),
                    f.endReason(), now);
            for (Flow.Event e : events) {
                em.persist(new MeetingEventEntity(meetingId, e.at(), e.kind(), e.by(), e.detail()));
            }
            return events;
        }, evs -> evs.stream().filter(e -> AUDITED.contains(e.kind()))
                .map(e -> new AuditEntry(actor, "meeting." + e.kind(), "meeting:" + meetingId,
                        "booking:" + f.booked().bookingId() + (e.detail() == null ? "" : " " + e.detail())))
                .toList());
    }

    private void tell(Change change) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A meeting listener failed: {}", e.toString());
            }
        }
    }

    private Object lockOf(long key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    private static Flow.Booked booked(MeetingEntity row) {
        return new Flow.Booked(row.bookingId(), row.lawyerTerminalId(), row.detaineeTerminalId(), row.bookedStart(),
                row.bookedEnd());
    }
}
