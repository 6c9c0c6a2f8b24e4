package io.inkstream.platform.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status, a short code and a message for the
 * caller; the shared server turns it into {@code {"error": code, "message": message, ...details}}.
 * A problem that passes (the broker not acknowledging, a store being restored) also says when to
 * retry: the server adds {@code Retry-After}.
 */
public class HttpProblem extends RuntimeException {

    /** What a 503 tells the caller to wait when nothing better is known. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final Map<String, Object> details;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, Map.of(), null);
    }

    /** @param details more fields of the answer (e.g. the id under which a refused item was kept), in order */
    public HttpProblem(int status, String code, String message, Map<String, Object> details) {
        this(status, code, message, details, null);
    }

    public HttpProblem(int status, String code, String message, Duration retryAfter) {
        this(status, code, message, Map.of(), retryAfter);
    }

    /**
     * @param details    more fields of the answer, in order
     * @param retryAfter when to retry, or null when retrying the same request will not help
     */
    public HttpProblem(int status, String code, String message, Map<String, Object> details, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = new LinkedHashMap<>(details);
        this.retryAfter = retryAfter;
    }

    /** 503 with {@code Retry-After}: the request may succeed later, nothing was done now. */
    public static HttpProblem unavailable(String code, String message) {
        return new HttpProblem(503, code, message, DEFAULT_RETRY_AFTER);
    }

    /** The answer's body: error, message, then the details. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", getMessage());
        details.forEach(body::putIfAbsent);
        return body;
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
