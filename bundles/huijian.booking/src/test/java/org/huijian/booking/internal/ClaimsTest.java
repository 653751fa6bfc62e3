package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Requests in flight per place: a request waits while as many are ahead of it as there are free places. */
class ClaimsTest {
    static final LocalDateTime NINE = LocalDateTime.of(2026, 12, 4, 9, 0);
    static final Claims.Key CENTRE = new Claims.Key(Occupancy.POSITION, 1, NINE);
    static final Claims.Key DC = new Claims.Key(Occupancy.TERMINAL, 7, NINE);
    static final long LONG = TimeUnit.SECONDS.toNanos(30);

    final Claims claims = new Claims();
    /** Free places at the centre; the detention centre has plenty. */
    final AtomicInteger free = new AtomicInteger(2);

    Claims.Claim take() throws InterruptedException {
        return claims.take(List.of(CENTRE, DC), k -> k == CENTRE ? free.get() : 10, LONG);
    }

    CompletableFuture<Claims.Claim> takeLater() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void assertWaiting(CompletableFuture<?> f) throws Exception {
        try {
            f.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("should still wait, got " + f.get());
        } catch (TimeoutException expected) {
            // waiting
        }
    }

    @Test
    void asManyGoOnAsThereAreFreePlacesTheNextWaits() throws Exception {
        Claims.Claim a = take();
        Claims.Claim b = take();
        assertNotNull(a);
        assertNotNull(b);
        assertEquals(2, claims.inFlight(CENTRE));
        assertEquals(2, claims.inFlight(DC));
        CompletableFuture<Claims.Claim> c = takeLater();
        assertWaiting(c);
        // a failed a rule: its place is still free, so the waiting request goes on
        a.close();
        assertNotNull(c.get(5, TimeUnit.SECONDS));
        assertEquals(2, claims.inFlight(CENTRE));
    }

    @Test
    void aWaitingRequestIsToldAtOnceWhenThePlacesAreGone() throws Exception {
        Claims.Claim a = take();
        Claims.Claim b = take();
        CompletableFuture<Claims.Claim> c = takeLater();
        assertWaiting(c);
        free.set(1); // a booked its place
        a.close();
        assertWaiting(c); // one free place, b still in flight for it
        free.set(0); // b booked the last one
        b.close();
        assertNull(c.get(5, TimeUnit.SECONDS), "no place left: refused, nothing claimed");
        assertEquals(0, claims.inFlight(CENTRE));
        assertEquals(0, claims.inFlight(DC));
    }

    @Test
    void noFreePlaceNoClaim() throws Exception {
        free.set(0);
        assertNull(take());
        assertEquals(0, claims.inFlight(CENTRE));
    }

    @Test
    void afterTheLongestWaitTheRequestGoesOnAnyway() throws Exception {
        free.set(1);
        Claims.Claim a = take();
        long t = System.nanoTime();
        Claims.Claim b = claims.take(List.of(CENTRE), k -> free.get(), TimeUnit.MILLISECONDS.toNanos(200));
        assertNotNull(b, "the allocator decides");
        assertTrue(System.nanoTime() - t >= TimeUnit.MILLISECONDS.toNanos(190));
        assertEquals(2, claims.inFlight(CENTRE));
        a.close();
        b.close();
        b.close(); // twice is once
        assertEquals(0, claims.inFlight(CENTRE));
    }

    @Test
    void otherPlacesAndTimesDoNotWait() throws Exception {
        free.set(1);
        take();
        Claims.Claim other = claims.take(List.of(new Claims.Key(Occupancy.POSITION, 1, NINE.plusHours(1))), k -> 1, LONG);
        assertNotNull(other);
        assertFalse(claims.inFlight(CENTRE) > 1);
    }
}
