package io.inkstream.events.serde;

/**
 * A registry answered with an error, or could not be reached. Carries Confluent's
 * {@code error_code} (e.g. 40401 subject not found, 409 incompatible) when there is one.
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** The HTTP status, or -1 when the registry was not reached. */
    public int status() {
        return status;
    }

    /** Confluent's error code, e.g. 40401, or -1. */
    public int errorCode() {
        return errorCode;
    }
}
