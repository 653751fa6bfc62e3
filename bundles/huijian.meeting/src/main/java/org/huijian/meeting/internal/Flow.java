package org.huijian.meeting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.huijian.core.Checks;
import org.huijian.meeting.MeetingState;

/**
 * The rules of one live meeting (会见), with no clock, thread, socket or database of its own. The caller passes the
 * time in; each action either changes the meeting and returns what happened (the events to keep and to send to the
 * terminals), or throws {@link MeetingRefusedException} and changes nothing. The meeting service keeps one flow per
 * live meeting, stores the events, and calls {@link #tick} every second.
 *
 * <p>The flow as the centres run it: the booking's time comes; the detainee terminal presses Ready (就位); the lawyer
 * terminal, at the booked position and with the lawyer checked in, presses Connect (接通); the call runs until either
 * side hangs up, a supervisor terminates it (强行终止), or the time limit (通话时间设定) is reached, with warnings
 * before the end. A terminal that drops has a grace period to come back before the meeting ends.
 */
final class Flow {

    /** The two parties' terminals. */
    enum Side {
        LAWYER("lawyer terminal"), DETAINEE("detainee terminal");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    /**
     * The site's meeting rules.
     *
     * @param early how long before the booked start Ready and Connect are accepted
     * @param grace how long a dropped terminal may take to come back before the meeting ends
     * @param defaultLimit the longest a call runs unless a supervisor sets otherwise; the booked end also ends it
     * @param maxLimit the longest limit a supervisor may set
     * @param warnings how long before the limit both sides are warned, e.g. 5 and 1 minutes
     * @param zone the site's time zone, for the times in messages
     */
    record Settings(Duration early, Duration grace, Duration defaultLimit, Duration maxLimit, List<Duration> warnings,
            ZoneId zone) {
        Settings {
            warnings = warnings.stream().sorted(Comparator.reverseOrder()).toList();
        }
    }

    /** What the flow needs to know of the booking. */
    record Booked(long bookingId, long lawyerTerminalId, long detaineeTerminalId, Instant start, Instant end) {
    }

    /**
     * Something that happened.
     *
     * @param kind {@code ready}, {@code ready-withdrawn}, {@code connected}, {@code reminder}, {@code limit},
     *        {@code warning}, {@code disconnected}, {@code reconnected}, {@code restarted}, {@code ended},
     *        {@code terminated}
     * @param by who did it: a terminal, a supervisor's user name, or {@code system}
     */
    record Event(Instant at, String kind, String by, String detail) {
    }

    static final String SYSTEM = "system";
    private static final int MAX_REMINDER = 200;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Booked booked;
    private final Settings settings;
    private MeetingState state;
    private Instant readyAt;
    private Instant connectedAt;
    private Instant limitAt;
    private Duration limit;
    private Instant endedAt;
    private String endReason;
    private final Map<Side, Instant> offlineSince = new EnumMap<>(Side.class);
    private final Set<Duration> warned = new HashSet<>();

    Flow(Booked booked, Settings settings) {
        this.booked = Objects.requireNonNull(booked);
        this.settings = Objects.requireNonNull(settings);
        this.state = MeetingState.WAITING;
        this.limit = settings.defaultLimit();
    }

    /**
     * A flow as it was stored, after a restart of the server: a live meeting is kept, and both terminals are taken
     * as dropped from {@code now}, so they have the grace period to come back (or the meeting ends, with a reason).
     */
    static Flow restore(Booked booked, Settings settings, MeetingState state, Instant readyAt, Instant connectedAt,
            Duration limit, Instant endedAt, String endReason, Instant now, List<Event> out) {
        Flow f = new Flow(booked, settings);
        f.state = state;
        f.readyAt = readyAt;
        f.connectedAt = connectedAt;
        f.limit = limit == null ? settings.defaultLimit() : limit;
        f.limitAt = connectedAt == null ? null : f.limitFrom(connectedAt);
        f.endedAt = endedAt;
        f.endReason = endReason;
        if (f.live()) {
            f.offlineSince.put(Side.LAWYER, now);
            f.offlineSince.put(Side.DETAINEE, now);
            // Warnings already due were given before the restart.
            if (f.limitAt != null) {
                for (Duration w : settings.warnings()) {
                    if (!now.isBefore(f.limitAt.minus(w))) {
                        f.warned.add(w);
                    }
                }
            }
            out.add(new Event(now, "restarted", SYSTEM, "the server restarted; waiting " + seconds(settings.grace())
                    + " for both terminals to come back"));
        }
        return f;
    }

    /** A copy to try an action on: the live flow is replaced only once the copy's changes are stored. */
    Flow copy() {
        Flow f = new Flow(booked, settings);
        f.state = state;
        f.readyAt = readyAt;
        f.connectedAt = connectedAt;
        f.limitAt = limitAt;
        f.limit = limit;
        f.endedAt = endedAt;
        f.endReason = endReason;
        f.offlineSince.putAll(offlineSince);
        f.warned.addAll(warned);
        return f;
    }

