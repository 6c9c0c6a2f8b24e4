package io.inkstream.registry;

import io.inkstream.registry.KafkaSchemaStore.Update;
import io.inkstream.registry.SchemasTopicFormat.Change;
import io.inkstream.registry.SchemasTopicFormat.ConfigRemoved;
import io.inkstream.registry.SchemasTopicFormat.ConfigSet;
import io.inkstream.registry.SchemasTopicFormat.SchemaVersion;
import io.inkstream.registry.SchemasTopicFormat.SchemaVersionRemoved;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry's rules, independent of HTTP: registration is idempotent per canonical schema
 * (one id for one schema across subjects), new versions must pass the subject's compatibility
 * level, deletes are soft first and permanent only after, every change goes through the
 * schemas topic.
 */
final class SchemaRegistry {

    static final String AVRO = "AVRO";

    private final KafkaSchemaStore store;
    private final RegistryState state;
    private final CompatibilityLevel defaultLevel;

    SchemaRegistry(KafkaSchemaStore store, RegistryState state, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.state = state;
        this.defaultLevel = defaultLevel;
    }

    /** Registers a schema under a subject, or finds it already there; answers its id. */
    int register(String subject, RegisterRequest request) {
        Schema parsed = parseNew(request);
        String canonical = canonical(parsed, request);
        return store.update(s -> {
            List<StoredSchema> all = s.versions(subject, true);
            for (StoredSchema existing : all) {
                if (!existing.deleted() && existing.sameSchemaAs(canonical, request.references())) {
                    return Update.none(existing.id());
                }
            }
            List<String> problems = levelOf(subject).check(parsed, liveVersions(subject));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible("Schema being registered is incompatible with an earlier schema"
                        + " for subject \"" + subject + "\", details: " + problems);
            }
            int id = s.idOf(canonical, request.references()).orElse(s.maxId() + 1);
            int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
            StoredSchema stored = new StoredSchema(subject, version, id, AVRO, request.references(), canonical, false);
            return new Update<>(List.of(new SchemaVersion(stored)), id);
        });
    }

    /** Finds the version of a subject holding this schema (40401 / 40403 when none). */
    StoredSchema lookup(String subject, RegisterRequest request, boolean includeDeleted) {
        List<StoredSchema> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        String canonical = canonical(parseNew(request), request);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).sameSchemaAs(canonical, request.references())) {
                return versions.get(i);
            }
        }
        throw RegistryException.schemaNotFound();
    }

    StoredSchema byId(int id) {
        return state.byId(id).orElseThrow(() -> RegistryException.schemaIdNotFound(id));
    }

    List<StoredSchema> usagesOf(int id, boolean includeDeleted) {
        byId(id);
        return state.usagesOf(id, includeDeleted);
    }

    List<String> subjects(boolean includeDeleted, String prefix) {
        List<String> out = new ArrayList<>();
        for (String subject : state.subjects(includeDeleted)) {
            if (prefix == null || subject.startsWith(prefix)) {
                out.add(subject);
            }
        }
        return out;
    }

    List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        List<StoredSchema> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(StoredSchema::version).toList();
    }

    /** One version, {@code latest} or {@code -1} for the newest live one. */
    StoredSchema version(String subject, String version, boolean includeDeleted) {
        int wanted = parseVersion(version);
        List<StoredSchema> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (wanted == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(s -> s.version() == wanted).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(wanted));
    }

    /** Soft-deletes every live version, or with {@code permanent} removes soft-deleted ones. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return store.update(s -> {
            List<StoredSchema> all = s.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<StoredSchema> live = all.stream().filter(v -> !v.deleted()).toList();
            List<Change> changes = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                all.forEach(v -> changes.add(new SchemaVersionRemoved(subject, v.version())));
                return new Update<>(changes, versionsOf(all));
            }
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            live.forEach(v -> changes.add(new SchemaVersion(v.asDeleted())));
            return new Update<>(changes, versionsOf(live));
        });
    }

    /** Soft-deletes one version, or with {@code permanent} removes a soft-deleted one. */
    int deleteVersion(String subject, String version, boolean permanent) {
        int wanted = parseVersion(version);
        return store.update(s -> {
            List<StoredSchema> all = s.versions(subject, true);
            if (all.isEmpty() || (!permanent && all.stream().allMatch(StoredSchema::deleted))) {
                throw RegistryException.subjectNotFound(subject);
            }
            StoredSchema target;
            if (wanted == -1) {
                List<StoredSchema> candidates = permanent ? all : all.stream().filter(v -> !v.deleted()).toList();
                target = candidates.get(candidates.size() - 1);
            } else {
                target = all.stream().filter(v -> v.version() == wanted).findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(wanted));
            }
            if (permanent) {
                if (!target.deleted()) {
                    throw RegistryException.versionNotSoftDeleted(subject, target.version());
                }
                return new Update<>(List.of(new SchemaVersionRemoved(subject, target.version())), target.version());
            }
            if (target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            return new Update<>(List.of(new SchemaVersion(target.asDeleted())), target.version());
        });
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    CompatibilityLevel setGlobalLevel(CompatibilityLevel level) {
        return store.update(s -> new Update<>(List.of(new ConfigSet(null, level)), level));
    }

    /** A subject's own level; without one, the global level if asked, else 40408. */
    CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject).orElseGet(() -> {
            if (defaultToGlobal) {
                return globalLevel();
            }
            throw RegistryException.subjectConfigNotFound(subject);
        });
    }

    CompatibilityLevel setSubjectLevel(String subject, CompatibilityLevel level) {
        return store.update(s -> new Update<>(List.of(new ConfigSet(subject, level)), level));
    }

    /** Removes a subject's own level; answers the level it had. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        return store.update(s -> {
            CompatibilityLevel previous = s.subjectLevel(subject).orElseThrow(() ->
                    s.versions(subject, true).isEmpty()
                            ? RegistryException.subjectNotFound(subject)
                            : RegistryException.subjectConfigNotFound(subject));
            return new Update<>(List.of(new ConfigRemoved(subject)), previous);
        });
    }

    /** Resets the global level to the configured default; answers the level it had. */
    CompatibilityLevel deleteGlobalLevel() {
        return store.update(s -> new Update<>(List.of(new ConfigRemoved(null)), globalLevel()));
    }

    /**
     * Tests a schema against one version ({@code version} given) or against what the subject's
     * level demands ({@code version} null).
     *
     * @return the reasons it is incompatible; empty when compatible
     */
    List<String> testCompatibility(String subject, String version, RegisterRequest request) {
        Schema parsed = parseNew(request);
        List<CompatibilityLevel.Version> against;
        if (version == null) {
            against = liveVersions(subject);
        } else {
            int wanted = parseVersion(version);
            if (wanted == -1 && state.versions(subject, false).isEmpty()) {
                return List.of(); // nothing to be incompatible with, as Confluent answers
            }
            StoredSchema old = version(subject, version, false);
            against = List.of(new CompatibilityLevel.Version(old.version(), parseStored(old)));
        }
        return levelOf(subject).check(parsed, against);
    }

    private CompatibilityLevel levelOf(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private List<CompatibilityLevel.Version> liveVersions(String subject) {
        List<CompatibilityLevel.Version> out = new ArrayList<>();
        for (StoredSchema s : state.versions(subject, false)) {
            out.add(new CompatibilityLevel.Version(s.version(), parseStored(s)));
        }
        return out;
    }

    private static List<Integer> versionsOf(List<StoredSchema> versions) {
        return versions.stream().map(StoredSchema::version).toList();
    }

    /** {@code latest} and -1 give -1; otherwise a positive int, else 42202. */
    static int parseVersion(String version) {
        if ("latest".equalsIgnoreCase(version)) {
            return -1;
        }
        try {
            int v = Integer.parseInt(version);
            if (v == -1 || v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw RegistryException.invalidVersion(version);
    }

    /** Parses a schema being submitted, strictly (defaults are validated). */
    private Schema parseNew(RegisterRequest request) {
        if (!AVRO.equalsIgnoreCase(request.schemaType())) {
            throw RegistryException.invalidSchema("Invalid schema type " + request.schemaType()
                    + ": this registry supports AVRO schemas only");
        }
        if (request.schema() == null || request.schema().isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the request has no \"schema\"");
        }
        Schema.Parser parser = new Schema.Parser();
        addReferences(parser, request.references(), new HashSet<>());
        try {
            return parser.parse(request.schema());
        } catch (SchemaParseException | IllegalArgumentException e) {
            throw RegistryException.invalidSchema("Invalid schema " + request.schema() + ", details: " + e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema " + request.schema() + ", details: " + e);
        }
    }

    /** Parses a stored version leniently: whatever was registered once stays readable. */
    private Schema parseStored(StoredSchema stored) {
        Schema.Parser parser = new Schema.Parser().setValidateDefaults(false);
        addReferences(parser, stored.references(), new HashSet<>());
        return parser.parse(stored.schema());
    }

    /** Makes the named types of referenced versions known to the parser, depth first. */
    private void addReferences(Schema.Parser parser, List<SchemaReference> references, Set<String> done) {
        for (SchemaReference ref : references) {
            if (!done.add(ref.subject() + "/" + ref.version())) {
                continue;
            }
            StoredSchema target = state.versions(ref.subject(), true).stream()
                    .filter(v -> ref.version() == -1 || v.version() == ref.version())
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> RegistryException.invalidSchema("Invalid schema: reference " + ref.name()
                            + " to subject " + ref.subject() + " version " + ref.version() + " not found"));
            addReferences(parser, target.references(), done);
            try {
                parser.parse(target.schema());
            } catch (SchemaParseException e) {
                throw RegistryException.invalidSchema("Invalid schema: reference " + ref.name() + ": " + e.getMessage());
            }
        }
    }

    /** Confluent's canonical text: Avro's compact JSON, referenced types not inlined. */
    private String canonical(Schema parsed, RegisterRequest request) {
        if (request.references().isEmpty()) {
            return parsed.toString();
        }
        Schema.Parser parser = new Schema.Parser();
        addReferences(parser, request.references(), new HashSet<>());
        return parsed.toString(parser.getTypes().values(), false);
    }
}
