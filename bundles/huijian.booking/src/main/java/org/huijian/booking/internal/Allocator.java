package org.huijian.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.BookingStatus;
import org.huijian.booking.internal.entity.BookingEntity;
import org.huijian.booking.internal.entity.BookingEventEntity;
import org.huijian.core.Actor;
import org.huijian.core.BusyException;
import org.huijian.core.HuijianException;
import org.huijian.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives slots out, one request after the other in the order they arrive, and never twice. Requests that
 * passed the rules wait in a bounded queue; one thread takes them in batches, picks a free position and
 * detainee terminal for each from {@link Occupancy}, and writes the whole batch — bookings, holds, history
 * and audit events — in one transaction (group commit), so a rush costs one disk flush per batch, not per
 * booking. The holds table's unique constraints are the last guard: if a batch still clashes, it is retried one
 * request at a time against the database.
 */
final class Allocator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Allocator.class);
    private static final int BATCH = 64;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * A request that passed the rules.
     *
     * @param replacing the booking being moved (reschedule), or 0
     * @param positions the centre's usable positions, in order of preference
     * @param terminals the detention centre's usable detainee terminals, in order of preference
     * @param letters the lawyer's authorisation letter and law firm's letter that came with the request, to
     *        keep on file for the case with the booking; empty for none
     * @param arrived when the request arrived ({@link System#nanoTime()}), before its rules were checked
     */
    record Candidate(Actor actor, long lawyerId, long detaineeId, long caseId, long centreId, long detentionCentreId,
            LocalDateTime start, LocalDateTime end, BookingStatus status, String reason, long replacing,
            List<Long> positions, List<Long> terminals, List<Long> letters, long arrived) {
    }

    /** A candidate in the queue and the answer its caller waits for. */
    record Pending(Candidate candidate, CompletableFuture<Booking> result, long queued) {
    }

    /** Requests that reach the allocator together are decided in the order they arrived, not as their rules ended. */
    private static final java.util.Comparator<Pending> ARRIVAL = java.util.Comparator
            .comparingLong(p -> p.candidate().arrived());

    private record Planned(Pending pending, long position, long terminal, List<LocalDateTime> ticks) {
    }

    private final Store store;
    private final EntityManagerFactory unit;
    private final Occupancy occupancy;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread worker;
    private volatile boolean running = true;
    /** When the last batch was written ({@link System#nanoTime()}). */
    private volatile long lastWritten = System.nanoTime() - QUIET_NANOS;
    private static final long QUIET_NANOS = 100_000_000L;

    Allocator(Store store, EntityManagerFactory unit, Occupancy occupancy, Clock clock, int capacity) {
        this.store = store;
        this.unit = unit;
        this.occupancy = occupancy;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, "huijian-booking-allocator");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a request; the future completes with the booking or a refusal once it is decided and stored. */
    CompletableFuture<Booking> submit(Candidate c) {
        CompletableFuture<Booking> result = new CompletableFuture<>();
        if (!running) {
            throw new BusyException("booking is shutting down; try again in a minute");
        }
        if (!queue.offer(new Pending(c, result, System.nanoTime()))) {
            throw new BusyException("too many booking requests at once (" + queue.size()
                    + " waiting); try again in a few seconds");
        }
        return result;
    }

    int waiting() {
        return queue.size();
    }

    /** Whether requests are waiting or a batch was written in the last 100 ms: bookings are being decided. */
    boolean busy() {
        return !queue.isEmpty() || System.nanoTime() - lastWritten < QUIET_NANOS;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                process(batch);
                lastWritten = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Booking allocator failed a batch", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
        }
        for (Pending p; (p = queue.poll()) != null;) {
            p.result().completeExceptionally(new BusyException("booking is shutting down; try again in a minute"));
        }
    }

    /** Decides one batch (what the worker drained from the queue at once) and writes it. */
    void process(List<Pending> batch) {
        batch.sort(ARRIVAL);
        for (Pending p : batch) {
            occupancy.ensureLoaded(p.candidate().start().toLocalDate(), this::loadHolds);
        }
        Map<Occupancy.Key, Long> tentative = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (Pending p : batch) {
            try {
                planned.add(plan(p, tentative));
            } catch (HuijianException e) {
                p.result().completeExceptionally(e);
            }
        }
        if (planned.isEmpty()) {
            return;
        }
        try {
            long started = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            List<Booking> stored = write(planned);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms > 100 || LOG.isDebugEnabled()) {
                String line = "Wrote a batch of {} bookings in {} ms, {} ms of it on the processor ({} waiting); "
                        + "their rules took {} ms, then they waited {} ms for the batch (longest)";
                long rules = 0;
                long waited = 0;
                for (Planned p : planned) {
                    rules = Math.max(rules, p.pending().queued() - p.pending().candidate().arrived());
                    waited = Math.max(waited, started - p.pending().queued());
                }
                Object[] figures = { planned.size(), ms,
                        String.format(java.util.Locale.ROOT, "%.1f", (CPU.getCurrentThreadCpuTime() - cpu) / 1e6),
                        queue.size(), rules / 1_000_000, waited / 1_000_000 };
                if (ms > 100) {
                    LOG.info(line, figures);
                } else {
                    LOG.debug(line, figures);
                }
            }
            for (int i = 0; i < planned.size(); i++) {
                remember(planned.get(i), stored.get(i));
                planned.get(i).pending().result().complete(stored.get(i));
            }
        } catch (RuntimeException batchFailed) {
            LOG.warn("A booking batch of {} clashed with the database ({}); retrying one by one", planned.size(),
                    batchFailed.toString());
            occupancy.reset();
            for (Planned one : planned) {
                Pending p = one.pending();
                occupancy.ensureLoaded(p.candidate().start().toLocalDate(), this::loadHolds);
                try {
                    Planned again = plan(p, new HashMap<>());
                    Booking b = write(List.of(again)).get(0);
                    remember(again, b);
                    p.result().complete(b);
                } catch (RuntimeException e) {
                    p.result().completeExceptionally(e);
                }
            }
        }
    }

    /** Picks a position and a terminal free at every tick, also against this batch's earlier picks. */
    private Planned plan(Pending p, Map<Occupancy.Key, Long> tentative) {
        Candidate c = p.candidate();
        List<LocalDateTime> ticks = Calendar.ticks(c.start(), c.end());
        if (!free(Occupancy.LAWYER, c.lawyerId(), ticks, c.replacing(), tentative)) {
            throw new BookingRefusedException("lawyer-busy", "you already have a booking at that time");
        }
        if (!free(Occupancy.DETAINEE, c.detaineeId(), ticks, c.replacing(), tentative)) {
            throw new BookingRefusedException("detainee-busy", "the detainee already has a meeting at that time");
        }
        Long position = c.positions().stream()
                .filter(id -> free(Occupancy.POSITION, id, ticks, c.replacing(), tentative)).findFirst().orElse(null);
        if (position == null) {
            throw new BookingRefusedException("slot-taken", "every position of the centre is taken at "
                    + c.start().toLocalTime() + " on " + c.start().toLocalDate() + "; choose another time or join "
                    + "the waiting list");
        }
        Long terminal = c.terminals().stream()
                .filter(id -> free(Occupancy.TERMINAL, id, ticks, c.replacing(), tentative)).findFirst().orElse(null);
        if (terminal == null) {
            throw new BookingRefusedException("no-detainee-terminal", "every detainee terminal of the detention "
                    + "centre is in use at " + c.start().toLocalTime() + " on " + c.start().toLocalDate()
                    + "; choose another time or join the waiting list");
        }
        for (LocalDateTime t : ticks) {
            tentative.put(new Occupancy.Key(Occupancy.LAWYER, c.lawyerId(), t), -1L);
            tentative.put(new Occupancy.Key(Occupancy.DETAINEE, c.detaineeId(), t), -1L);
            tentative.put(new Occupancy.Key(Occupancy.POSITION, position, t), -1L);
            tentative.put(new Occupancy.Key(Occupancy.TERMINAL, terminal, t), -1L);
        }
        return new Planned(p, position, terminal, ticks);
    }

    private boolean free(String kind, long id, List<LocalDateTime> ticks, long ignoring,
            Map<Occupancy.Key, Long> tentative) {
        for (LocalDateTime t : ticks) {
            if (tentative.containsKey(new Occupancy.Key(kind, id, t))) {
                return false;
            }
        }
        return occupancy.free(kind, id, ticks, ignoring);
    }

    private List<Booking> write(List<Planned> planned) {
        return store.writeAll(unit, em -> {
            Booking[] out = new Booking[planned.size()];
            java.time.Instant[] at = new java.time.Instant[planned.size()];
            try (NewBookings fresh = new NewBookings(em)) {
                for (int i = 0; i < planned.size(); i++) {
                    Planned p = planned.get(i);
                    at[i] = clock.instant();
                    out[i] = p.pending().candidate().replacing() != 0 ? move(em, p, at[i]) : fresh.add(p, at[i]);
                }
                fresh.finish();
            } catch (java.sql.SQLException e) {
                throw new javax.persistence.PersistenceException("storing the bookings failed: " + e.getMessage(), e);
            }
            for (int i = 0; i < planned.size(); i++) {
                Candidate c = planned.get(i).pending().candidate();
                if (c.replacing() == 0 && !c.letters().isEmpty()) {
                    letters(em, c, at[i]);
                }
            }
            return List.of(out);
        }, bookings -> {
            List<AuditEntry> audits = new ArrayList<>();
            for (int i = 0; i < bookings.size(); i++) {
                Candidate c = planned.get(i).pending().candidate();
                Booking b = bookings.get(i);
                audits.add(new AuditEntry(c.actor(), c.replacing() == 0 ? "booking.request" : "booking.reschedule",
                        "booking:" + b.reference(), b.start() + "–" + b.end().toLocalTime() + " position "
                                + b.positionId() + " terminal " + b.detaineeTerminalId() + " " + b.status()
                                + (c.letters().isEmpty() ? "" : " letters " + c.letters())));
            }
            return audits;
        });
    }

    /** Moves a booking (reschedule): new position, terminal and time, its holds replaced, a history entry. */
    private Booking move(EntityManager em, Planned p, java.time.Instant now) {
        Candidate c = p.pending().candidate();
        BookingEntity e = em.find(BookingEntity.class, c.replacing());
        if (e == null || !e.getStatus().holdsSlot()) {
            throw new BookingRefusedException("not-active", "the booking can no longer be moved");
        }
        em.createNativeQuery("DELETE FROM HJ_BOOKING_HOLD WHERE BOOKING_ID = ?1").setParameter(1, e.getId())
                .executeUpdate();
        LocalDateTime oldStart = e.toApi().start();
        e.move(p.position(), p.terminal(), c.start(), c.end(), now);
        em.persist(new BookingEventEntity(e.getId(), now, c.actor().username(), e.getStatus(), e.getStatus(),
                "moved from " + oldStart + (c.reason() == null ? "" : ": " + c.reason())));
        em.flush();
        holds(em, e.getId(), p);
        if (!c.letters().isEmpty()) {
            letters(em, c, now);
        }
        return e.toApi();
    }

    /**
     * New bookings in plain JDBC on the transaction's own connection, the rows {@link BookingEntity} and
     * {@link BookingEventEntity} would write: each booking is inserted alone for its generated id, then the
     * references, the first history entries and the holds go as one batch each. ({@code em.persist} with two
     * flushes per booking was most of the single writer's processor time in a rush.) The entity manager never
     * sees these rows; it is closed with the transaction, and the unit has no data cache.
     */
    private static final class NewBookings implements AutoCloseable {
        private final java.sql.Connection connection;
        private java.sql.PreparedStatement booking;
        private java.sql.PreparedStatement reference;
        private java.sql.PreparedStatement event;
        private java.sql.PreparedStatement holds;

        NewBookings(EntityManager em) {
            this.connection = (java.sql.Connection) org.apache.openjpa.persistence.OpenJPAPersistence.cast(em)
                    .getConnection();
        }

        Booking add(Planned p, java.time.Instant now) throws java.sql.SQLException {
            Candidate c = p.pending().candidate();
            if (booking == null) {
                booking = connection.prepareStatement("INSERT INTO HJ_BOOKING (LAWYER_ID, DETAINEE_ID, CASE_ID, "
                        + "CENTRE_ID, POSITION_ID, DETENTION_CENTRE_ID, TERMINAL_ID, START_AT, END_AT, STATUS, "
                        + "STATUS_REASON, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                reference = connection.prepareStatement("UPDATE HJ_BOOKING SET REFERENCE = ? WHERE ID = ?");
                event = connection.prepareStatement("INSERT INTO HJ_BOOKING_EVENT (BOOKING_ID, OCCURRED_AT, ACTOR, "
                        + "FROM_STATUS, TO_STATUS, REASON) VALUES (?, ?, ?, NULL, ?, ?)");
                holds = connection.prepareStatement(HOLD);
            }
            java.sql.Timestamp at = stored(java.sql.Timestamp.from(now));
            booking.setLong(1, c.lawyerId());
            booking.setLong(2, c.detaineeId());
            booking.setLong(3, c.caseId());
            booking.setLong(4, c.centreId());
            booking.setLong(5, p.position());
            booking.setLong(6, c.detentionCentreId());
            booking.setLong(7, p.terminal());
            booking.setTimestamp(8, stored(java.sql.Timestamp.valueOf(c.start())));
            booking.setTimestamp(9, stored(java.sql.Timestamp.valueOf(c.end())));
            booking.setString(10, c.status().name());
            text(booking, 11, c.reason());
            booking.setTimestamp(12, at);
            booking.setTimestamp(13, at);
            booking.executeUpdate();
            long id;
            try (java.sql.ResultSet key = booking.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new java.sql.SQLException("no id generated for the booking");
                }
                id = key.getLong(1);
            }
            String ref = Allocator.reference(c.start().toLocalDate(), id);
            reference.setString(1, ref);
            reference.setLong(2, id);
            reference.addBatch();
            event.setLong(1, id);
            event.setTimestamp(2, at);
            event.setString(3, c.actor().username());
            event.setString(4, c.status().name());
            text(event, 5, c.reason());
            event.addBatch();
            hold(holds, id, p);
            return new Booking(id, ref, c.lawyerId(), c.detaineeId(), c.caseId(), c.centreId(), p.position(),
                    c.detentionCentreId(), p.terminal(), c.start(), c.end(), c.status(), c.reason(), now);
        }

        /** Writes the batches; the bookings' rows exist already, so the references and holds may point to them. */
        void finish() throws java.sql.SQLException {
            if (booking != null) {
                reference.executeBatch();
                event.executeBatch();
                holds.executeBatch();
            }
        }

        /** Closes the statements, then gives OpenJPA's connection back (see {@code AuditChain.connection}). */
        @Override
        public void close() throws java.sql.SQLException {
            try (connection) {
                for (java.sql.PreparedStatement s : new java.sql.PreparedStatement[] { booking, reference, event, holds }) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
        }

        private static void text(java.sql.PreparedStatement s, int index, String value) throws java.sql.SQLException {
            if (value == null) {
                s.setNull(index, java.sql.Types.VARCHAR);
            } else {
                s.setString(index, value);
            }
        }

        /** Rounded to the millisecond, as OpenJPA stores a timestamp (its DBDictionary's datePrecision). */
        private static java.sql.Timestamp stored(java.sql.Timestamp t) {
            int nanos = (int) Math.round(t.getNanos() / 1e6) * 1_000_000;
            long time = t.getTime();
            if (nanos > 999_999_999) {
                time += 1000;
                nanos = 0;
            }
            java.sql.Timestamp rounded = new java.sql.Timestamp(time);
            rounded.setNanos(nanos);
            return rounded;
        }
    }

    /** Keeps the letters on file as the lawyer's authorisation for the case (pending until an approver accepts). */
    private static void letters(EntityManager em, Candidate c, java.time.Instant now) {
        org.huijian.booking.internal.entity.AuthorisationEntity a = em.find(
                org.huijian.booking.internal.entity.AuthorisationEntity.class,
                new org.huijian.booking.internal.entity.AuthorisationEntity.Key(c.lawyerId(), c.caseId()));
        if (a == null) {
            a = new org.huijian.booking.internal.entity.AuthorisationEntity(c.lawyerId(), c.caseId(), now);
            em.persist(a);
        }
        for (Long id : c.letters()) {
            org.huijian.booking.internal.entity.DocumentEntity d = em.find(
                    org.huijian.booking.internal.entity.DocumentEntity.class, id);
            org.huijian.booking.DocumentKind kind = d.toApi().kind();
            a.letters(kind == org.huijian.booking.DocumentKind.AUTHORISATION_LETTER ? id : null,
                    kind == org.huijian.booking.DocumentKind.FIRM_LETTER ? id : null, now);
        }
    }

    private static final String HOLD = "INSERT INTO HJ_BOOKING_HOLD (TICK, BOOKING_ID, POSITION_ID, TERMINAL_ID, "
            + "LAWYER_ID, DETAINEE_ID) VALUES (?, ?, ?, ?, ?, ?)";

    /** Inserts a moved booking's holds as one JDBC batch on the transaction's own connection. */
    private static void holds(EntityManager em, long bookingId, Planned p) {
        // OpenJPA's connection is closed here, in the transaction, not left to its finalizer (see AuditChain.connection)
        try (java.sql.Connection connection = (java.sql.Connection) org.apache.openjpa.persistence.OpenJPAPersistence
                .cast(em).getConnection(); java.sql.PreparedStatement insert = connection.prepareStatement(HOLD)) {
            hold(insert, bookingId, p);
            insert.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new javax.persistence.PersistenceException("holding the slot failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a booking's holds to the batch: one row per quarter-hour, holding its position, detainee terminal, lawyer
     * and detainee at once (a unique constraint on each with the tick).
     */
    private static void hold(java.sql.PreparedStatement insert, long bookingId, Planned p) throws java.sql.SQLException {
        Candidate c = p.pending().candidate();
        for (LocalDateTime t : p.ticks()) {
            insert.setTimestamp(1, java.sql.Timestamp.valueOf(t));
            insert.setLong(2, bookingId);
            insert.setLong(3, p.position());
            insert.setLong(4, p.terminal());
            insert.setLong(5, c.lawyerId());
            insert.setLong(6, c.detaineeId());
            insert.addBatch();
        }
    }

    static String reference(LocalDate day, long id) {
        return String.format("YY%s-%06d", day.toString().replace("-", ""), id);
    }

    private void remember(Planned p, Booking b) {
        if (p.pending().candidate().replacing() != 0) {
            occupancy.release(b.id());
        }
        for (LocalDateTime t : p.ticks()) {
            occupancy.add(new Occupancy.Hold(Occupancy.POSITION, b.positionId(), t, b.id()));
            occupancy.add(new Occupancy.Hold(Occupancy.TERMINAL, b.detaineeTerminalId(), t, b.id()));
            occupancy.add(new Occupancy.Hold(Occupancy.LAWYER, b.lawyerId(), t, b.id()));
            occupancy.add(new Occupancy.Hold(Occupancy.DETAINEE, b.detaineeId(), t, b.id()));
        }
    }

    /** The holds of a day, from the database: four per row (position, terminal, lawyer, detainee). */
    List<Occupancy.Hold> loadHolds(LocalDate day) {
        return store.read(unit, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT TICK, BOOKING_ID, POSITION_ID, TERMINAL_ID, LAWYER_ID, "
                    + "DETAINEE_ID FROM HJ_BOOKING_HOLD WHERE TICK >= ?1 AND TICK < ?2")
                    .setParameter(1, java.sql.Timestamp.valueOf(day.atStartOfDay()))
                    .setParameter(2, java.sql.Timestamp.valueOf(day.plusDays(1).atStartOfDay())).getResultList();
            List<Occupancy.Hold> out = new ArrayList<>(rows.size() * 4);
            for (Object[] r : rows) {
                LocalDateTime tick = ((java.sql.Timestamp) r[0]).toLocalDateTime();
                long booking = ((Number) r[1]).longValue();
                out.add(new Occupancy.Hold(Occupancy.POSITION, ((Number) r[2]).longValue(), tick, booking));
                out.add(new Occupancy.Hold(Occupancy.TERMINAL, ((Number) r[3]).longValue(), tick, booking));
                out.add(new Occupancy.Hold(Occupancy.LAWYER, ((Number) r[4]).longValue(), tick, booking));
                out.add(new Occupancy.Hold(Occupancy.DETAINEE, ((Number) r[5]).longValue(), tick, booking));
            }
            return out;
        });
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
