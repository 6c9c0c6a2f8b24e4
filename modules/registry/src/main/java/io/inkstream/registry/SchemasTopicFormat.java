package io.inkstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes records of the schemas topic in Confluent Schema Registry's own JSON
 * shapes, so that a topic written by a Confluent registry can be read here and the other way
 * round, and compaction replaces records of either writer with equal keys.
 *
 * <p>Keys: {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}},
 * {@code {"keytype":"CONFIG","subject":s,"magic":0}} (no subject for the global one) and, read
 * only, the legacy {@code DELETE_SUBJECT}. Other key types (NOOP, MODE, ...) are skipped.
 */
final class SchemasTopicFormat {

    /** A state change carried by one record of the schemas topic. */
    sealed interface Change permits SchemaVersion, SchemaVersionRemoved, ConfigSet, ConfigRemoved, SubjectDeleted {
    }

    /** A version was registered, or re-written soft-deleted. */
    record SchemaVersion(StoredSchema schema) implements Change {
    }

    /** A version was permanently deleted (a tombstone). */
    record SchemaVersionRemoved(String subject, int version) implements Change {
    }

    /** A compatibility level was set; a null subject is the global level. */
    record ConfigSet(String subject, CompatibilityLevel level) implements Change {
    }

    /** A compatibility level was removed; a null subject is the global level. */
    record ConfigRemoved(String subject) implements Change {
    }

    /** Legacy Confluent soft delete of every version up to {@code version}. */
    record SubjectDeleted(String subject, int version) implements Change {
    }

    /** Key and value bytes of one record; a null value is a tombstone. */
    record Encoded(byte[] key, byte[] value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemasTopicFormat() {
    }

    static Encoded encode(Change change) {
        // Java 17: no pattern matching for switch yet.
        if (change instanceof SchemaVersion v) {
            return new Encoded(schemaKey(v.schema().subject(), v.schema().version()), schemaValue(v.schema()));
        }
        if (change instanceof SchemaVersionRemoved r) {
            return new Encoded(schemaKey(r.subject(), r.version()), null);
        }
        if (change instanceof ConfigSet c) {
            return new Encoded(configKey(c.subject()),
                    bytes(JSON.createObjectNode().put("compatibilityLevel", c.level().name())));
        }
        if (change instanceof ConfigRemoved c) {
            return new Encoded(configKey(c.subject()), null);
        }
        SubjectDeleted d = (SubjectDeleted) change;
        ObjectNode key = JSON.createObjectNode().put("keytype", "DELETE_SUBJECT").put("subject", d.subject()).put("magic", 0);
        ObjectNode value = JSON.createObjectNode().put("subject", d.subject()).put("version", d.version());
        return new Encoded(bytes(key), bytes(value));
    }

    /**
     * Decodes one record.
     *
     * @return the change, or empty for key types this registry has no use for
     * @throws IllegalArgumentException when the record is not valid registry JSON
     */
    static Optional<Change> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = tree(keyBytes);
        JsonNode value = valueBytes == null ? null : tree(valueBytes);
        String keytype = key.path("keytype").asText("");
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        switch (keytype) {
            case "SCHEMA" -> {
                int version = key.path("version").asInt();
                if (value == null || value.isNull()) {
                    return Optional.of(new SchemaVersionRemoved(subject, version));
                }
                return Optional.of(new SchemaVersion(storedSchema(value)));
            }
            case "CONFIG" -> {
                if (value == null || value.isNull() || !value.hasNonNull("compatibilityLevel")) {
                    return Optional.of(new ConfigRemoved(subject));
                }
                return Optional.of(new ConfigSet(subject, CompatibilityLevel.parse(value.get("compatibilityLevel").asText())));
            }
            case "DELETE_SUBJECT" -> {
                if (value == null || value.isNull()) {
                    return Optional.empty();
                }
                return Optional.of(new SubjectDeleted(value.path("subject").asText(subject), value.path("version").asInt()));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static byte[] schemaKey(String subject, int version) {
        // Field order matters: compaction compares key bytes with Confluent's own writer.
        return bytes(JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1));
    }

    private static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (subject != null) {
            key.put("subject", subject);
        }
        return bytes(key.put("magic", 0));
    }

    private static byte[] schemaValue(StoredSchema s) {
        ObjectNode value = JSON.createObjectNode()
                .put("subject", s.subject()).put("version", s.version()).put("id", s.id());
        if (!"AVRO".equals(s.schemaType())) {
            value.put("schemaType", s.schemaType());
        }
        if (!s.references().isEmpty()) {
            ArrayNode refs = value.putArray("references");
            for (SchemaReference r : s.references()) {
                refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version());
            }
        }
        value.put("schema", s.schema()).put("deleted", s.deleted());
        return bytes(value);
    }

    private static StoredSchema storedSchema(JsonNode v) {
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode r : v.path("references")) {
            refs.add(new SchemaReference(r.path("name").asText(), r.path("subject").asText(), r.path("version").asInt()));
        }
        if (!v.hasNonNull("subject") || !v.hasNonNull("schema") || !v.hasNonNull("id")) {
            throw new IllegalArgumentException("schema record without subject, id or schema: " + v);
        }
        return new StoredSchema(v.get("subject").asText(), v.path("version").asInt(), v.get("id").asInt(),
                v.path("schemaType").asText("AVRO"), refs, v.get("schema").asText(), v.path("deleted").asBoolean(false));
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
