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
import org.huijian.booking.Booking;
import org.huijian.booking.BookingService;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the site's live meetings: takes up those that were live when the server stopped, opens each booking's
 * meeting when its time comes (every 15 s), and lets time pass for the live ones (every second: warnings, limits,
 * grace periods).
 */
@Component(service = MeetingKeeper.class, configurationPid = MeetingConfig.PID)
@Designate(ocd = MeetingConfig.class)
public class MeetingKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingKeeper.class);
    /** Who opens meetings: the system, with a supervisor's right to read the day's bookings. */
    static final Actor KEEPER = new Actor("meeting-keeper", Set.of(Role.SUPERVISOR), "system");

    private final Meetings meetings;
    private final BookingService bookings;
    private final SiteService site;
    private final Flow.Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Set<Long> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Activate
    public MeetingKeeper(@Reference MeetingUnit unit, @Reference BookingService bookings, @Reference SiteService site,
            MeetingConfig config) {
        this.settings = settings(config);
        this.clock = Clock.systemUTC();
        this.meetings = new Meetings(unit, settings, clock);
        this.bookings = bookings;
        this.site = site;
        meetings.restore();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huijian-meeting-keeper");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(meetings::tick, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::openDue, 2, 15, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    Meetings meetings() {
        return meetings;
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
