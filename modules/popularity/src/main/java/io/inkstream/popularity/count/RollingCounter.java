package io.inkstream.popularity.count;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Views per article in one-minute buckets plus a rolling total per article; when a minute leaves the
 * window its buckets are subtracted from the totals, so a view costs constant work (one bucket and one
 * total updated now, one bucket subtracted 24 hours later) instead of 1,440 hopping-window updates.
 */
public final class RollingCounter {

    private final KeyValueStore<String, Long> buckets;
    private final KeyValueStore<String, Long> totals;
    /** Every bucket before this minute is already gone; scans start here, not at the first key ever written. */
    private long expiredBeforeMinute = 0;

    /**
     * @param buckets "minute, article id" to views in that minute (see {@link BucketKey})
     * @param totals  article id to views in the live buckets
     */
    public RollingCounter(KeyValueStore<String, Long> buckets, KeyValueStore<String, Long> totals) {
        this.buckets = buckets;
        this.totals = totals;
    }

    /** Counts one view in the minute of {@code eventTimeMs}; returns the article's new total. */
    public long add(String articleId, long eventTimeMs) {
        String key = BucketKey.of(Math.floorDiv(eventTimeMs, Window.MINUTE_MS), articleId);
        Long inBucket = buckets.get(key);
        buckets.put(key, inBucket == null ? 1L : inBucket + 1);
        long total = views(articleId) + 1;
        totals.put(articleId, total);
        return total;
    }

    /** The article's views in the buckets still held. */
    public long views(String articleId) {
        Long total = totals.get(articleId);
        return total == null ? 0L : total;
    }

    /**
     * Drops every bucket of a minute before {@code windowStartMs}, subtracting it from its article's
     * total, and tells {@code changed} about each article whose total went down.
     */
    public void expireBefore(long windowStartMs, Consumer<String> changed) {
        long firstLiveMinute = Math.floorDiv(windowStartMs, Window.MINUTE_MS);
        List<KeyValue<String, Long>> expired = new ArrayList<>();
        if (firstLiveMinute <= expiredBeforeMinute) {
            return;
        }
        // Starting at the last bound skips RocksDB's tombstones of everything expired before.
        try (KeyValueIterator<String, Long> it = buckets.range(BucketKey.prefix(expiredBeforeMinute), BucketKey.prefix(firstLiveMinute))) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, Long> bucket : expired) {
            buckets.delete(bucket.key);
            String articleId = BucketKey.articleId(bucket.key);
            long left = views(articleId) - bucket.value;
            if (left > 0) {
                totals.put(articleId, left);
            } else {
                totals.delete(articleId);
            }
            changed.accept(articleId);
        }
        expiredBeforeMinute = firstLiveMinute;
    }
}
