package io.inkstream.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The body of Confluent's register, lookup and compatibility requests. Fields this registry
 * does not use (metadata, ruleSet, id, version) are accepted and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterRequest(String schema, String schemaType, List<SchemaReference> references) {

    public RegisterRequest {
        schemaType = schemaType == null ? "AVRO" : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static RegisterRequest avro(String schema) {
        return new RegisterRequest(schema, "AVRO", List.of());
    }
}
