package io.inkstream.platform.http;

import java.time.Duration;

/**
 * A request that cannot be served, with the HTTP status, a short code and a message for the
 * caller; the shared server turns it into {@code {"error": code, "message": message}}. A problem
 * that passes (the broker not acknowledging, a store being restored) also says when to retry:
 * the server adds {@code Retry-After}.
 */
public class HttpProblem extends RuntimeException {

    /** What a 503 tells the caller to wait when nothing better is known. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, null);
    }

    public HttpProblem(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** 503 with {@code Retry-After}: the request may succeed later, nothing was done now. */
    public static HttpProblem unavailable(String code, String message) {
        return new HttpProblem(503, code, message, DEFAULT_RETRY_AFTER);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When to retry, or null when retrying the same request will not help. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value in whole seconds (at least 1). */
    public static String retryAfterSeconds(Duration retryAfter) {
        return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
