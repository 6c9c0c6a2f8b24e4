package io.inkstream.ingest.format;

/**
 * A wire item ingest cannot turn into an article, with a short code (as on wire.rejected:
 * unknown-format, unparseable, bad-encoding, hostile-xml, missing-headline, missing-body,
 * too-large) and the reason in words for the sender.
 */
public class RejectedItemException extends Exception {

    private final String code;

    public RejectedItemException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public RejectedItemException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
