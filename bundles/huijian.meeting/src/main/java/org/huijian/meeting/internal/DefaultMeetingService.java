package org.huijian.meeting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingService;
import org.huijian.booking.BookingStatus;
import org.huijian.core.Actor;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.directory.DirectoryService;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingEvent;
import org.huijian.meeting.MeetingParties;
import org.huijian.meeting.MeetingService;
import org.huijian.meeting.MeetingState;
import org.huijian.meeting.internal.entity.MeetingEntity;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;
import org.huijian.site.TerminalKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the site's live meetings: takes up those that were live when the server stopped, opens each booking's
 * meeting when its time comes (every 15 s), lets time pass for the live ones (every second: warnings, limits,
 * grace periods), and carries out what terminals and supervisors do. A booking whose call took place is completed
 * when its meeting ends.
 */
@Component(service = { MeetingService.class, DefaultMeetingService.class }, configurationPid = MeetingConfig.PID)
@Designate(ocd = MeetingConfig.class)
public class DefaultMeetingService implements MeetingService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMeetingService.class);
    /** Who opens meetings: the system, with a supervisor's right to read the day's bookings. */
    static final Actor KEEPER = new Actor("meeting-keeper", Set.of(Role.SUPERVISOR), "system");

    private final Meetings meetings;
    private final BookingService bookings;
    private final SiteService site;
    private final DirectoryService directory;
    private final Map<Long, MeetingParties> parties = new java.util.concurrent.ConcurrentHashMap<>();
    private final Flow.Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Set<Long> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Activate
    public DefaultMeetingService(@Reference MeetingUnit unit, @Reference BookingService bookings,
            @Reference SiteService site, @Reference DirectoryService directory, MeetingConfig config) {
        this(unit, bookings, site, directory, settings(config), Clock.systemUTC(), true);
    }

    /** For tests: {@code schedule} false leaves ticking and opening to the test. */
    DefaultMeetingService(MeetingUnit unit, BookingService bookings, SiteService site, DirectoryService directory,
            Flow.Settings settings, Clock clock, boolean schedule) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.meetings = new Meetings(unit, settings, clock);
        this.bookings = bookings;
        this.site = site;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huijian-meeting-keeper");
            t.setDaemon(true);
            return t;
        });
        meetings.listen(this::followBooking);
        meetings.restore();
        if (schedule) {
            timer.scheduleAtFixedRate(meetings::tick, 1, 1, TimeUnit.SECONDS);
            timer.scheduleWithFixedDelay(this::openDue, 2, 15, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    Meetings meetings() {
        return meetings;
    }

    // ---- reading ----

    @Override
    public List<Meeting> live(Actor actor) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN);
        return meetings.liveIds().stream().sorted().map(this::view).toList();
    }

    @Override
    public Meeting meeting(Actor actor, long meetingId) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN, Role.AUDITOR);
        return view(meetingId);
    }

    @Override
    public List<MeetingEvent> events(Actor actor, long meetingId) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN, Role.AUDITOR);
        view(meetingId); // 404 for no such meeting
        return meetings.events(meetingId).stream()
                .map(e -> new MeetingEvent(e.at(), e.kind(), e.by(), e.detail())).toList();
    }

    @Override
    public List<Meeting> ofTerminal(TerminalIdentity terminal) {
        return meetings.liveIds().stream().sorted().map(id -> meetings.flow(id).map(f -> Map.entry(id, f)))
                .flatMap(Optional::stream)
                .filter(e -> e.getValue().booked().lawyerTerminalId() == terminal.terminalId()
                        || e.getValue().booked().detaineeTerminalId() == terminal.terminalId())
                .map(e -> view(e.getKey())).toList();
    }

    // ---- what the terminals do ----

    @Override
    public Meeting ready(TerminalIdentity terminal, long meetingId) {
        meetings.act(meetingId, actorOf(terminal), f -> f.ready(terminal.terminalId(), clock.instant()));
        return view(meetingId);
    }

    @Override
    public Meeting connect(TerminalIdentity terminal, long meetingId) {
        meetings.act(meetingId, actorOf(terminal), f -> {
            BookingStatus status = bookings.booking(KEEPER, f.booked().bookingId()).status();
            boolean checkedIn = status == BookingStatus.CHECKED_IN || status == BookingStatus.IN_MEETING;
            return f.connect(terminal.terminalId(), checkedIn, clock.instant());
        });
        return view(meetingId);
    }

    @Override
    public Meeting hangUp(TerminalIdentity terminal, long meetingId) {
        Flow.Side side = terminal.kind() == TerminalKind.LAWYER ? Flow.Side.LAWYER : Flow.Side.DETAINEE;
        meetings.act(meetingId, actorOf(terminal), f -> f.hangUp(side, terminal.terminalId(), clock.instant()));
        return view(meetingId);
    }

    /** Whether a terminal's signalling connection is up; a live meeting of it starts or ends its grace period. */
    void online(TerminalIdentity terminal, boolean up) {
        Flow.Side side = terminal.kind() == TerminalKind.LAWYER ? Flow.Side.LAWYER : Flow.Side.DETAINEE;
        for (Meeting m : ofTerminal(terminal)) {
            try {
                meetings.act(m.id(), actorOf(terminal), f -> up ? f.reconnected(side, terminal.terminalId(),
                        clock.instant()) : f.disconnected(side, clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Meeting {}: terminal {} {}: {}", m.id(), terminal.code(), up ? "back" : "gone", e.toString());
            }
        }
    }

    /** Hears every stored change of a meeting (the signalling tells the terminals). */
    void listen(java.util.function.Consumer<Meetings.Change> listener) {
        meetings.listen(listener);
    }

    // ---- what a supervisor does ----

    @Override
    public Meeting remind(Actor actor, long meetingId, String text) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN);
        meetings.act(meetingId, actor, f -> f.remind(actor.username(), text, clock.instant()));
        return view(meetingId);
    }

    @Override
    public Meeting terminate(Actor actor, long meetingId, String reason) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN);
        meetings.act(meetingId, actor, f -> f.terminate(actor.username(), reason, clock.instant()));
        return view(meetingId);
    }

    @Override
    public Meeting setLimit(Actor actor, long meetingId, Integer minutes) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN);
        meetings.act(meetingId, actor, f -> f.setLimit(actor.username(),
                minutes == null ? null : Duration.ofMinutes(minutes), clock.instant()));
        return view(meetingId);
    }

    // ---- helpers ----

    private Meeting view(long meetingId) {
        Optional<Flow> live = meetings.flow(meetingId);
        if (live.isPresent()) {
            Flow f = live.get();
            Flow.Booked b = f.booked();
            return new Meeting(meetingId, b.bookingId(), f.state(), b.lawyerTerminalId(), b.detaineeTerminalId(),
                    b.start(), b.end(), f.readyAt(), f.connectedAt(), f.limitAt(), f.endedAt(), f.endReason(),
                    f.online(Flow.Side.LAWYER), f.online(Flow.Side.DETAINEE), parties(meetingId, b.bookingId()));
        }
        MeetingEntity row = meetings.row(meetingId).orElseThrow(() -> new NotFoundException("meeting", meetingId));
        return new Meeting(meetingId, row.bookingId(), row.state(), row.lawyerTerminalId(), row.detaineeTerminalId(),
                row.bookedStart(), row.bookedEnd(), row.readyAt(), row.connectedAt(), null, row.endedAt(),
                row.endReason(), false, false, parties(meetingId, row.bookingId()));
    }

    /**
     * The names both screens show, read once per meeting: a name that cannot be read is left out rather than
     * holding up the meeting.
     */
    private MeetingParties parties(long meetingId, long bookingId) {
        MeetingParties known = parties.get(meetingId);
        if (known != null) {
            return known;
        }
        try {
            Booking b = bookings.booking(KEEPER, bookingId);
            var lawyer = directory.lawyer(b.lawyerId());
            var detainee = directory.detainee(b.detaineeId());
            var caseFile = directory.caseFile(b.caseId());
            String firm = name(() -> directory.lawFirm(lawyer.lawFirmId()).name());
            String position = site.positions(b.centreId()).stream().filter(p -> p.id() == b.positionId())
                    .map(org.huijian.site.Position::name).findFirst().orElse(null);
            Long lawyerTerminal = site.terminals().stream().filter(t -> t.positionId() != null
                    && t.positionId() == b.positionId() && t.kind() == TerminalKind.LAWYER)
                    .map(org.huijian.site.Terminal::id).findFirst().orElse(null);
            MeetingParties p = new MeetingParties(b.reference(), lawyer.name(), firm, detainee.name(), detainee.code(),
                    caseFile.caseNo(), name(() -> site.centre(b.centreId()).name()), position,
                    name(() -> site.detentionCentre(b.detentionCentreId()).name()),
                    lawyerTerminal == null ? null : name(() -> site.terminal(lawyerTerminal).name()),
                    name(() -> site.terminal(b.detaineeTerminalId()).name()));
            parties.put(meetingId, p);
            return p;
        } catch (RuntimeException e) {
            LOG.warn("Meeting {}: the names of its parties could not be read: {}", meetingId, e.toString());
            return null;
        }
    }

    private static String name(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Actor actorOf(TerminalIdentity t) {
        return new Actor("terminal:" + t.code(), Set.of(Role.TERMINAL), "terminal");
    }

    /**
     * The booking follows its meeting: in the meeting (会见中) once the call connects, completed when a meeting whose
     * call took place ends.
     */
    private void followBooking(Meetings.Change change) {
        boolean over = change.state() == MeetingState.ENDED || change.state() == MeetingState.TERMINATED;
        boolean connected = change.events().stream().anyMatch(e -> e.kind().equals("connected"));
        if (connected && !over) {
            timer.execute(() -> {
                try {
                    if (bookings.booking(KEEPER, change.bookingId()).status() == BookingStatus.CHECKED_IN) {
                        bookings.meetingStarted(KEEPER, change.bookingId());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Meeting {} connected but its booking {} could not be marked in the meeting: {}",
                            change.meetingId(), change.bookingId(), e.toString());
                }
            });
            return;
        }
        if (!over) {
            return;
        }
        boolean talked = meetings.row(change.meetingId()).map(r -> r.connectedAt() != null).orElse(false);
        if (talked) {
            timer.execute(() -> {
                try {
                    bookings.complete(KEEPER, change.bookingId());
                } catch (RuntimeException e) {
                    LOG.warn("Meeting {} ended but its booking {} could not be completed: {}", change.meetingId(),
                            change.bookingId(), e.toString());
                }
            });
        }
    }

    static Flow.Settings settings(MeetingConfig c) {
        List<Duration> warnings = Arrays.stream(c.warningMinutes().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> Duration.ofMinutes(Long.parseLong(s))).toList();
        if (c.defaultLimitMinutes() < 1 || c.maxLimitMinutes() < c.defaultLimitMinutes() || c.graceSeconds() < 5
                || c.earlyMinutes() < 0) {
            throw new IllegalArgumentException("meeting settings out of range: defaultLimitMinutes "
                    + c.defaultLimitMinutes() + ", maxLimitMinutes " + c.maxLimitMinutes() + ", graceSeconds "
                    + c.graceSeconds() + ", earlyMinutes " + c.earlyMinutes());
        }
        return new Flow.Settings(Duration.ofMinutes(c.earlyMinutes()), Duration.ofSeconds(c.graceSeconds()),
                Duration.ofMinutes(c.defaultLimitMinutes()), Duration.ofMinutes(c.maxLimitMinutes()), warnings,
                ZoneId.of(c.zone()));
    }

    /** Opens the meetings whose time has come. */
    void openDue() {
        try {
            Instant now = clock.instant();
            LocalDate today = now.atZone(settings.zone()).toLocalDate();
            List<Booking> todays = new ArrayList<>();
            for (Centre c : site.centres()) {
                todays.addAll(bookings.centreDay(KEEPER, c.id(), today));
            }
            List<Due.Skipped> skipped = new ArrayList<>();
            for (Flow.Booked b : Due.booked(todays, site.terminals(), now, settings.zone(), settings.early(), skipped)) {
                meetings.open(b, Actor.SYSTEM);
            }
            for (Due.Skipped s : skipped) {
                if (warned.add(s.booking().id())) { // once per booking, not every 15 s
                    LOG.warn("Booking {} is due but its meeting cannot open: {}", s.booking().reference(), s.reason());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not open the meetings due now: {}", e.toString());
        }
    }
}
