package io.inkstream.renderer.partner;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each partner's feed request rate: a token bucket per partner holding a minute's worth of requests, refilled
 * evenly. {@link #acquire} answers how long to wait when the bucket is empty (the 429's Retry-After).
 */
public final class PullRate {

    private final int defaultPerMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.tokens = perMinute;
            this.last = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }

    public PullRate(int defaultPerMinute) {
        this.defaultPerMinute = defaultPerMinute;
    }

    /** Zero when the partner may make this request now, else how long until it may. */
    public Duration acquire(Partner partner) {
        int perMinute = partner.pullPerMinute() > 0 ? partner.pullPerMinute() : defaultPerMinute;
        long now = System.nanoTime();
        Bucket bucket = buckets.compute(partner.id(), (id, b) -> b == null || b.capacity != perMinute ? new Bucket(perMinute, now) : b);
        return bucket.take(now);
    }
}
