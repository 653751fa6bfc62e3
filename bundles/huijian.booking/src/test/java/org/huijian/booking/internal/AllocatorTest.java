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
        return new Allocator.Pending(c, new CompletableFuture<>());
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
