package io.inkstream.popularity.count;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Approximate unique visitors per article in the window: one HyperLogLog sketch per article and hour
 * (a sketch cannot forget a visitor, so the window is the union of its hours). With lgK = 12 the
 * relative standard error is about 1.6% (1.04/sqrt(4096)): 95% of estimates lie within +-3.3% of the
 * true count, and small counts (list mode, under a few hundred) are practically exact. The window's
 * oldest hour counts whole, so visitors may include up to 59 minutes before the window start.
 */
public final class VisitorSketches {

    public static final int LG_K = 12;
    static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final KeyValueStore<String, byte[]> sketches;
    /** Every sketch before this hour is already gone; scans start here (see RollingCounter). */
    private long expiredBeforeHour = 0;

    /** @param sketches "hour, article id" to a compact HLL sketch of that hour's visitors */
    public VisitorSketches(KeyValueStore<String, byte[]> sketches) {
        this.sketches = sketches;
    }

    public void add(String articleId, String visitorHash, long eventTimeMs) {
        String key = BucketKey.of(Math.floorDiv(eventTimeMs, HOUR_MS), articleId);
        byte[] bytes = sketches.get(key);
        HllSketch sketch = bytes == null ? new HllSketch(LG_K, TgtHllType.HLL_4) : HllSketch.heapify(bytes);
        sketch.update(visitorHash);
        byte[] updated = sketch.toCompactByteArray();
        // A visitor already seen this hour usually leaves the sketch as it was: skip the changelog write.
        if (!Arrays.equals(bytes, updated)) {
            sketches.put(key, updated);
        }
    }

    /** Estimated unique visitors of the article in the hours the window touches. */
    public long estimate(String articleId, Window window) {
        return estimate(sketches, articleId, window);
    }

    /** Same as {@link #estimate(String, Window)} over a read-only (interactive query) view of the store. */
    public static long estimate(ReadOnlyKeyValueStore<String, byte[]> sketches, String articleId, Window window) {
        Union union = new Union(LG_K);
        long lastHour = Math.floorDiv(window.endMs() - 1, HOUR_MS);
        for (long hour = Math.floorDiv(window.startMs(), HOUR_MS); hour <= lastHour; hour++) {
            byte[] bytes = sketches.get(BucketKey.of(hour, articleId));
            if (bytes != null) {
                union.update(HllSketch.heapify(bytes));
            }
        }
        return Math.round(union.getEstimate());
    }

    /** Drops the sketches of hours entirely before the window start, telling {@code changed} whose they were. */
    public void expireBefore(long windowStartMs, Consumer<String> changed) {
        long firstLiveHour = Math.floorDiv(windowStartMs, HOUR_MS);
        if (firstLiveHour <= expiredBeforeHour) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = sketches.range(BucketKey.prefix(expiredBeforeHour), BucketKey.prefix(firstLiveHour))) {
            it.forEachRemaining(kv -> expired.add(kv.key));
        }
        for (String key : expired) {
            sketches.delete(key);
            changed.accept(BucketKey.articleId(key));
        }
        expiredBeforeHour = firstLiveHour;
    }
}
