package org.huijian.booking.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers answers for a few seconds: the site's structure (positions, terminals, links, opening hours)
 * changes rarely, and a rush asks for it thousands of times a second. A change by an administrator is
 * seen within {@code ttlMillis}.
 */
final class Memo<K, V> {
    private record Entry<V>(V value, long expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Function<K, V> source;

    Memo(long ttlMillis, Function<K, V> source) {
        this.ttlMillis = ttlMillis;
        this.source = source;
    }

    V get(K key) {
        long now = System.currentTimeMillis();
        Entry<V> e = entries.get(key);
        if (e == null || e.expires() < now) {
            e = new Entry<>(source.apply(key), now + ttlMillis);
            entries.put(key, e);
            if (entries.size() > 10_000) {
                entries.values().removeIf(x -> x.expires() < now);
            }
        }
        return e.value();
    }
}
