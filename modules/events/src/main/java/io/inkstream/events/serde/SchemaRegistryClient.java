package io.inkstream.events.serde;

import org.apache.avro.Schema;

import java.util.List;

/**
 * What the serde needs from a Confluent-compatible schema registry. Implementations: the REST
 * client ({@link RestSchemaRegistryClient}) and the in-process one behind {@code mock://} URLs
 * ({@link InMemorySchemaRegistryClient}), as Confluent's serde offers for tests.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} already registered under {@code subject}; fails when it is not. */
    int idOf(String subject, Schema schema);

    /** The schema with the global id {@code id}. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Subjects currently registered. */
    List<String> subjects();

    /** A schema as registered: subject, version, global id, schema. */
    record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }
}
