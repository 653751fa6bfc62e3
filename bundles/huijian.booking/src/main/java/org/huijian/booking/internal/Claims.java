package org.huijian.booking.internal;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Requests in flight per place and time: those that passed the capacity check and are running their rules or
 * waiting for the allocator. When as many are in flight as there are free places, a new request waits for one of
 * them to end instead of running its rules too: in a release rush every request of the first moments finds the
 * slots free, and without this hundreds run the rules (about a millisecond of processor each) for a few dozen
 * places, and everyone waits behind them. After the wait the request looks at the places again: taken, it is
 * refused from memory; freed (an earlier request failed a rule), it goes on. The allocator still decides, in
 * arrival order; this only keeps work that cannot succeed from being started.
 */
final class Claims {
    /**
     * A place and time: {@code kind} {@link Occupancy#POSITION} (a centre's lawyer positions, {@code id} the centre)
     * or {@link Occupancy#TERMINAL} (a detention centre's detainee terminals, {@code id} the detention centre).
     */
    record Key(String kind, long id, LocalDateTime start) {
    }

    /** A request's claim: released when its booking is written or refused. */
    final class Claim implements AutoCloseable {
        private final List<Key> keys;
        private boolean closed;

        private Claim(List<Key> keys) {
            this.keys = keys;
        }

        @Override
        public void close() {
            synchronized (Claims.this) {
                if (closed) {
                    return;
                }
                closed = true;
                for (Key k : keys) {
                    inFlight.computeIfPresent(k, (key, n) -> n <= 1 ? null : n - 1);
                }
                Claims.this.notifyAll();
            }
        }
    }

    /** Guarded by this. */
    private final Map<Key, Integer> inFlight = new HashMap<>();

    /**
     * Claims {@code keys} once fewer requests are in flight for each than {@code free} says are free there, waiting
     * up to {@code timeoutNanos} for that (then it claims anyway: the allocator decides). Returns null, claiming
     * nothing, as soon as a key has no free place: the caller refuses from memory.
     */
    synchronized Claim take(List<Key> keys, ToIntFunction<Key> free, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            boolean room = true;
            for (Key k : keys) {
                int f = free.applyAsInt(k);
                if (f <= 0) {
                    return null;
                }
                if (inFlight.getOrDefault(k, 0) >= f) {
                    room = false;
                }
            }
            long left = deadline - System.nanoTime();
            if (room || left <= 0) {
                for (Key k : keys) {
                    inFlight.merge(k, 1, Integer::sum);
                }
                return new Claim(keys);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Requests in flight for {@code k} (tests, diagnostics). */
    synchronized int inFlight(Key k) {
        return inFlight.getOrDefault(k, 0);
    }
}
