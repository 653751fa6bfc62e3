package org.huijian.booking.internal;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.INTEGRATION;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.persistence.EntityManager;
import org.huijian.accounts.AccountService;
import org.huijian.audit.AuditEntry;
import org.huijian.booking.Availability;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingEvent;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.BookingRequest;
import org.huijian.booking.BookingService;
import org.huijian.booking.BookingStatus;
import org.huijian.booking.DocumentKind;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationStatus;
import org.huijian.booking.Slot;
import org.huijian.booking.Unavailability;
import org.huijian.booking.WaitlistEntry;
import org.huijian.booking.WaitlistRequest;
import org.huijian.booking.internal.entity.AuthorisationEntity;
import org.huijian.booking.internal.entity.BookingEntity;
import org.huijian.booking.internal.entity.BookingEventEntity;
import org.huijian.booking.internal.entity.DocumentEntity;
import org.huijian.booking.internal.entity.QualificationEntity;
import org.huijian.booking.internal.entity.UnavailabilityEntity;
import org.huijian.booking.internal.entity.WaitlistEntity;
import org.huijian.booking.spi.DetentionRegistry;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.BusyException;
import org.huijian.core.Checks;
import org.huijian.core.HuijianException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.directory.Case;
import org.huijian.directory.Detainee;
import org.huijian.directory.DirectoryService;
import org.huijian.notify.Notifier;
import org.huijian.site.DetentionCentre;
import org.huijian.site.Position;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;
import org.huijian.site.TimeRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = BookingService.class, configurationPid = BookingConfig.PID)
@Designate(ocd = BookingConfig.class)
public class DefaultBookingService implements BookingService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBookingService.class);
    static final Role[] STAFF = { SITE_ADMIN, APPROVER, SUPERVISOR };
    static final Set<BookingStatus> LIVE = EnumSet.of(BookingStatus.PENDING_APPROVAL, BookingStatus.APPROVED,
            BookingStatus.CHECKED_IN, BookingStatus.IN_MEETING);

    private final BookingUnit unit;
    private final SiteService site;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final Policy policy;
    private final Rules rules;
    private final Clock clock;
    private final Occupancy occupancy = new Occupancy();
    private final Claims claims = new Claims();
    /** How long a request waits for the requests ahead of it on the same places before it runs its rules anyway. */
    private static final long CLAIM_WAIT_NANOS = 5_000_000_000L;
    private final Allocator allocator;
    private final Notifications notify;
    private final List<DetentionRegistry> registries = new CopyOnWriteArrayList<>();
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final Memo<Long, List<Long>> positionsOf;
    private final Memo<Long, List<Long>> terminalsOf;
    private final Memo<Long, List<Long>> linksOf;
    private final Memo<List<Object>, List<TimeRange>> openingOf;

    @Activate
    public DefaultBookingService(@Reference BookingUnit unit, @Reference SiteService site,
            @Reference DirectoryService directory, @Reference AccountService accounts, BookingConfig config) {
        this(unit, site, directory, accounts, Policy.of(config), Clock.systemUTC(), true);
    }

    DefaultBookingService(BookingUnit unit, SiteService site, DirectoryService directory, AccountService accounts,
            Policy policy, Clock clock, boolean schedule) {
        this.unit = unit;
        this.site = site;
        this.directory = directory;
        this.accounts = accounts;
        this.policy = policy;
        this.rules = new Rules(policy);
        this.clock = clock;
        this.allocator = new Allocator(unit.store(), unit.emf(), occupancy, clock, policy.queueCapacity());
        this.notify = new Notifications(accounts, directory, () -> List.copyOf(notifiers), clock, allocator::busy);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huijian-booking-timer");
            t.setDaemon(true);
            return t;
        });
        this.positionsOf = new Memo<>(5000, this::loadPositions);
        this.terminalsOf = new Memo<>(5000, this::loadTerminals);
        this.linksOf = new Memo<>(5000, c -> site.linkedDetentionCentres(c).stream().map(DetentionCentre::id).toList());
        this.openingOf = new Memo<>(5000, k -> site.openingOn((Long) k.get(0), (LocalDate) k.get(1)));
        if (schedule) {
            timer.scheduleWithFixedDelay(this::housekeeping, 30, 30, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        try { // housekeeping under way finishes its transaction before the unit closes after this component
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        allocator.close();
        notify.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRegistry(DetentionRegistry registry) {
        registries.add(registry);
    }

    void removeRegistry(DetentionRegistry registry) {
        registries.remove(registry);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    Notifications notifications() {
        return notify;
    }

    Policy policy() {
        return policy;
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), policy.zone());
    }

    // ---- availability ----

    @Override
    public Availability availability(long centreId, long detentionCentreId, LocalDate date) {
        new Checks().required("date", date).done();
        requireLinked(centreId, detentionCentreId);
        List<Long> positions = positions(centreId);
        List<Long> terminals = terminals(detentionCentreId);
        occupancy.ensureLoaded(date, allocator::loadHolds);
        List<Slot> slots = new ArrayList<>();
        for (LocalDateTime[] s : rules.calendar().slots(date, opening(centreId, date))) {
            List<LocalDateTime> ticks = Calendar.ticks(s[0], s[1]);
            slots.add(new Slot(s[0], s[1], free(Occupancy.POSITION, positions, ticks),
                    free(Occupancy.TERMINAL, terminals, ticks)));
        }
        String closed = rules.calendar().closedReason(date, now());
        return new Availability(centreId, detentionCentreId, date, rules.calendar().releasedAt(date), closed == null,
                closed, slots);
    }

    // ---- request ----

    @Override
    public Booking request(Actor actor, BookingRequest r) {
        Claims.Claim[] claim = new Claims.Claim[1];
        Booking b;
        try {
            b = allocate(checked(actor, r, System.nanoTime(), claim));
        } finally {
            if (claim[0] != null) {
                claim[0].close();
            }
        }
        boolean approved = b.status() == BookingStatus.APPROVED;
        notify.lawyer(b.lawyerId(), approved ? "booking.approved" : "booking.submitted",
                (approved ? "预约已通过：" : "预约已提交，待审批：") + b.reference(), () -> describe(b));
        return b;
    }

    /** Runs every rule; returns what the allocator needs, with the request's claim in {@code claim[0]}. */
    private Allocator.Candidate checked(Actor actor, BookingRequest r, long arrived, Claims.Claim[] claim) {
        actor.require(LAWYER, SITE_ADMIN, APPROVER);
        new Checks().required("(body)", r).done();
        new Checks().required("detaineeId", r.detaineeId()).required("caseId", r.caseId())
                .required("centreId", r.centreId()).required("date", r.date()).required("start", r.start())
                .rule(r.slots() == null || (r.slots() >= 1 && r.slots() <= policy.maxSlots()), "slots",
                        "must be between 1 and " + policy.maxSlots())
                .done();
        long lawyerId = lawyerOf(actor, r.lawyerId());
        int slots = r.slots() == null ? 1 : r.slots();
        LocalDateTime start = r.date().atTime(r.start());

        // In a rush most requests are for slots already gone: say so from memory (the site's structure, remembered
        // for a few seconds), before anything is read from the database. A full centre is known without the
        // detainee: most refusals of a rush need no lookup of where the detainee is held (one read per lawyer).
        rules.window(r.date(), now());
        linksOf.get(r.centreId()); // 404 for a centre that does not exist
        LocalDateTime end = rules.hours(start, slots, opening(r.centreId(), r.date()));
        positionsFree(r.centreId(), start, end);
        Detainee detainee = directory.detainee(r.detaineeId());
        requireLinked(r.centreId(), detainee.detentionCentreId());
        terminalsFree(detainee.detentionCentreId(), start, end);
        claim[0] = claim(r.centreId(), detainee.detentionCentreId(), start, end);

        Case c = directory.caseFile(r.caseId());
        rules.caseOfDetainee(c, detainee.id());
        if (r.lawyerId() != null) { // staff booking for a lawyer: 404 when there is none (a lawyer's own is on file)
            directory.lawyer(lawyerId);
        }
        List<Long> documents = r.documentIds() == null ? List.of() : r.documentIds();
        // Everything the per-lawyer rules need, read in one go (one entity manager, not one per question).
        Facts f = unit.read(em -> facts(em, lawyerId, c.id(), documents, detainee.id(), start, end));
        boolean letters = checkLetters(lawyerId, documents, f);
        checkLawyerAndCase(c, letters, f);
        rules.dailyLimit(f.bookedThatDay());
        rules.detaineeAvailable(withRegistries(f.unavailable(), detainee.id(), start, end));

        BookingStatus initial = policy.autoApprove() ? BookingStatus.APPROVED : BookingStatus.PENDING_APPROVAL;
        return new Allocator.Candidate(actor, lawyerId, detainee.id(), c.id(), r.centreId(),
                detainee.detentionCentreId(), start, end, initial,
                policy.autoApprove() ? "approved automatically: every rule passed" : null, 0, positions(r.centreId()),
                terminals(detainee.detentionCentreId()), letters ? documents : List.of(), arrived);
    }

    /** Refuses at once when no position or no detainee terminal is free for the whole time. */
    private void capacity(long centreId, long detentionCentreId, LocalDateTime start, LocalDateTime end) {
        positionsFree(centreId, start, end);
        terminalsFree(detentionCentreId, start, end);
    }

    /** Refuses at once when no position of the centre is free for the whole time. */
    private void positionsFree(long centreId, LocalDateTime start, LocalDateTime end) {
        occupancy.ensureLoaded(start.toLocalDate(), allocator::loadHolds);
        if (free(Occupancy.POSITION, positions(centreId), Calendar.ticks(start, end)) == 0) {
            throw new BookingRefusedException("slot-taken", "every position of the centre is taken at "
                    + start.toLocalTime() + " on " + start.toLocalDate() + "; choose another time or join the waiting list");
        }
    }

    /** Refuses at once when no detainee terminal of the detention centre is free for the whole time. */
    private void terminalsFree(long detentionCentreId, LocalDateTime start, LocalDateTime end) {
        occupancy.ensureLoaded(start.toLocalDate(), allocator::loadHolds);
        if (free(Occupancy.TERMINAL, terminals(detentionCentreId), Calendar.ticks(start, end)) == 0) {
            throw new BookingRefusedException("no-detainee-terminal", "every detainee terminal of the detention "
                    + "centre is in use at " + start.toLocalTime() + " on " + start.toLocalDate()
                    + "; choose another time or join the waiting list");
        }
    }

    /**
     * Waits while as many requests as there are free places here are ahead of this one (see {@link Claims}), then
     * claims; refuses from memory when the places went meanwhile.
     */
    private Claims.Claim claim(long centreId, long detentionCentreId, LocalDateTime start, LocalDateTime end) {
        List<LocalDateTime> ticks = Calendar.ticks(start, end);
        List<Claims.Key> keys = List.of(new Claims.Key(Occupancy.POSITION, centreId, start),
                new Claims.Key(Occupancy.TERMINAL, detentionCentreId, start));
        for (int attempt = 0; attempt < 3; attempt++) {
            Claims.Claim c;
            try {
                c = claims.take(keys, k -> free(k.kind(), k.kind().equals(Occupancy.POSITION) ? positions(centreId)
                        : terminals(detentionCentreId), ticks), CLAIM_WAIT_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusyException("interrupted while waiting for a slot");
            }
            if (c != null) {
                return c;
            }
            capacity(centreId, detentionCentreId, start, end); // the places went: says which side is full
        }
        return null; // freed and taken again while we looked: go on unclaimed, the allocator decides
    }

    /** How many of {@code ids} (positions or terminals, by {@code kind}) are free at every tick. */
    private int free(String kind, List<Long> ids, List<LocalDateTime> ticks) {
        return (int) ids.stream().filter(id -> occupancy.free(kind, id, ticks, 0)).count();
    }

    /**
     * What the per-lawyer rules need to know, read with one entity manager; {@code completed} (the lawyer's meetings
     * held in the case) is read only where the site holds first meetings in person, else 0.
     */
    private record Facts(Map<Long, DocumentEntity> documents, QualificationEntity qualification, long completed,
            AuthorisationEntity authorisation, long bookedThatDay, List<Unavailability> unavailable) {
    }

    /** The facts about a lawyer and a case; the day's count and the detainee's absences only when {@code from} is given. */
    private Facts facts(EntityManager em, long lawyerId, long caseId, List<Long> documents, long detaineeId,
            LocalDateTime from, LocalDateTime to) {
        Map<Long, DocumentEntity> docs = new HashMap<>();
        for (Long id : documents) {
            DocumentEntity d = id == null ? null : em.find(DocumentEntity.class, id);
            if (d != null) {
                docs.put(id, d);
            }
        }
        // Only a site that holds first meetings in person asks whether this is one (the default does not).
        long completed = policy.firstMeetingRemote() ? 0 : em.createNamedQuery("Booking.countCompleted", Long.class)
                .setParameter("lawyerId", lawyerId).setParameter("caseId", caseId).getSingleResult();
        long booked = from == null ? 0 : em.createNamedQuery("Booking.countOfLawyerDay", Long.class)
                .setParameter("lawyerId", lawyerId).setParameter("from", from.toLocalDate().atStartOfDay())
                .setParameter("to", from.toLocalDate().plusDays(1).atStartOfDay()).setParameter("live", LIVE)
                .getSingleResult();
        List<Unavailability> absent = from == null ? List.of() : storedUnavailability(em, detaineeId, from, to);
        return new Facts(docs, em.find(QualificationEntity.class, lawyerId), completed,
                em.find(AuthorisationEntity.class, new AuthorisationEntity.Key(lawyerId, caseId)), booked, absent);
    }

    private void checkLawyerAndCase(Case c, boolean letters, Facts f) {
        rules.qualified(f.qualification() == null ? null : f.qualification().toApi(), clock.instant());
        rules.caseAllowsRemote(c);
        rules.firstMeeting(f.completed() > 0);
        AuthorisationEntity auth = f.authorisation();
        rules.authorised(auth == null ? null : (auth.complete() ? auth.status() : null), letters);
    }

    /** Whether the documents are the lawyer's two letters; bad document ids are input errors. */
    private boolean checkLetters(long lawyerId, List<Long> documents, Facts f) {
        if (documents.isEmpty()) {
            return false;
        }
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        Checks checks = new Checks();
        for (int i = 0; i < documents.size(); i++) {
            Long id = documents.get(i);
            DocumentEntity d = id == null ? null : f.documents().get(id);
            if (d == null) {
                checks.fail("documentIds[" + i + "]", "no document " + id);
            } else if (d.lawyerId() == null || d.lawyerId() != lawyerId) {
                checks.fail("documentIds[" + i + "]", "document " + id + " is not yours");
            } else {
                kinds.add(d.toApi().kind());
            }
        }
        checks.rule(kinds.contains(DocumentKind.AUTHORISATION_LETTER) == kinds.contains(DocumentKind.FIRM_LETTER)
                || !checks.ok(), "documentIds", "attach both the authorisation letter and the law firm's letter");
        checks.done();
        return kinds.contains(DocumentKind.AUTHORISATION_LETTER) && kinds.contains(DocumentKind.FIRM_LETTER);
    }

    private Booking allocate(Allocator.Candidate candidate) {
        try {
            return allocator.submit(candidate).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HuijianException h) {
                throw h;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for a slot");
        } catch (TimeoutException e) {
            throw new BusyException("the booking queue is long; try again shortly");
        }
    }

    // ---- transitions ----

    @Override
    public Booking approve(Actor actor, long bookingId, String note) {
        actor.require(APPROVER, SITE_ADMIN);
        new Checks().optionalText("note", note, 300).done();
        Booking b = transition(actor, bookingId, EnumSet.of(BookingStatus.PENDING_APPROVAL), BookingStatus.APPROVED,
                note, "booking.approve", false, em -> {
                    BookingEntity e = find(em, bookingId);
                    Booking x = e.toApi();
                    AuthorisationEntity a = em.find(AuthorisationEntity.class,
                            new AuthorisationEntity.Key(x.lawyerId(), x.caseId()));
                    if (a != null && !AuthorisationEntity.ACCEPTED.equals(a.status())) {
                        a.decide(AuthorisationEntity.ACCEPTED, actor.username(), clock.instant());
                    }
                });
        notify.lawyer(b.lawyerId(), "booking.approved", "预约已通过：" + b.reference(), () -> describe(b)
                + (note == null || note.isBlank() ? "" : "\n审批意见：" + note));
        return b;
    }

    @Override
    public Booking reject(Actor actor, long bookingId, String reason) {
        actor.require(APPROVER, SITE_ADMIN);
        new Checks().text("reason", reason, 300).done();
        Booking b = transition(actor, bookingId, EnumSet.of(BookingStatus.PENDING_APPROVAL), BookingStatus.REJECTED,
                reason.strip(), "booking.reject", true, null);
        notify.lawyer(b.lawyerId(), "booking.rejected", "预约未通过：" + b.reference(),
                () -> describe(b) + "\n原因：" + reason);
        offerFreedSlot(b);
        return b;
    }

    @Override
    public Booking cancel(Actor actor, long bookingId, String reason) {
        actor.require(LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR);
        new Checks().optionalText("reason", reason, 300).done();
        Booking current = booking(actor, bookingId);
        boolean staff = actor.has(SITE_ADMIN) || actor.has(APPROVER) || actor.has(SUPERVISOR);
        rules.cancellable(current, now(), staff);
        String why = reason == null || reason.isBlank() ? (staff ? "cancelled by the site" : "cancelled by the lawyer")
                : reason.strip();
        Booking b = transition(actor, bookingId, LIVE, BookingStatus.CANCELLED, why, "booking.cancel", true, null);
        if (staff) {
            notify.lawyer(b.lawyerId(), "booking.cancelled", "预约已取消：" + b.reference(),
                    () -> describe(b) + "\n原因：" + why);
        }
        offerFreedSlot(b);
        return b;
    }

    @Override
    public Booking reschedule(Actor actor, long bookingId, LocalDate date, LocalTime start) {
        actor.require(LAWYER, SITE_ADMIN, APPROVER);
        new Checks().required("date", date).required("start", start).done();
        Booking b = booking(actor, bookingId);
        boolean staff = !actor.has(LAWYER) || actor.has(SITE_ADMIN) || actor.has(APPROVER);
        rules.cancellable(b, now(), staff);
        int slots = (int) (java.time.Duration.between(b.start(), b.end()).toMinutes() / policy.slotMinutes());
        LocalDateTime newStart = date.atTime(start);
        rules.window(date, now());
        LocalDateTime newEnd = rules.hours(newStart, slots, opening(b.centreId(), date));
        rules.detaineeAvailable(unavailability(b.detaineeId(), newStart, newEnd));
        Booking moved = allocate(new Allocator.Candidate(actor, b.lawyerId(), b.detaineeId(), b.caseId(), b.centreId(),
                b.detentionCentreId(), newStart, newEnd, b.status(), null, b.id(), positions(b.centreId()),
                terminals(b.detentionCentreId()), List.of(), System.nanoTime()));
        occupancy.reset();
        notify.lawyer(b.lawyerId(), "booking.moved", "预约时间已变更：" + b.reference(), () -> describe(moved));
        offerFreedSlot(b);
        return moved;
    }

    @Override
    public Booking checkIn(Actor actor, long bookingId) {
        actor.require(STAFF);
        Booking b = booking(actor, bookingId);
        LocalDateTime now = now();
        if (now.isBefore(b.start().minusHours(1)) || !now.isBefore(b.end())) {
            throw new BookingRefusedException("not-now", "check-in opens an hour before " + b.start()
                    + " and closes at " + b.end());
        }
        return transition(actor, bookingId, EnumSet.of(BookingStatus.APPROVED), BookingStatus.CHECKED_IN, null,
                "booking.check-in", false, null);
    }

    @Override
    public Booking meetingStarted(Actor actor, long bookingId) {
        actor.require(STAFF);
        return transition(actor, bookingId, EnumSet.of(BookingStatus.CHECKED_IN), BookingStatus.IN_MEETING, null,
                "booking.meeting-started", false, null);
    }

    @Override
    public Booking complete(Actor actor, long bookingId) {
        actor.require(STAFF);
        return transition(actor, bookingId, EnumSet.of(BookingStatus.CHECKED_IN, BookingStatus.IN_MEETING),
                BookingStatus.COMPLETED, null, "booking.complete", true, null);
    }

    @Override
    public Booking noShow(Actor actor, long bookingId, String reason) {
        actor.require(STAFF);
        Booking b = transition(actor, bookingId, EnumSet.of(BookingStatus.APPROVED), BookingStatus.NO_SHOW,
                reason == null || reason.isBlank() ? "the lawyer did not come" : reason.strip(), "booking.no-show", true,
                null);
        afterNoShow(actor, b);
        return b;
    }

    /** Three no-shows in the period suspend online booking for a while. */
    private void afterNoShow(Actor actor, Booking b) {
        Instant since = clock.instant().minus(java.time.Duration.ofDays(policy.noShowPeriodDays()));
        long count = unit.read(em -> em.createNamedQuery("Booking.countNoShows", Long.class)
                .setParameter("lawyerId", b.lawyerId())
                .setParameter("since", LocalDateTime.ofInstant(since, policy.zone())).getSingleResult());
        notify.lawyer(b.lawyerId(), "booking.no-show", "未按时到场：" + b.reference(), () -> describe(b)
                + "\n" + policy.noShowPeriodDays() + " 天内第 " + count + " 次未到场；满 " + policy.noShowLimit()
                + " 次将暂停网上预约 " + policy.suspensionDays() + " 天。");
        if (count >= policy.noShowLimit()) {
            Instant until = clock.instant().plus(java.time.Duration.ofDays(policy.suspensionDays()));
            unit.write(em -> {
                QualificationEntity q = em.find(QualificationEntity.class, b.lawyerId());
                if (q != null) {
                    q.decide(QualificationStatus.SUSPENDED, count + " no-shows within " + policy.noShowPeriodDays()
                            + " days", "no-show rule", clock.instant(), until);
                }
                return q;
            }, q -> q == null ? null : new AuditEntry(actor, "qualification.suspend", "lawyer:" + b.lawyerId(),
                    count + " no-shows; until " + until));
            offerFreedSlot(b);
        }
    }

    private interface Extra {
        void apply(EntityManager em);
    }

    private Booking transition(Actor actor, long bookingId, Set<BookingStatus> from, BookingStatus to, String reason,
            String action, boolean release, Extra extra) {
        Booking b = unit.write(em -> {
            BookingEntity e = find(em, bookingId);
            BookingStatus was = e.getStatus();
            if (!from.contains(was)) {
                throw new BookingRefusedException("wrong-status", "booking " + e.toApi().reference() + " is " + was
                        + "; this needs " + from);
            }
            e.setStatus(to, reason, clock.instant());
            em.persist(new BookingEventEntity(bookingId, clock.instant(), actor.username(), was, to, reason));
            if (release) {
                em.createNativeQuery("DELETE FROM HJ_BOOKING_HOLD WHERE BOOKING_ID = ?1").setParameter(1, bookingId)
                        .executeUpdate();
            }
            if (extra != null) {
                extra.apply(em);
            }
            return e.toApi();
        }, x -> new AuditEntry(actor, action, "booking:" + x.reference(), reason == null ? "" : reason));
        if (release) {
            occupancy.release(bookingId);
        }
        return b;
    }

    // ---- reads ----

    @Override
    public Booking booking(Actor actor, long bookingId) {
        Booking b = unit.read(em -> find(em, bookingId).toApi());
        requireOwnerOrStaff(actor, b.lawyerId());
        return b;
    }

    @Override
    public List<BookingEvent> history(Actor actor, long bookingId) {
        booking(actor, bookingId);
        return unit.read(em -> em.createNamedQuery("BookingEvent.of", BookingEventEntity.class)
                .setParameter("bookingId", bookingId).getResultList().stream().map(BookingEventEntity::toApi).toList());
    }

    @Override
    public List<org.huijian.booking.Document> documents(Actor actor, long bookingId) {
        Booking b = booking(actor, bookingId);
        return unit.read(em -> {
            AuthorisationEntity a = em.find(AuthorisationEntity.class, new AuthorisationEntity.Key(b.lawyerId(), b.caseId()));
            List<org.huijian.booking.Document> out = new ArrayList<>();
            if (a != null) {
                for (Long id : new Long[] { a.authorisationDocId(), a.firmLetterDocId() }) {
                    DocumentEntity d = id == null ? null : em.find(DocumentEntity.class, id);
                    if (d != null) {
                        out.add(d.toApi());
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Booking> bookingsOf(Actor actor, long lawyerId, LocalDate from, LocalDate to) {
        requireOwnerOrStaff(actor, lawyerId);
        new Checks().required("from", from).required("to", to)
                .rule(from == null || to == null || !to.isBefore(from), "to", "must not be before from").done();
        return unit.read(em -> em.createNamedQuery("Booking.ofLawyer", BookingEntity.class)
                .setParameter("lawyerId", lawyerId).setParameter("from", from.atStartOfDay())
                .setParameter("to", to.plusDays(1).atStartOfDay()).getResultList().stream().map(BookingEntity::toApi)
                .toList());
    }

    @Override
    public List<Booking> pending(Actor actor) {
        actor.require(APPROVER, SITE_ADMIN);
        return unit.read(em -> em.createNamedQuery("Booking.byStatus", BookingEntity.class)
                .setParameter("status", BookingStatus.PENDING_APPROVAL).setMaxResults(500).getResultList().stream()
                .map(BookingEntity::toApi).toList());
    }

    @Override
    public List<Booking> daily(Actor actor, long detentionCentreId, LocalDate date) {
        actor.require(STAFF);
        site.detentionCentre(detentionCentreId);
        new Checks().required("date", date).done();
        return unit.read(em -> em.createNamedQuery("Booking.ofDetentionCentre", BookingEntity.class)
                .setParameter("dc", detentionCentreId).setParameter("from", date.atStartOfDay())
                .setParameter("to", date.plusDays(1).atStartOfDay()).getResultList().stream().map(BookingEntity::toApi)
                .filter(b -> b.status() == BookingStatus.APPROVED || b.status() == BookingStatus.CHECKED_IN
                        || b.status() == BookingStatus.IN_MEETING || b.status() == BookingStatus.COMPLETED)
                .toList());
    }

    @Override
    public List<Booking> centreDay(Actor actor, long centreId, LocalDate date) {
        actor.require(STAFF);
        site.centre(centreId);
        new Checks().required("date", date).done();
        return unit.read(em -> em.createNamedQuery("Booking.ofCentre", BookingEntity.class)
                .setParameter("centre", centreId).setParameter("from", date.atStartOfDay())
                .setParameter("to", date.plusDays(1).atStartOfDay()).getResultList().stream().map(BookingEntity::toApi)
                .toList());
    }

    // ---- waiting list ----

    @Override
    public WaitlistEntry joinWaitlist(Actor actor, WaitlistRequest r) {
        actor.require(LAWYER);
        new Checks().required("(body)", r).done();
        new Checks().required("detaineeId", r.detaineeId()).required("caseId", r.caseId())
                .required("centreId", r.centreId()).required("date", r.date())
                .rule(r.slots() == null || (r.slots() >= 1 && r.slots() <= policy.maxSlots()), "slots",
                        "must be between 1 and " + policy.maxSlots())
                .done();
        long lawyerId = lawyerOf(actor, null);
        Detainee detainee = directory.detainee(r.detaineeId());
        Case c = directory.caseFile(r.caseId());
        rules.caseOfDetainee(c, detainee.id());
        requireLinked(r.centreId(), detainee.detentionCentreId());
        if (r.detentionCentreId() != null && r.detentionCentreId() != detainee.detentionCentreId()) {
            throw new InvalidInputException("detentionCentreId", "the detainee is held in detention centre "
                    + detainee.detentionCentreId());
        }
        rules.window(r.date(), now());
        checkLawyerAndCase(c, false, unit.read(em -> facts(em, lawyerId, c.id(), List.of(), 0, null, null)));
        int slots = r.slots() == null ? 1 : r.slots();
        return unit.write(em -> {
            if (!em.createNamedQuery("Waitlist.same").setParameter("lawyerId", lawyerId)
                    .setParameter("detainee", detainee.id()).setParameter("date", r.date())
                    .setParameter("live", List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED))
                    .getResultList().isEmpty()) {
                throw new org.huijian.core.ConflictException("date", "you are already waiting for this detainee on "
                        + r.date());
            }
            WaitlistEntity w = new WaitlistEntity(lawyerId, detainee.id(), c.id(), r.centreId(),
                    detainee.detentionCentreId(), r.date(), slots, clock.instant());
            em.persist(w);
            em.flush();
            return w.toApi();
        }, w -> new AuditEntry(actor, "waitlist.join", "waitlist:" + w.id(), "centre " + w.centreId() + " detainee "
                + w.detaineeId() + " " + w.date()));
    }

    @Override
    public WaitlistEntry leaveWaitlist(Actor actor, long entryId) {
        actor.require(LAWYER, SITE_ADMIN);
        WaitlistEntry w = waitlistEntry(entryId);
        requireOwnerOrStaff(actor, w.lawyerId());
        if (w.status() != WaitlistEntry.Status.WAITING && w.status() != WaitlistEntry.Status.OFFERED) {
            throw new BookingRefusedException("wrong-status", "this waiting-list entry is " + w.status());
        }
        WaitlistEntry left = unit.write(em -> {
            WaitlistEntity e = em.find(WaitlistEntity.class, entryId);
            e.setStatus(WaitlistEntry.Status.LEFT, null, null);
            return e.toApi();
        }, x -> new AuditEntry(actor, "waitlist.leave", "waitlist:" + entryId, ""));
        if (w.status() == WaitlistEntry.Status.OFFERED && w.offeredBookingId() != null) {
            Booking b = transition(actor, w.offeredBookingId(), LIVE, BookingStatus.CANCELLED,
                    "waiting-list offer declined", "booking.cancel", true, null);
            offerFreedSlot(b);
        }
        return left;
    }

    @Override
    public Booking acceptOffer(Actor actor, long entryId) {
        actor.require(LAWYER);
        WaitlistEntry w = waitlistEntry(entryId);
        requireOwnerOrStaff(actor, w.lawyerId());
        if (w.status() != WaitlistEntry.Status.OFFERED) {
            throw new BookingRefusedException("no-offer", "there is no open offer for this entry (" + w.status() + ")");
        }
        unit.write(em -> {
            WaitlistEntity e = em.find(WaitlistEntity.class, entryId);
            e.setStatus(WaitlistEntry.Status.TAKEN, w.offeredBookingId(), null);
            return e;
        }, x -> new AuditEntry(actor, "waitlist.accept", "waitlist:" + entryId, "booking " + w.offeredBookingId()));
        return booking(actor, w.offeredBookingId());
    }

    @Override
    public List<WaitlistEntry> waitlistOf(Actor actor, long lawyerId) {
        requireOwnerOrStaff(actor, lawyerId);
        return unit.read(em -> em.createNamedQuery("Waitlist.ofLawyer", WaitlistEntity.class)
                .setParameter("lawyerId", lawyerId).setMaxResults(200).getResultList().stream()
                .map(WaitlistEntity::toApi).toList());
    }

    private WaitlistEntry waitlistEntry(long id) {
        WaitlistEntity e = unit.read(em -> em.find(WaitlistEntity.class, id));
        if (e == null) {
            throw new NotFoundException("waiting-list entry", id);
        }
        return e.toApi();
    }

    /** Offers slots freed on a day to the lawyers waiting for it, first come first served. */
    void offerFreedSlot(Booking freed) {
        timer.execute(() -> offer(freed.centreId(), freed.detentionCentreId(), freed.start().toLocalDate()));
    }

    void offer(long centreId, long detentionCentreId, LocalDate date) {
        List<WaitlistEntity> waiting = unit.read(em -> em.createNamedQuery("Waitlist.waiting", WaitlistEntity.class)
                .setParameter("centre", centreId).setParameter("dc", detentionCentreId).setParameter("date", date)
                .setParameter("status", WaitlistEntry.Status.WAITING).getResultList());
        for (WaitlistEntity entity : waiting) {
            WaitlistEntry w = entity.toApi();
            try {
                Booking b = bookFirstFree(w);
                if (b == null) {
                    return;
                }
                Instant expires = clock.instant().plus(java.time.Duration.ofMinutes(policy.waitlistOfferMinutes()));
                unit.write(em -> {
                    WaitlistEntity e = em.find(WaitlistEntity.class, w.id());
                    e.setStatus(WaitlistEntry.Status.OFFERED, b.id(), expires);
                    return e;
                }, x -> new AuditEntry(Actor.SYSTEM, "waitlist.offer", "waitlist:" + w.id(),
                        "booking " + b.reference() + " until " + expires));
                notify.lawyer(w.lawyerId(), "waitlist.offer", "候补预约有空位：" + b.reference(), () -> describe(b)
                        + "\n请在 " + LocalDateTime.ofInstant(expires, policy.zone()).toLocalTime().withNano(0)
                        + " 前确认，逾期将顺延给下一位律师。");
                return;
            } catch (HuijianException e) {
                LOG.info("Waiting-list entry {} cannot take a slot on {}: {}", w.id(), date, e.getMessage());
            }
        }
    }

    private Booking bookFirstFree(WaitlistEntry w) {
        List<TimeRange> opening = opening(w.centreId(), w.date());
        LocalDateTime now = now();
        for (LocalDateTime[] s : rules.calendar().slots(w.date(), opening)) {
            if (!s[0].isAfter(now)) {
                continue;
            }
            LocalDateTime end = rules.calendar().end(s[0], w.slots(), opening);
            if (end == null || !unavailability(w.detaineeId(), s[0], end).isEmpty()) {
                continue;
            }
            try {
                return allocate(new Allocator.Candidate(Actor.SYSTEM, w.lawyerId(), w.detaineeId(), w.caseId(),
                        w.centreId(), w.detentionCentreId(), s[0], end,
                        policy.autoApprove() ? BookingStatus.APPROVED : BookingStatus.PENDING_APPROVAL,
                        "offered from the waiting list", 0, positions(w.centreId()), terminals(w.detentionCentreId()),
                        List.of(), System.nanoTime()));
            } catch (BookingRefusedException taken) {
                // try the next slot
            }
        }
        return null;
    }

    // ---- detainee unavailable ----

    @Override
    public List<Booking> detaineeUnavailable(Actor actor, Unavailability u) {
        actor.require(SITE_ADMIN, SUPERVISOR, INTEGRATION);
        new Checks().required("detaineeId", u.detaineeId() == 0 ? null : u.detaineeId()).required("from", u.from())
                .required("to", u.to()).text("reason", u.reason(), 200)
                .rule(u.from() == null || u.to() == null || u.from().isBefore(u.to()), "to", "must be after from").done();
        directory.detainee(u.detaineeId());
        unit.write(em -> {
            UnavailabilityEntity e = new UnavailabilityEntity(u, actor.username(), clock.instant());
            em.persist(e);
            return e;
        }, e -> new AuditEntry(actor, "detainee.unavailable", "detainee:" + u.detaineeId(),
                u.from() + "–" + u.to() + " " + u.reason()));
        List<Booking> affected = unit.read(em -> em.createNamedQuery("Booking.ofDetainee", BookingEntity.class)
                .setParameter("detainee", u.detaineeId()).setParameter("from", u.from()).setParameter("to", u.to())
                .getResultList().stream().map(BookingEntity::toApi).filter(b -> b.status().holdsSlot()).toList());
        List<Booking> out = new ArrayList<>();
        for (Booking b : affected) {
            out.add(moveOrCancel(actor, b, u));
        }
        return out;
    }

    private Booking moveOrCancel(Actor actor, Booking b, Unavailability u) {
        List<TimeRange> opening = opening(b.centreId(), b.start().toLocalDate());
        int slots = (int) (java.time.Duration.between(b.start(), b.end()).toMinutes() / policy.slotMinutes());
        for (LocalDateTime[] s : rules.calendar().slots(b.start().toLocalDate(), opening)) {
            LocalDateTime end = rules.calendar().end(s[0], slots, opening);
            if (!s[0].isAfter(now()) || end == null || (s[0].isBefore(u.to()) && end.isAfter(u.from()))
                    || !unavailability(b.detaineeId(), s[0], end).isEmpty()) {
                continue;
            }
            try {
                Booking moved = allocate(new Allocator.Candidate(actor, b.lawyerId(), b.detaineeId(), b.caseId(),
                        b.centreId(), b.detentionCentreId(), s[0], end, b.status(), "detainee unavailable: " + u.reason(),
                        b.id(), positions(b.centreId()), terminals(b.detentionCentreId()), List.of(), System.nanoTime()));
                occupancy.reset();
                notify.lawyer(b.lawyerId(), "booking.moved", "在押人员无法按时到场，预约已改期：" + b.reference(), () ->
                        "原因：" + u.reason() + "\n" + describe(moved));
                return moved;
            } catch (BookingRefusedException taken) {
                // try the next slot
            }
        }
        Booking cancelled = transition(actor, b.id(), LIVE, BookingStatus.CANCELLED, "detainee unavailable: "
                + u.reason(), "booking.cancel", true, null);
        notify.lawyer(b.lawyerId(), "booking.cancelled", "在押人员无法到场，预约已取消：" + b.reference(), () ->
                "原因：" + u.reason() + "\n" + describe(cancelled));
        return cancelled;
    }

    List<Unavailability> unavailability(long detaineeId, LocalDateTime from, LocalDateTime to) {
        return withRegistries(unit.read(em -> storedUnavailability(em, detaineeId, from, to)), detaineeId, from, to);
    }

    private static List<Unavailability> storedUnavailability(EntityManager em, long detaineeId, LocalDateTime from,
            LocalDateTime to) {
        return em.createNamedQuery("Unavailability.overlapping", UnavailabilityEntity.class)
                .setParameter("detainee", detaineeId).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(UnavailabilityEntity::toApi).toList();
    }

    /** Adds what the detention registries report to what was entered here. */
    private List<Unavailability> withRegistries(List<Unavailability> stored, long detaineeId, LocalDateTime from,
            LocalDateTime to) {
        List<Unavailability> out = new ArrayList<>(stored);
        for (DetentionRegistry r : registries) {
            try {
                out.addAll(r.unavailability(detaineeId, from, to));
            } catch (RuntimeException e) {
                LOG.warn("Detention registry {} failed: {}", r, e.toString());
            }
        }
        return out;
    }

    // ---- housekeeping: no-shows, expired offers, reminders ----

    void housekeeping() {
        try {
            LocalDateTime now = now();
            List<Booking> late = unit.read(em -> em.createNamedQuery("Booking.dueBefore", BookingEntity.class)
                    .setParameter("status", BookingStatus.APPROVED)
                    .setParameter("before", now.minusMinutes(policy.lateReleaseMinutes())).getResultList().stream()
                    .map(BookingEntity::toApi).toList());
            for (Booking b : late) {
                Booking n = transition(Actor.SYSTEM, b.id(), EnumSet.of(BookingStatus.APPROVED), BookingStatus.NO_SHOW,
                        "not checked in " + policy.lateReleaseMinutes() + " minutes after the start", "booking.no-show",
                        true, null);
                afterNoShow(Actor.SYSTEM, n);
                offerFreedSlot(n);
            }
            List<WaitlistEntity> expired = unit.read(em -> em.createNamedQuery("Waitlist.offersExpiring",
                    WaitlistEntity.class).setParameter("status", WaitlistEntry.Status.OFFERED)
                    .setParameter("now", java.sql.Timestamp.from(clock.instant())).getResultList());
            for (WaitlistEntity e : expired) {
                WaitlistEntry w = e.toApi();
                unit.write(em -> {
                    em.find(WaitlistEntity.class, w.id()).setStatus(WaitlistEntry.Status.EXPIRED, w.offeredBookingId(),
                            null);
                    return w;
                }, x -> new AuditEntry(Actor.SYSTEM, "waitlist.expire", "waitlist:" + w.id(), ""));
                Booking b = transition(Actor.SYSTEM, w.offeredBookingId(), LIVE, BookingStatus.CANCELLED,
                        "waiting-list offer not taken in time", "booking.cancel", true, null);
                offerFreedSlot(b);
            }
            remind(now);
            // The day released next is read into memory before its rush, not by the rush's first request.
            LocalDate next = now.toLocalDate().plusDays(policy.windowDays());
            if (!now.isBefore(rules.calendar().releasedAt(next).minusMinutes(1))) {
                occupancy.ensureLoaded(next, allocator::loadHolds);
            }
        } catch (RuntimeException e) {
            LOG.error("Booking housekeeping failed", e);
        }
    }

    private void remind(LocalDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object> due = unit.read(em -> em.createNativeQuery("SELECT ID FROM HJ_BOOKING WHERE STATUS = 'APPROVED' "
                + "AND REMINDED_AT IS NULL AND START_AT > ?1 AND START_AT <= ?2")
                .setParameter(1, java.sql.Timestamp.valueOf(now))
                .setParameter(2, java.sql.Timestamp.valueOf(now.plusHours(policy.reminderHours()))).getResultList());
        for (Object id : due) {
            long bookingId = ((Number) id).longValue();
            Booking b = unit.write(em -> {
                em.createNativeQuery("UPDATE HJ_BOOKING SET REMINDED_AT = ?1 WHERE ID = ?2")
                        .setParameter(1, java.sql.Timestamp.from(clock.instant())).setParameter(2, bookingId)
                        .executeUpdate();
                return find(em, bookingId).toApi();
            }, x -> null);
            notify.lawyer(b.lawyerId(), "booking.reminder", "会见提醒：" + b.reference(), () -> describe(b)
                    + "\n请提前到会见中心签到，开始后 " + policy.lateReleaseMinutes() + " 分钟未签到视为未到场。");
        }
    }

    // ---- helpers ----

    Qualification qualification(long lawyerId) {
        QualificationEntity q = unit.read(em -> em.find(QualificationEntity.class, lawyerId));
        return q == null ? null : q.toApi();
    }

    long lawyerOf(Actor actor, Long requested) {
        if (actor.has(LAWYER) && !actor.has(SITE_ADMIN) && !actor.has(APPROVER)) {
            Long own = accounts.account(actor.username()).lawyerId();
            if (own == null) {
                throw new AccessDeniedException("this account belongs to no lawyer");
            }
            if (requested != null && !requested.equals(own)) {
                throw new AccessDeniedException("a lawyer books only for themselves");
            }
            return own;
        }
        new Checks().required("lawyerId", requested).done();
        return requested;
    }

    private void requireOwnerOrStaff(Actor actor, long lawyerId) {
        if (actor.has(SITE_ADMIN) || actor.has(APPROVER) || actor.has(SUPERVISOR) || actor.equals(Actor.SYSTEM)) {
            return;
        }
        if (actor.has(LAWYER)) {
            Long own = accounts.account(actor.username()).lawyerId();
            if (own != null && own == lawyerId) {
                return;
            }
        }
        throw new AccessDeniedException("only the lawyer concerned and the site's staff may see this");
    }

    private void requireLinked(long centreId, long detentionCentreId) {
        if (!linksOf.get(centreId).contains(detentionCentreId)) {
            throw new BookingRefusedException("not-linked", "this centre is not linked to the detainee's detention "
                    + "centre; choose a centre that serves it");
        }
    }

    List<Long> positions(long centreId) {
        return positionsOf.get(centreId);
    }

    List<Long> terminals(long detentionCentreId) {
        return terminalsOf.get(detentionCentreId);
    }

    List<TimeRange> opening(long centreId, LocalDate date) {
        return openingOf.get(List.of(centreId, date));
    }

    /** The centre's enabled positions that have an enabled lawyer terminal. */
    private List<Long> loadPositions(long centreId) {
        List<Terminal> terminals = site.terminals();
        return site.positions(centreId).stream().filter(Position::enabled)
                .filter(p -> terminals.stream().anyMatch(t -> t.kind() == TerminalKind.LAWYER && t.enabled()
                        && p.id() == (t.positionId() == null ? -1 : t.positionId())))
                .map(Position::id).toList();
    }

    /** The detention centre's enabled detainee terminals. */
    private List<Long> loadTerminals(long detentionCentreId) {
        return site.terminals().stream().filter(t -> t.kind() == TerminalKind.DETAINEE && t.enabled()
                && t.detentionCentreId() != null && t.detentionCentreId() == detentionCentreId).map(Terminal::id)
                .toList();
    }

    private static BookingEntity find(EntityManager em, long id) {
        BookingEntity e = em.find(BookingEntity.class, id);
        if (e == null) {
            throw new NotFoundException("booking", id);
        }
        return e;
    }

    private String describe(Booking b) {
        return "预约号 " + b.reference() + "，" + b.start().toLocalDate() + " " + b.start().toLocalTime() + "–"
                + b.end().toLocalTime() + "，会见中心 " + site.centre(b.centreId()).name() + "。";
    }
}
