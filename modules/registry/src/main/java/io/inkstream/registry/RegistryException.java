package io.inkstream.registry;

import io.inkstream.events.serde.SchemaRegistryException;

/**
 * A request the registry refuses, carrying Confluent's HTTP status and error code so that
 * Confluent's clients recognise it ({@code {"error_code": 40401, "message": "..."}}). The same
 * shape as what our registry client throws for such an answer, {@link SchemaRegistryException}
 * (docs/decisions/0012-one-error-shape-per-protocol.md).
 */
public final class RegistryException extends SchemaRegistryException {

    public RegistryException(int httpStatus, int errorCode, String message) {
        super(message, httpStatus, errorCode);
    }

    /** The HTTP status of the answer, the same as {@link #status()}. */
    public int httpStatus() {
        return status();
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, 40403, "Schema not found");
    }

    static RegistryException schemaIdNotFound(int id) {
        return new RegistryException(404, 40403, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, 40404, "Subject '" + subject
                + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405, "Subject '" + subject
                + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectConfigNotFound(String subject) {
        return new RegistryException(404, 40408, "Subject '" + subject
                + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatible(String message) {
        return new RegistryException(409, 40901, message);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(422, 42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, "
                + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException operationNotPermitted(String message) {
        return new RegistryException(422, 42205, message);
    }

    static RegistryException referenceExists(String subject, int version) {
        return new RegistryException(422, 42206, "One or more references exist to the schema {subject="
                + subject + ", version=" + version + "}");
    }

    static RegistryException invalidSubject(String subject) {
        return new RegistryException(422, 42208, "Invalid subject " + subject
                + ": a subject must not be empty or hold control characters");
    }

    static RegistryException subjectModeNotFound(String subject) {
        return new RegistryException(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, 400, message);
    }

    static RegistryException storeError(String message, Throwable cause) {
        RegistryException e = new RegistryException(500, 50001, message);
        e.initCause(cause);
        return e;
    }
}
