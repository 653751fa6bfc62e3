package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.BookingStatus;
import org.huijian.core.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allocator on the real database: requests decided together are decided in the order they arrived. */
class AllocatorTest {
    @TempDir
    Path dir;
    Fixture f;
    Allocator allocator;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
        allocator = new Allocator(f.unit.store(), f.unit.emf(), new Occupancy(), f.clock, 16);
    }

    @AfterEach
    void close() {
        allocator.close();
        f.close();
    }

    Allocator.Pending pending(Actor actor, long lawyer, long detainee, long caseId, LocalDateTime start, long arrived) {
        Allocator.Candidate c = new Allocator.Candidate(actor, lawyer, detainee, caseId, f.centre.id(), f.dc.id(), start,
                start.plusMinutes(60), BookingStatus.APPROVED, null, 0, List.of(f.positions.get(0).id()),
                f.bookings.terminals(f.dc.id()), List.of(), arrived);
        return new Allocator.Pending(c, new CompletableFuture<>(), arrived);
    }

    /**
     * The database is the last guard: an allocator whose memory of the day is stale (a second node, or a bug) plans
     * a place another has taken; the batch is refused by the holds' unique constraints, retried one by one against
     * the stored holds, and refused with the real reason. Nothing of the refused request is stored.
     */
    @Test
    void theDatabaseRefusesASecondHoldWhenTheMemoryIsStale() throws Exception {
        LocalDateTime nine = Fixture.TUESDAY.atTime(9, 30);
        org.huijian.site.Terminal secondTerminal = f.site.createTerminal(Fixture.ADMIN, new org.huijian.site.TerminalSpec(
                "D02", "在押分机02", org.huijian.site.TerminalKind.DETAINEE, null, f.dc.id(), null));
        Occupancy[] staleMemory = { new Occupancy(), new Occupancy() };
        try (Allocator stalePosition = new Allocator(f.unit.store(), f.unit.emf(), staleMemory[0], f.clock, 16);
                Allocator staleLawyer = new Allocator(f.unit.store(), f.unit.emf(), staleMemory[1], f.clock, 16)) {
            staleMemory[0].ensureLoaded(Fixture.TUESDAY, stalePosition::loadHolds); // the day as it was: nothing held
            staleMemory[1].ensureLoaded(Fixture.TUESDAY, staleLawyer::loadHolds);
            Allocator.Pending first = pending(f.a, f.lawyerA, f.detainee1.id(), f.case1.id(), nine, 1);
            allocator.process(new ArrayList<>(List.of(first)));
            Booking won = first.result().get();

            // the same position (the only one offered), another lawyer and detainee
            Allocator.Pending samePosition = pending(f.b, f.lawyerB, f.detainee2.id(), f.case2.id(), nine, 2);
            stalePosition.process(new ArrayList<>(List.of(samePosition)));
            // the same lawyer a quarter-hour later, at another position and terminal, with another detainee
            Allocator.Candidate c = pending(f.a, f.lawyerA, f.detainee2.id(), f.case2.id(), nine.plusMinutes(15), 3)
                    .candidate();
            Allocator.Pending sameLawyer = new Allocator.Pending(new Allocator.Candidate(c.actor(), c.lawyerId(),
                    c.detaineeId(), c.caseId(), c.centreId(), c.detentionCentreId(), c.start(), c.end(), c.status(),
                    c.reason(), 0, List.of(f.positions.get(1).id()), List.of(secondTerminal.id()), List.of(), c.arrived()),
                    new CompletableFuture<>(), c.arrived());
            staleLawyer.process(new ArrayList<>(List.of(sameLawyer)));

            for (Object[] expected : new Object[][] { { samePosition, "slot-taken" }, { sameLawyer, "lawyer-busy" } }) {
                ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> ((Allocator.Pending) expected[0]).result().get());
                assertTrue(refused.getCause() instanceof BookingRefusedException r && r.rule().equals(expected[1]),
                        refused.getCause().toString());
            }
            long bookings = f.unit.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM HJ_BOOKING")
                    .getSingleResult()).longValue());
            long holds = f.unit.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM HJ_BOOKING_HOLD "
                    + "WHERE BOOKING_ID = " + won.id()).getSingleResult()).longValue());
            long all = f.unit.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM HJ_BOOKING_HOLD")
                    .getSingleResult()).longValue());
            assertEquals(1, bookings, "the refused requests left no booking behind");
            assertEquals(4, holds, "the winner holds its four quarter-hours");
            assertEquals(4, all, "and nothing else is held");
        }
    }

    @Test
    void theRequestThatArrivedFirstGetsTheLastPositionWhateverTheOrderItsRulesEndedIn() throws Exception {
        LocalDateTime nine = Fixture.TUESDAY.atTime(9, 30);
        // Lawyer A's rules ended first (A is first in the batch), but lawyer B's request arrived 5 ms earlier.
        Allocator.Pending late = pending(f.a, f.lawyerA, f.detainee1.id(), f.case1.id(), nine, 2_000_000_000L);
        Allocator.Pending early = pending(f.b, f.lawyerB, f.detainee2.id(), f.case2.id(), nine, 1_995_000_000L);
        allocator.process(new ArrayList<>(List.of(late, early)));

        Booking won = early.result().get();
        assertEquals(f.lawyerB, won.lawyerId());
        assertEquals(f.positions.get(0).id(), won.positionId());
        ExecutionException lost = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> late.result().get());
        assertTrue(lost.getCause() instanceof BookingRefusedException r && r.rule().equals("slot-taken"),
                lost.getCause().toString());
    }
}
