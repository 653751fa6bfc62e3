package org.huijian.booking.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What is held when, in memory: a copy of the holds table, loaded a day at a time and updated after each
 * commit. It answers "is this free?" without the database, so refusals in a rush cost microseconds; the
 * holds table's unique constraints stay the final word.
 */
final class Occupancy {
    /** Kinds of held things. */
    static final String POSITION = "POS";
    static final String TERMINAL = "TERM";
    static final String LAWYER = "LAWYER";
    static final String DETAINEE = "DET";

    record Key(String kind, long id, LocalDateTime tick) {
    }

    /** One hold row: kind, id, tick, booking. */
    record Hold(String kind, long id, LocalDateTime tick, long bookingId) {
    }

    private final Map<Key, Long> held = new ConcurrentHashMap<>();
    private final Map<Long, List<Key>> byBooking = new ConcurrentHashMap<>();
    private final Set<LocalDate> loaded = ConcurrentHashMap.newKeySet();

    void ensureLoaded(LocalDate day, Function<LocalDate, List<Hold>> loader) {
        if (loaded.contains(day)) {
            return; // every request of a rush passes here: no lock once the day is in memory
        }
        synchronized (this) {
            if (loaded.contains(day)) {
                return;
            }
            for (Hold h : loader.apply(day)) {
                add(h);
            }
            loaded.add(day);
        }
    }

    /** Forgets everything; the next {@link #ensureLoaded} reads the database again. */
    synchronized void reset() {
        held.clear();
        byBooking.clear();
        loaded.clear();
    }

    /** Whether the thing is free at every tick, counting holds of {@code ignoring} (a booking being moved) as free. */
    boolean free(String kind, long id, Collection<LocalDateTime> ticks, long ignoring) {
        for (LocalDateTime t : ticks) {
            Long by = held.get(new Key(kind, id, t));
            if (by != null && by != ignoring) {
                return false;
            }
        }
        return true;
    }

    synchronized void add(Hold h) {
        Key k = new Key(h.kind(), h.id(), h.tick());
        held.put(k, h.bookingId());
        byBooking.computeIfAbsent(h.bookingId(), b -> new ArrayList<>()).add(k);
    }

    synchronized void release(long bookingId) {
        List<Key> keys = byBooking.remove(bookingId);
        if (keys != null) {
            keys.forEach(k -> held.remove(k, bookingId));
        }
    }

    boolean loaded(LocalDate day) {
        return loaded.contains(day);
    }
}