    // ---- what the terminals do ----

    /** The detainee terminal presses Ready (就位). Pressing it again changes nothing. */
    List<Event> ready(long terminalId, Instant now) {
        requireLive();
        requireTerminal(Side.DETAINEE, terminalId);
        requireWindow(now);
        if (state == MeetingState.CONNECTED) {
            throw new MeetingRefusedException("already-connected", "the meeting is already connected");
        }
        if (state == MeetingState.DETAINEE_READY) {
            return List.of();
        }
        state = MeetingState.DETAINEE_READY;
        readyAt = now;
        return List.of(new Event(now, "ready", terminal(Side.DETAINEE), "the detainee is ready"));
    }

    /** The lawyer terminal presses Connect (请按此键接通). */
    List<Event> connect(long terminalId, boolean lawyerCheckedIn, Instant now) {
        requireLive();
        requireTerminal(Side.LAWYER, terminalId);
        if (!lawyerCheckedIn) {
            throw new MeetingRefusedException("not-checked-in", "the lawyer has not checked in at the centre yet");
        }
        requireWindow(now);
        if (state == MeetingState.WAITING) {
            throw new MeetingRefusedException("not-ready", "the detainee side is not ready yet; wait for it to press Ready");
        }
        if (state == MeetingState.CONNECTED) {
            throw new MeetingRefusedException("already-connected", "the meeting is already connected");
        }
        state = MeetingState.CONNECTED;
        connectedAt = now;
        limitAt = limitFrom(now);
        return List.of(new Event(now, "connected", terminal(Side.LAWYER), "call started; ends at " + time(limitAt)));
    }

    /**
     * A terminal hangs up. A connected call ends; a detainee terminal that was ready withdraws its Ready; the lawyer
     * terminal cannot hang up a call that has not started.
     */
    List<Event> hangUp(Side side, long terminalId, Instant now) {
        requireLive();
        requireTerminal(side, terminalId);
        if (state == MeetingState.CONNECTED) {
            return end(MeetingState.ENDED, now, terminal(side), "ended by the " + side.label);
        }
        if (state == MeetingState.DETAINEE_READY && side == Side.DETAINEE) {
            state = MeetingState.WAITING;
            readyAt = null;
            return List.of(new Event(now, "ready-withdrawn", terminal(side), "the detainee side withdrew Ready"));
        }
        throw new MeetingRefusedException("not-connected", "the call has not started; there is nothing to hang up");
    }

    /** A terminal's connection to the server dropped. */
    List<Event> disconnected(Side side, Instant now) {
        if (!live() || offlineSince.containsKey(side)) {
            return List.of();
        }
        offlineSince.put(side, now);
        return List.of(new Event(now, "disconnected", terminal(side), "connection lost; waiting "
                + seconds(settings.grace()) + " for it to come back"));
    }

    /** A terminal came back; the meeting goes on where it was. */
    List<Event> reconnected(Side side, long terminalId, Instant now) {
        requireLive();
        requireTerminal(side, terminalId);
        Instant since = offlineSince.remove(side);
        if (since == null) {
            return List.of();
        }
        return List.of(new Event(now, "reconnected", terminal(side), "back after "
                + Duration.between(since, now).toSeconds() + " s"));
    }

    // ---- what a supervisor does ----

    /** A reminder (插话提醒) shown on both terminals. */
    List<Event> remind(String supervisor, String text, Instant now) {
        String t = text == null ? null : text.strip();
        new Checks().required("text", t == null || t.isEmpty() ? null : t)
                .rule(t == null || t.length() <= MAX_REMINDER, "text", "at most " + MAX_REMINDER + " characters")
                .done();
        requireLive();
        return List.of(new Event(now, "reminder", supervisor, t));
    }

    /** Ends the meeting at once (强行终止), with a reason that both sides see. */
    List<Event> terminate(String supervisor, String reason, Instant now) {
        String r = reason == null ? null : reason.strip();
        new Checks().required("reason", r == null || r.isEmpty() ? null : r).done();
        requireLive();
        return end(MeetingState.TERMINATED, now, supervisor, r);
    }

    /**
     * Sets the call's time limit (通话时间设定), counted from when it connected (or, before that, from when it will).
     * Warnings already given are given again if the new end is further away.
     */
    List<Event> setLimit(String supervisor, Duration total, Instant now) {
        new Checks().required("minutes", total)
                .rule(total == null || (total.toMinutes() >= 1 && total.compareTo(settings.maxLimit()) <= 0), "minutes",
                        "must be between 1 and " + settings.maxLimit().toMinutes())
                .done();
        requireLive();
        if (connectedAt != null && !connectedAt.plus(total).isAfter(now)) {
            throw new MeetingRefusedException("limit-passed", "the call has already run " + minutes(connectedAt, now)
                    + " minutes; a limit of " + total.toMinutes() + " would end it at once (terminate it instead)");
        }
        limit = total;
        if (connectedAt != null) {
            limitAt = connectedAt.plus(total);
            warned.removeIf(w -> now.isBefore(limitAt.minus(w)));
        }
        return List.of(new Event(now, "limit", supervisor, total.toMinutes() + " minutes"
                + (limitAt == null ? "" : "; ends at " + time(limitAt))));
    }

