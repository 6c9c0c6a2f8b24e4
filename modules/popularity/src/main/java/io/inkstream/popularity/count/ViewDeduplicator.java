package io.inkstream.popularity.count;

import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A visitor's views of one article count once per span: a view is a repeat when the same visitor has a
 * counted view of that article less than the span before or after it (after, because views arrive out
 * of order).
 */
public final class ViewDeduplicator {

    private final WindowStore<String, Long> counted;
    private final long spanMs;

    /**
     * @param counted "article id, visitor" to the times of its counted views; its retention must cover
     *                the span plus the grace period, as older entries can never match a view that is
     *                still accepted
     */
    public ViewDeduplicator(WindowStore<String, Long> counted, Duration span) {
        this.counted = counted;
        this.spanMs = span.toMillis();
    }

    /** True (and remembered) if this view counts; false if it repeats a counted view within the span. */
    public boolean firstInSpan(String articleId, String visitorHash, long eventTimeMs) {
        String key = articleId + '\u0000' + visitorHash;
        try (WindowStoreIterator<Long> near = counted.fetch(key, Math.max(0, eventTimeMs - spanMs + 1), eventTimeMs + spanMs - 1)) {
            if (near.hasNext()) {
                return false;
            }
        }
        counted.put(key, eventTimeMs, eventTimeMs);
        return true;
    }
}
