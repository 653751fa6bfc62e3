package org.huijian.booking.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Remembers answers for a few seconds: the site's structure (positions, terminals, links, opening hours)
 * changes rarely, and a rush asks for it thousands of times a second. A change by an administrator is
 * seen within {@code ttlMillis}.
 */
final class Memo<K, V> {
    private static final class Entry<V> {
        final V value;
        final long expires;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(V value, long expires) {
            this.value = value;
            this.expires = expires;
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Function<K, V> source;

    Memo(long ttlMillis, Function<K, V> source) {
        this.ttlMillis = ttlMillis;
        this.source = source;
    }

    /**
     * The remembered answer. A missing one is looked up once however many threads ask at the same moment; an
     * expired one is looked up again by the first thread that notices, while the others go on with the old
     * answer for the few milliseconds that takes, so a rush never stalls on the whole crowd reloading at once.
     */
    V get(K key) {
        long now = System.currentTimeMillis();
        Entry<V> e = entries.computeIfAbsent(key, k -> new Entry<>(source.apply(k), now + ttlMillis));
        if (e.expires < now && e.refreshing.compareAndSet(false, true)) {
            try {
                e = new Entry<>(source.apply(key), now + ttlMillis);
                entries.put(key, e);
            } catch (RuntimeException failed) {
                entries.remove(key);
                throw failed;
            }
            if (entries.size() > 10_000) {
                entries.values().removeIf(x -> x.expires < now);
            }
        }
        return e.value;
    }
}