    // ---- time passing ----

    /** Gives the warnings that are due and ends the meeting when a limit or a grace period runs out. */
    List<Event> tick(Instant now) {
        if (!live()) {
            return List.of();
        }
        List<Event> out = new ArrayList<>();
        for (Side side : Side.values()) {
            Instant since = offlineSince.get(side);
            if (since != null && !now.isBefore(since.plus(settings.grace()))) {
                if (state == MeetingState.DETAINEE_READY && side == Side.DETAINEE) {
                    offlineSince.remove(side);
                    state = MeetingState.WAITING;
                    readyAt = null;
                    out.add(new Event(now, "ready-withdrawn", SYSTEM, "the detainee terminal was offline for more than "
                            + seconds(settings.grace())));
                } else if (state == MeetingState.CONNECTED) {
                    out.addAll(end(MeetingState.ENDED, now, SYSTEM, "the " + side.label + " was offline for more than "
                            + seconds(settings.grace())));
                    return out;
                }
            }
        }
        if (state == MeetingState.CONNECTED) {
            for (Duration w : settings.warnings()) {
                if (!now.isBefore(limitAt.minus(w)) && now.isBefore(limitAt) && warned.add(w)) {
                    out.add(new Event(now, "warning", SYSTEM, w.toMinutes() + " minute" + (w.toMinutes() == 1 ? "" : "s")
                            + " left; the call ends at " + time(limitAt)));
                }
            }
            if (!now.isBefore(limitAt)) {
                out.addAll(end(MeetingState.ENDED, now, SYSTEM, "time limit reached"));
            }
        } else if (!now.isBefore(booked.end())) {
            out.addAll(end(MeetingState.ENDED, now, SYSTEM, "not connected within the booked time (until "
                    + time(booked.end()) + ")"));
        }
        return out;
    }

    // ---- what the service and the console read ----

    MeetingState state() {
        return state;
    }

    boolean live() {
        return state != MeetingState.ENDED && state != MeetingState.TERMINATED;
    }

    Booked booked() {
        return booked;
    }

    Instant readyAt() {
        return readyAt;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    /** When the call will be ended, or {@code null} before it connects. */
    Instant limitAt() {
        return limitAt;
    }

    Duration limit() {
        return limit;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endReason() {
        return endReason;
    }

    /** Whether the side's terminal is connected to the server (as far as the flow knows). */
    boolean online(Side side) {
        return !offlineSince.containsKey(side);
    }

    // ---- rules ----

    private Instant limitFrom(Instant connected) {
        Instant byLimit = connected.plus(limit);
        // The booked end also ends the call, unless a supervisor set a limit of their own.
        return limit.equals(settings.defaultLimit()) && booked.end().isBefore(byLimit) ? booked.end() : byLimit;
    }

    private List<Event> end(MeetingState how, Instant now, String by, String reason) {
        state = how;
        endedAt = now;
        endReason = reason;
        offlineSince.clear();
        return List.of(new Event(now, how == MeetingState.TERMINATED ? "terminated" : "ended", by, reason));
    }

    private void requireLive() {
        if (!live()) {
            throw new MeetingRefusedException("ended", "the meeting has " + (state == MeetingState.TERMINATED
                    ? "been terminated" : "ended") + (endReason == null ? "" : ": " + endReason));
        }
    }

    private void requireTerminal(Side side, long terminalId) {
        long booked = side == Side.LAWYER ? this.booked.lawyerTerminalId() : this.booked.detaineeTerminalId();
        if (terminalId != booked) {
            throw new MeetingRefusedException("wrong-terminal", "terminal #" + terminalId + " is not this meeting's "
                    + side.label);
        }
    }

    private void requireWindow(Instant now) {
        Instant opens = booked.start().minus(settings.early());
        if (now.isBefore(opens)) {
            throw new MeetingRefusedException("too-early", "the meeting opens at " + time(opens) + " (booked "
                    + time(booked.start()) + "–" + time(booked.end()) + ")");
        }
        if (!now.isBefore(booked.end())) {
            throw new MeetingRefusedException("outside-window", "the booked time ended at " + time(booked.end()));
        }
    }

    private String time(Instant t) {
        return HH_MM.format(t.atZone(settings.zone()));
    }

    private String terminal(Side side) {
        return side.name().toLowerCase(java.util.Locale.ROOT) + "-terminal:"
                + (side == Side.LAWYER ? booked.lawyerTerminalId() : booked.detaineeTerminalId());
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }
}
