package io.inkstream.events.serde;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry behind {@code schema.registry.url=mock://SCOPE}: an in-process registry shared by
 * every serde configured with the same scope, as Confluent's serde offers, so that
 * TopologyTestDriver tests need no server. It assigns ids like a real registry (one global id
 * per distinct schema, versions per subject) but checks no compatibility.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Schema>> versions = new LinkedHashMap<>();

    /** The shared registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the registry of {@code scope} (tests that want a fresh one). */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            int next = ids.size() + 1;
            schemas.put(next, s);
            return next;
        });
        List<Schema> subjectVersions = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!subjectVersions.contains(schema)) {
            subjectVersions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.get(subject);
        if (subjectVersions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, 40401);
        }
        if (!subjectVersions.contains(schema)) {
            throw new SchemaRegistryException("Schema not found under subject '" + subject + "'.", 404, 40403);
        }
        return ids.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Schema> subjectVersions = versions.get(subject);
        if (subjectVersions == null || subjectVersions.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, 40401);
        }
        Schema schema = subjectVersions.get(subjectVersions.size() - 1);
        return new RegisteredSchema(subject, subjectVersions.size(), ids.get(schema), schema);
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versions.keySet());
    }
}
