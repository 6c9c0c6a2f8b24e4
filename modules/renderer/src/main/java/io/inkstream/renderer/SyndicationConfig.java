package io.inkstream.renderer;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.time.Duration;
import java.util.List;

/**
 * How the renderer serves syndication partners (README, For syndication partners): who may manage them, how
 * often a partner may pull, how pushes are retried.
 *
 * @param adminToken        the bearer token of the partner admin API, or null (the API then refuses every call)
 * @param pullPerMinute     feed requests a partner may make per minute before it is answered 429
 * @param pushMaxAttempts   attempts of one push before it goes to syndication.dead-letters
 * @param pushBackoff       the wait after the first failed attempt, doubled after each further one (with jitter)
 * @param pushMaxBackoff    the longest wait between two attempts
 * @param pushTimeout       how long one push may take before it counts as failed
 * @param pushEnabled       whether this instance pushes (set false on all but one when several run)
 */
public record SyndicationConfig(String adminToken, int pullPerMinute, int pushMaxAttempts, Duration pushBackoff,
                                Duration pushMaxBackoff, Duration pushTimeout, boolean pushEnabled) {

    public static final Setting<String> ADMIN_TOKEN = Setting.string("inkstream.syndication.admin-token", null,
            "Bearer token of the partner admin API (/syndication/v1/admin/...); unset, that API answers 403 to everyone.");
    public static final Setting<Integer> PULL_PER_MINUTE = Setting.integer("inkstream.syndication.pull-per-minute",
            120, 1, 1_000_000,
            "Feed requests each partner may make per minute (a long poll counts once); past it, 429 with Retry-After.");
    public static final Setting<Integer> PUSH_MAX_ATTEMPTS = Setting.integer("inkstream.syndication.push-max-attempts",
            10, 1, 1000, "Attempts of one push before it is given up and written to syndication.dead-letters.");
    public static final Setting<Duration> PUSH_BACKOFF = Setting.duration("inkstream.syndication.push-backoff", "1s",
            "Wait after a push's first failed attempt; doubled after each further one, each wait drawn between half and all of it (jitter).");
    public static final Setting<Duration> PUSH_MAX_BACKOFF = Setting.duration("inkstream.syndication.push-max-backoff",
            "5m", "Longest wait between two attempts of one push.");
    public static final Setting<Duration> PUSH_TIMEOUT = Setting.duration("inkstream.syndication.push-timeout", "10s",
            "How long one push may take (connect and answer) before the attempt counts as failed.");
    public static final Setting<Boolean> PUSH_ENABLED = Setting.bool("inkstream.syndication.push-enabled", true,
            "Whether this instance pushes to partners; with several renderer instances, leave it on for one only.");

    public static final List<Setting<?>> ALL = List.of(ADMIN_TOKEN, PULL_PER_MINUTE, PUSH_MAX_ATTEMPTS, PUSH_BACKOFF,
            PUSH_MAX_BACKOFF, PUSH_TIMEOUT, PUSH_ENABLED);

    public SyndicationConfig {
        if (pushMaxBackoff.compareTo(pushBackoff) < 0) {
            throw new IllegalArgumentException(PUSH_MAX_BACKOFF.key() + " must not be shorter than " + PUSH_BACKOFF.key());
        }
    }

    public static SyndicationConfig from(Settings settings) {
        settings.validate(ALL);
        String token = settings.get(ADMIN_TOKEN);
        return new SyndicationConfig(token == null || token.isBlank() ? null : token, settings.require(PULL_PER_MINUTE),
                settings.require(PUSH_MAX_ATTEMPTS), settings.require(PUSH_BACKOFF), settings.require(PUSH_MAX_BACKOFF),
                settings.require(PUSH_TIMEOUT), settings.require(PUSH_ENABLED));
    }
}
