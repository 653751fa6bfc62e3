package org.huijian.bench;

import java.util.stream.IntStream;

/** Percentiles of latencies taken in nanoseconds, given in milliseconds: one definition for every benchmark. */
final class Percentiles {
    private Percentiles() {
    }

    /** The p99 of {@code sorted} (nanoseconds, ascending, not empty), in ms. */
    static double p99Ms(long[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6;
    }

    /**
     * The p99 (ms) of the first {@code count} latencies {@code nanos[i]} whose {@code times[i]} falls in
     * [{@code from}, {@code to}); NaN when none does.
     */
    static double p99Ms(long[] times, long[] nanos, int count, long from, long to) {
        long[] window = IntStream.range(0, count).filter(i -> times[i] >= from && times[i] < to).mapToLong(i -> nanos[i])
                .sorted().toArray();
        return window.length == 0 ? Double.NaN : p99Ms(window);
    }
}
