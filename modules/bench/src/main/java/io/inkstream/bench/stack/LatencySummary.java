package io.inkstream.bench.stack;

import java.util.Collection;
import java.util.Locale;

/** Nearest-rank percentiles of a set of durations in milliseconds. */
record LatencySummary(int count, long p50, long p90, long p99, long max) {

    static LatencySummary of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LatencySummary(0, -1, -1, -1, -1);
        }
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String brief() {
        return count == 0 ? "no samples"
                : String.format(Locale.ROOT, "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (n=%d)", p50, p90, p99, max, count);
    }
}
