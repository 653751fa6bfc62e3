package org.huijian.meeting.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditLog;
import org.huijian.core.Actor;
import org.huijian.core.HuijianException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.RefusedException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalCredentials;
import org.huijian.devices.TerminalIdentity;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingState;
import org.huijian.media.MediaBridge;
import org.huijian.site.TerminalKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminals' signalling WebSocket ({@code wss://…/ws/terminal}). The first message is {@code hello} with the
 * terminal's device secret; then the terminal presses Ready / Connect / hangs up, relays its WebRTC offers,
 * answers and ICE candidates to the other party, and hears every change of its meetings. A malformed message
 * is answered with an error naming the field and changes nothing; anything before a valid hello closes the
 * connection (4401). While a terminal's connection is down its live meetings count the grace period. It is put on
 * the web server by {@link SignallingEndpoint}.
 */
@Component(service = TerminalSocket.class)
@ServerEndpoint("/ws/terminal")
public class TerminalSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSocket.class);
    static final int UNAUTHENTICATED = 4401;
    static final int TOO_SLOW = 4408;
    static final int MAX_QUEUED = 256;
    /**
     * A supervisor's console on this connection: it sees every live meeting and may watch their video.
     *
     * @param id how terminals address it in monitor signalling ({@code w…})
     */
    private record Watcher(String id, Actor actor) {
    }

    /** How long a new connection may take to say hello. */
    static final long HELLO_SECONDS = 10;

    private final DefaultMeetingService meetings;
    private final TerminalCredentials credentials;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MonitorTickets tickets;
    private final Presence presence;
    private final AuditLog audit;
    private final Map<Session, TerminalIdentity> signedIn = new ConcurrentHashMap<>();
    private final Map<Session, Watcher> watchers = new ConcurrentHashMap<>();
    /** Console devices signed in with their own credential (watchers that count as terminals online). */
    private final Map<Session, TerminalIdentity> consoles = new ConcurrentHashMap<>();
    /** Which consoles watch which live meeting. */
    private final Map<Long, Set<Session>> watching = new ConcurrentHashMap<>();
    private final AtomicLong watcherIds = new AtomicLong();
    /** The media bridge, when the site runs one (feature huijian-media): then media goes through the server. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MediaBridge bridge;
    private final Map<Session, Outbox> outboxes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "huijian-signalling");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public TerminalSocket(@Reference DefaultMeetingService meetings, @Reference TerminalCredentials credentials,
            @Reference MonitorTickets tickets, @Reference AuditLog audit, @Reference Presence presence) {
        this.meetings = meetings;
        this.presence = presence;
        this.credentials = credentials;
        this.tickets = tickets;
        this.audit = audit;
        meetings.listen(this::changed);
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(Signal.MAX_MESSAGE_BYTES + 1024);
        outboxes.put(session, new Outbox(session));
        workers.schedule(() -> {
            if (session.isOpen() && !signedIn.containsKey(session)) {
                LOG.warn("Closing signalling connection {}: no hello within {} s", session.getId(), HELLO_SECONDS);
                close(session, "no hello within " + HELLO_SECONDS + " s");
            }
        }, HELLO_SECONDS, TimeUnit.SECONDS);
    }

    @OnMessage
    public void message(Session session, String text) {
        Signal m;
        try {
            m = Signal.parse(json, text);
        } catch (InvalidInputException e) {
            LOG.warn("Refused a malformed signalling message from {}: {}", who(session), e.getMessage());
            send(session, error(e));
            if (!signedIn.containsKey(session) && !watchers.containsKey(session)) {
                close(session, "say hello with the terminal's secret first");
            }
            return;
        }
        Watcher w = watchers.get(session);
        if (w != null) {
            try {
                watcherSays(session, w, m);
            } catch (HuijianException e) {
                LOG.info("Console {}: {} refused: {}", w.actor().username(), m.type(), e.getMessage());
                send(session, error(e));
            }
            return;
        }
        TerminalIdentity t = signedIn.get(session);
        if (t == null) {
            hello(session, m);
            return;
        }
        try {
            switch (m.type()) {
            case "ping" -> send(session, Map.of("type", "pong"));
            case "hello" -> send(session, Map.of("type", "error", "message", "already signed in"));
            case "ready" -> send(session, meeting(meetings.ready(t, m.meetingId())));
            case "connect" -> send(session, meeting(meetings.connect(t, m.meetingId())));
            case "hangup" -> send(session, meeting(meetings.hangUp(t, m.meetingId())));
            case "watch", "unwatch" -> throw new InvalidInputException("type", "only a supervisor's console watches");
            case "display" -> display(t, m);
            default -> relay(session, t, m);
            }
        } catch (HuijianException e) {
            LOG.info("Terminal {}: {} refused: {}", t.code(), m.type(), e.getMessage());
            send(session, error(e));
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        outboxes.remove(session);
        Watcher w = watchers.remove(session);
        if (w != null) {
            watching.forEach((meetingId, sessions) -> {
                if (sessions.remove(session)) {
                    stopWatching(meetingId, w);
                }
            });
        }
        TerminalIdentity console = consoles.remove(session);
        if (console != null) {
            presence.down(console);
        }
        TerminalIdentity t = signedIn.remove(session);
        if (t != null && presence.down(t)) {
            meetings.online(t, false);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.debug("Signalling connection of {} failed: {}", who(session), error.toString());
    }

    private void hello(Session session, Signal m) {
        if ("hello".equals(m.type()) && m.secret().startsWith(MonitorTickets.PREFIX)) {
            Optional<Actor> person = tickets.redeem(m.secret());
            if (person.isEmpty()) {
                LOG.warn("Refused a console connection {}: ticket not valid (used, expired or unknown)",
                        session.getId());
                close(session, "the console ticket is not valid; sign in again");
                return;
            }
            welcomeWatcher(session, person.get());
            return;
        }
        Optional<TerminalIdentity> t = "hello".equals(m.type()) ? credentials.authenticate(m.secret()) : Optional.empty();
        if (t.isEmpty()) {
            LOG.warn("Refused a signalling connection from {}: {}", session.getId(), "hello".equals(m.type())
                    ? "credential not valid" : "no hello first");
            close(session, "hello".equals(m.type()) ? "the terminal's credential is not valid"
                    : "say hello with the terminal's secret first");
            return;
        }
        if (t.get().kind() == TerminalKind.CONSOLE) {
            consoles.put(session, t.get());
            presence.up(t.get());
            welcomeWatcher(session, new Actor("console:" + t.get().code(), Set.of(Role.TERMINAL), "terminal"));
            return;
        }
        signedIn.put(session, t.get());
        presence.up(t.get());
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("terminal", t.get());
        media(welcome);
        List<Meeting> mine = meetings.ofTerminal(t.get());
        welcome.put("meetings", mine);
        send(session, welcome);
        meetings.online(t.get(), true);
        for (Meeting x : bridge != null ? List.<Meeting>of() : mine) { // consoles that watch (peer-to-peer): offer again
            for (Session s : watching.getOrDefault(x.id(), Set.of())) {
                Watcher w = watchers.get(s);
                if (w != null) {
                    send(session, monitorMessage(x.id(), w, "start"));
                }
            }
        }
    }

    private void welcomeWatcher(Session session, Actor actor) {
        Watcher w = new Watcher("w" + watcherIds.incrementAndGet(), actor);
        watchers.put(session, w);
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("watcher", w.id());
        media(welcome);
        welcome.put("meetings", meetings.live(DefaultMeetingService.KEEPER));
        send(session, welcome);
        LOG.info("Console of {} connected as watcher {}", actor.username(), w.id());
    }

    /** What a console may do: watch a live meeting's video, stop, answer the terminals' video offers. */
    private void watcherSays(Session session, Watcher w, Signal m) {
        switch (m.type()) {
        case "ping" -> send(session, Map.of("type", "pong"));
        case "watch" -> {
            Meeting meeting = liveMeeting(m.meetingId());
            if (watching.computeIfAbsent(meeting.id(), k -> ConcurrentHashMap.newKeySet()).add(session)) {
                audit.append(new AuditEntry(w.actor(), "meeting.monitor", "meeting:" + meeting.id(),
                        "watches the video of booking " + meeting.bookingId() + " (no audio)"));
                if (bridge == null) {
                    monitor(meeting.id(), w, "start");
                }
            }
            send(session, Map.of("type", "watching", "meetingId", meeting.id()));
        }
        case "unwatch" -> {
            Set<Session> sessions = watching.get(m.meetingId());
            if (sessions != null && sessions.remove(session)) {
                stopWatching(m.meetingId(), w);
            }
            send(session, Map.of("type", "unwatched", "meetingId", m.meetingId()));
        }
        case "signal" -> {
            if (!"monitor".equals(m.channel())) {
                throw new InvalidInputException("channel", "a console takes part in the monitor channel only");
            }
            if (!watching.getOrDefault(m.meetingId(), Set.of()).contains(session)) {
                throw new InvalidInputException("meetingId", "this console does not watch that meeting");
            }
            Meeting meeting = liveMeeting(m.meetingId());
            MediaBridge b = bridge;
            if (b != null) { // the console takes the party's video from the bridge
                if (!"offer".equals(m.kind())) {
                    return; // ICE-lite: the bridge needs none of the console's candidates
                }
                String party = m.peer();
                if (!party.equals(MediaBridge.LAWYER) && !party.equals(MediaBridge.DETAINEE)) {
                    throw new InvalidInputException("peer", "a console watches lawyer or detainee");
                }
                String answer;
                try {
                    answer = b.watch(meeting.id(), party, w.id(), m.sdp());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new InvalidInputException("sdp", e.getMessage());
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("type", "signal");
                out.put("meetingId", meeting.id());
                out.put("channel", "monitor");
                out.put("kind", "answer");
                out.put("from", party.toUpperCase(java.util.Locale.ROOT));
                out.put("sdp", answer);
                send(session, out);
                return;
            }
            long terminal = switch (m.peer()) {
            case "lawyer" -> meeting.lawyerTerminalId();
            case "detainee" -> meeting.detaineeTerminalId();
            default -> throw new InvalidInputException("peer", "a console sends to lawyer or detainee");
            };
            Map<String, Object> out = signalOut(m, meeting.id());
            out.put("peer", w.id());
            toTerminal(terminal, out);
        }
        default -> throw new InvalidInputException("type", "a console cannot " + m.type() + "; it watches");
        }
    }

    private Meeting liveMeeting(long meetingId) {
        Meeting meeting;
        try {
            meeting = meetings.meeting(DefaultMeetingService.KEEPER, meetingId);
        } catch (org.huijian.core.NotFoundException e) {
            throw new InvalidInputException("meetingId", "no such meeting");
        }
        if (meeting.state() == MeetingState.ENDED || meeting.state() == MeetingState.TERMINATED) {
            throw new InvalidInputException("meetingId", "the meeting has ended");
        }
        return meeting;
    }

    /** Asks both terminals of a meeting to start or stop sending their video to a console. */
    private void monitor(long meetingId, Watcher w, String action) {
        Meeting meeting;
        try {
            meeting = meetings.meeting(DefaultMeetingService.KEEPER, meetingId);
        } catch (RuntimeException e) {
            return;
        }
        Map<String, Object> out = monitorMessage(meetingId, w, action);
        toTerminal(meeting.lawyerTerminalId(), out);
        toTerminal(meeting.detaineeTerminalId(), out);
    }

    private static Map<String, Object> monitorMessage(long meetingId, Watcher w, String action) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "monitor");
        out.put("meetingId", meetingId);
        out.put("watcher", w.id());
        out.put("action", action);
        return out;
    }

    private static Map<String, Object> signalOut(Signal m, long meetingId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "signal");
        out.put("meetingId", meetingId);
        out.put("channel", m.channel());
        out.put("kind", m.kind());
        if (m.sdp() != null) {
            out.put("sdp", m.sdp());
        }
        if (m.candidate() != null) {
            out.put("candidate", m.candidate());
        }
        return out;
    }

    /** Passes an offer, answer or candidate to the other party of a meeting this terminal is in. */
    private void relay(Session from, TerminalIdentity t, Signal m) {
        Meeting meeting = meetings.ofTerminal(t).stream().filter(x -> x.id() == m.meetingId()).findFirst()
                .orElseThrow(() -> new InvalidInputException("meetingId", "not a live meeting of this terminal"));
        if ("media".equals(m.channel())) {
            joinBridge(from, t, meeting, m);
            return;
        }
        Map<String, Object> out = signalOut(m, meeting.id());
        out.put("from", t.kind().name());
        if ("monitor".equals(m.channel())) {
            Session console = watching.getOrDefault(meeting.id(), Set.of()).stream()
                    .filter(s -> watchers.containsKey(s) && watchers.get(s).id().equals(m.peer())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("peer", "no console " + m.peer()
                            + " watches this meeting"));
            send(console, out);
            return;
        }
        long peer = t.kind() == TerminalKind.LAWYER ? meeting.detaineeTerminalId() : meeting.lawyerTerminalId();
        toTerminal(peer, out);
    }

    /**
     * The lawyer's document display (文书展示), followed by the detainee's screen: only the lawyer terminal of a live
     * meeting drives it, and it names a capture of that meeting by its number in the meeting (the detainee's page
     * then fetches it, as a terminal of that meeting, from {@code /api/meetings/{id}/documents/{seq}}), so a message
     * can never point the other side at another meeting's papers.
     */
    private void display(TerminalIdentity t, Signal m) {
        if (t.kind() != TerminalKind.LAWYER) {
            throw new org.huijian.meeting.internal.MeetingRefusedException("wrong-terminal",
                    "only the lawyer terminal shows documents");
        }
        Meeting meeting = meetings.ofTerminal(t).stream().filter(x -> x.id() == m.meetingId()).findFirst()
                .orElseThrow(() -> new InvalidInputException("meetingId", "not a live meeting of this terminal"));
        if (meeting.lawyerTerminalId() != t.terminalId()) {
            throw new org.huijian.meeting.internal.MeetingRefusedException("wrong-terminal",
                    "only the lawyer terminal of the meeting shows documents");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "display");
        out.put("meetingId", meeting.id());
        out.put("seq", m.display().seq());
        out.put("zoom", m.display().zoom());
        out.put("x", m.display().x());
        out.put("y", m.display().y());
        out.put("from", t.kind().name());
        toTerminal(meeting.detaineeTerminalId(), out);
    }

    /** Tells both terminals of a meeting what changed. */
    private void changed(Meetings.Change change) {
        Meeting m;
        try {
            m = meetings.meeting(DefaultMeetingService.KEEPER, change.meetingId());
        } catch (RuntimeException e) {
            return;
        }
        Map<String, Object> out = meeting(m);
        out.put("events", change.events());
        toTerminal(m.lawyerTerminalId(), out);
        toTerminal(m.detaineeTerminalId(), out);
        watchers.keySet().forEach(s -> send(s, out));
        if (m.state() == MeetingState.ENDED || m.state() == MeetingState.TERMINATED) {
            watching.remove(m.id());
            MediaBridge b = bridge;
            if (b != null) {
                b.end(m.id());
            }
        }
    }

    /** Tells a page how this site carries media: through the bridge, or peer-to-peer. */
    private void media(Map<String, Object> welcome) {
        MediaBridge b = bridge;
        welcome.put("media", b != null ? "bridge" : "p2p");
        welcome.put("unrecordedAllowed", b == null || b.unrecordedAllowed());
    }

    /**
     * A terminal's offer to the media bridge: only for a call that is on (nothing of a meeting is carried before the
     * lawyer connects). The answer goes back to the same connection.
     */
    private void joinBridge(Session session, TerminalIdentity t, Meeting meeting, Signal m) {
        MediaBridge b = bridge;
        if (b == null) {
            throw new org.huijian.meeting.internal.MeetingRefusedException("media-unavailable",
                    "this site has no media bridge; the call goes peer-to-peer");
        }
        if (!"offer".equals(m.kind())) {
            return; // ICE-lite: the bridge needs none of the browser's candidates
        }
        if (meeting.state() != MeetingState.CONNECTED) {
            throw new org.huijian.meeting.internal.MeetingRefusedException("not-connected",
                    "media flows only once the call is connected");
        }
        String party = t.kind() == TerminalKind.LAWYER ? MediaBridge.LAWYER : MediaBridge.DETAINEE;
        String answer;
        try {
            answer = b.join(meeting.id(), party, m.sdp());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sdp", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Meeting {}: the media bridge could not take the {}: {}", meeting.id(), party, e.toString());
            throw new org.huijian.meeting.internal.MeetingRefusedException("media-unavailable",
                    "the media server cannot take the call now: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "signal");
        out.put("meetingId", meeting.id());
        out.put("channel", "media");
        out.put("kind", "answer");
        out.put("sdp", answer);
        send(session, out);
    }

    private void stopWatching(long meetingId, Watcher w) {
        MediaBridge b = bridge;
        if (b != null) {
            b.unwatch(meetingId, w.id());
        } else {
            monitor(meetingId, w, "stop");
        }
    }

    private void toTerminal(long terminalId, Object message) {
        signedIn.forEach((s, t) -> {
            if (t.terminalId() == terminalId) {
                send(s, message);
            }
        });
    }

    private static Map<String, Object> meeting(Meeting m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "meeting");
        out.put("meeting", m);
        return out;
    }

    private static Map<String, Object> error(HuijianException e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "error");
        out.put("problem", e.type());
        out.put("message", e.getMessage());
        if (e instanceof RefusedException r) {
            out.put("rule", r.rule());
        }
        if (e instanceof InvalidInputException i) {
            out.put("errors", i.violations());
        }
        return out;
    }

    /** Queues a message for the connection; it is written by the signalling threads, in order. */
    private void send(Session session, Object message) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (IOException e) {
            LOG.error("Could not write a signalling message: {}", e.toString());
            return;
        }
        Outbox box = outboxes.get(session);
        if (box != null) {
            box.offer(text);
        }
    }

    /**
     * What waits to be written to one connection. Writing happens on the signalling threads, never under a
     * meeting's lock, so a slow terminal delays only itself; one that falls {@value #MAX_QUEUED} messages behind
     * is closed (4408) and comes back through its reconnect.
     */
    private final class Outbox implements Runnable {
        private final Session session;
        private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Outbox(Session session) {
            this.session = session;
        }

        void offer(String text) {
            if (size.incrementAndGet() > MAX_QUEUED) {
                LOG.warn("Closing the signalling connection of {}: {} messages behind", who(session), MAX_QUEUED);
                closeWith(session, TOO_SLOW, "too far behind; reconnect");
                return;
            }
            queue.add(text);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    workers.execute(this);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    scheduled.set(false);
                }
            }
        }

        @Override
        public void run() {
            try {
                for (String text; (text = queue.poll()) != null;) {
                    size.decrementAndGet();
                    if (session.isOpen()) {
                        session.getBasicRemote().sendText(text);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not send to {}: {}", who(session), e.toString());
            } finally {
                scheduled.set(false);
                if (!queue.isEmpty()) {
                    schedule();
                }
            }
        }
    }

    private static void close(Session session, String why) {
        closeWith(session, UNAUTHENTICATED, why);
    }

    private static void closeWith(Session session, int code, String why) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), why));
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", session.getId(), e.toString());
        }
    }

    private String who(Session session) {
        TerminalIdentity t = signedIn.get(session);
        Watcher w = watchers.get(session);
        return t != null ? "terminal " + t.code() : w != null ? "console " + w.id() + " of " + w.actor().username()
                : "connection " + session.getId();
    }

    List<TerminalIdentity> online() {
        return List.copyOf(signedIn.values());
    }
}
