package io.inkstream.popularity.count;

import java.time.Duration;
import java.time.Instant;

/**
 * The 24 hours ending now at one-minute resolution: {@code [end - 24h, end)} where {@code end} is the
 * start of the minute after "now", so the minute in progress counts and the oldest minute drops out whole.
 */
public record Window(long startMs, long endMs) {

    public static final Duration LENGTH = Duration.ofHours(24);
    static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();

    /** The window a ranking computed at {@code nowMs} covers. */
    public static Window last24Hours(long nowMs) {
        long end = Math.floorDiv(nowMs, MINUTE_MS) * MINUTE_MS + MINUTE_MS;
        return new Window(end - LENGTH.toMillis(), end);
    }

    public boolean contains(long timeMs) {
        return timeMs >= startMs && timeMs < endMs;
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMs);
    }

    public Instant end() {
        return Instant.ofEpochMilli(endMs);
    }
}
