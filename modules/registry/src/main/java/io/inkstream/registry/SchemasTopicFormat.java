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
 * {@code {"keytype":"CONFIG","subject":s,"magic":0}} and {@code {"keytype":"MODE","subject":s,"magic":0}}
 * (no subject for the global ones) and, read only, the legacy {@code DELETE_SUBJECT}. Other key
 * types (NOOP, ...) are skipped. Schema values carry Confluent's {@code ts} (milliseconds) and
 * config values its {@code normalize} flag.
 */
final class SchemasTopicFormat {

    /** A state change carried by one record of the schemas topic. */
    sealed interface Change permits SchemaVersion, SchemaVersionRemoved, ConfigSet, ConfigRemoved, SubjectDeleted,
            ModeSet, ModeRemoved {
    }

    /** A version was registered, or re-written soft-deleted. */
    record SchemaVersion(StoredSchema schema) implements Change {
    }

    /** A version was permanently deleted (a tombstone). */
    record SchemaVersionRemoved(String subject, int version) implements Change {
    }

    /**
     * A config was set; a null subject is the global one. Either part may be null (not set):
     * Confluent's config holds a compatibility level and a normalize flag.
     */
    record ConfigSet(String subject, CompatibilityLevel level, Boolean normalize) implements Change {
        ConfigSet(String subject, CompatibilityLevel level) {
            this(subject, level, null);
        }
    }

    /** A compatibility level was removed; a null subject is the global level. */
    record ConfigRemoved(String subject) implements Change {
    }

    /** A mode was set; a null subject is the global mode. */
    record ModeSet(String subject, Mode mode) implements Change {
    }

    /** A mode was removed; a null subject is the global mode. */
    record ModeRemoved(String subject) implements Change {
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
            ObjectNode value = JSON.createObjectNode();
            if (c.level() != null) {
                value.put("compatibilityLevel", c.level().name());
            }
            if (c.normalize() != null) {
                value.put("normalize", c.normalize());
            }
            return new Encoded(subjectKey("CONFIG", c.subject()), bytes(value));
        }
        if (change instanceof ConfigRemoved c) {
            return new Encoded(subjectKey("CONFIG", c.subject()), null);
        }
        if (change instanceof ModeSet m) {
            ObjectNode value = JSON.createObjectNode();
            if (m.subject() != null) {
                value.put("subject", m.subject()); // as Confluent writes it
            }
            return new Encoded(subjectKey("MODE", m.subject()), bytes(value.put("mode", m.mode().name())));
        }
        if (change instanceof ModeRemoved m) {
            return new Encoded(subjectKey("MODE", m.subject()), null);
        }
        SubjectDeleted d = (SubjectDeleted) change;
        ObjectNode key = JSON.createObjectNode().put("keytype", "DELETE_SUBJECT").put("subject", d.subject()).put("magic", 0);
        ObjectNode value = JSON.createObjectNode().put("subject", d.subject()).put("version", d.version());
        return new Encoded(bytes(key), bytes(value));
    }

    /**
     * Decodes one record.
     *
     * @param recordTimestamp the record's own timestamp, for schema values written without {@code ts}
     * @return the change, or empty for key types this registry has no use for
     * @throws IllegalArgumentException when the record is not valid registry JSON
     */
    static Optional<Change> decode(byte[] keyBytes, byte[] valueBytes, long recordTimestamp) {
        JsonNode key = tree(keyBytes);
        JsonNode value = valueBytes == null ? null : tree(valueBytes);
        String keytype = key.path("keytype").asText("");
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        if (subject != null && (subject.isEmpty() || ":.:".equals(subject))) {
            subject = null; // Confluent's default context: the global config and mode
        }
        switch (keytype) {
            case "SCHEMA" -> {
                int version = key.path("version").asInt();
                if (value == null || value.isNull()) {
                    return Optional.of(new SchemaVersionRemoved(subject, version));
                }
                return Optional.of(new SchemaVersion(storedSchema(value, recordTimestamp)));
            }
            case "CONFIG" -> {
                boolean hasLevel = value != null && value.hasNonNull("compatibilityLevel");
                boolean hasNormalize = value != null && value.hasNonNull("normalize");
                if (!hasLevel && !hasNormalize) {
                    return Optional.of(new ConfigRemoved(subject));
                }
                return Optional.of(new ConfigSet(subject,
                        hasLevel ? CompatibilityLevel.parse(value.get("compatibilityLevel").asText()) : null,
                        hasNormalize ? value.get("normalize").asBoolean() : null));
            }
            case "MODE" -> {
                if (value == null || value.isNull() || !value.hasNonNull("mode")) {
                    return Optional.of(new ModeRemoved(subject));
                }
                return Optional.of(new ModeSet(subject, Mode.parse(value.get("mode").asText())));
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

    private static byte[] subjectKey(String keytype, String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", keytype);
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
        value.put("schema", s.schema()).put("deleted", s.deleted()).put("ts", s.ts());
        return bytes(value);
    }

    private static StoredSchema storedSchema(JsonNode v, long recordTimestamp) {
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode r : v.path("references")) {
            refs.add(new SchemaReference(r.path("name").asText(), r.path("subject").asText(), r.path("version").asInt()));
        }
        if (!v.hasNonNull("subject") || !v.hasNonNull("schema") || !v.hasNonNull("id")) {
            throw new IllegalArgumentException("schema record without subject, id or schema: " + v);
        }
        return new StoredSchema(v.get("subject").asText(), v.path("version").asInt(), v.get("id").asInt(),
                v.path("schemaType").asText("AVRO"), refs, v.get("schema").asText(), v.path("deleted").asBoolean(false),
                v.path("ts").asLong(recordTimestamp));
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
