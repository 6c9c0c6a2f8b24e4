package io.inkstream.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The body of Confluent's register, lookup and compatibility requests. {@code id} and
 * {@code version} are kept only in IMPORT mode (a version may also be given outside it, if it
 * is the next one); fields this registry does not use (metadata, ruleSet) are accepted and
 * ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterRequest(String schema, String schemaType, List<SchemaReference> references,
                              Integer id, Integer version) {

    public RegisterRequest {
        schemaType = schemaType == null ? "AVRO" : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
        for (SchemaReference r : references) {
            // found by fuzzing (RequestBodyFuzzTest): a reference without a subject was a 500 (NullPointerException)
            if (r.name() == null || r.subject() == null) {
                throw new IllegalArgumentException("a reference needs a name, a subject and a version");
            }
        }
    }

    public RegisterRequest(String schema, String schemaType, List<SchemaReference> references) {
        this(schema, schemaType, references, null, null);
    }

    public static RegisterRequest avro(String schema) {
        return new RegisterRequest(schema, "AVRO", List.of());
    }

    /** An id the request asks for (-1 or absent: none). */
    boolean hasId() {
        return id != null && id >= 0;
    }

    /** A version the request asks for (-1, 0 or absent: none). */
    boolean hasVersion() {
        return version != null && version > 0;
    }
}
