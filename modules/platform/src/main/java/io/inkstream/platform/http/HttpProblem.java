package io.inkstream.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status, a short code and a message for the
 * caller; the shared server turns it into {@code {"error": code, "message": message, ...details}}.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** @param details more fields of the answer (e.g. the id under which a refused item was kept), in order */
    public HttpProblem(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = new LinkedHashMap<>(details);
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
}
