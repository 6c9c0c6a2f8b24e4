package io.inkstream.platform.http;

/**
 * A request that cannot be served, with the HTTP status, a short code and a message for the
 * caller; the shared server turns it into {@code {"error": code, "message": message}}.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
