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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's rules, independent of HTTP: registration is idempotent per canonical schema
 * (one id for one schema across subjects), new versions must pass the subject's compatibility
 * level, deletes are soft first and permanent only after, every change goes through the
 * schemas topic.
 */
final class SchemaRegistry {

    static final String AVRO = "AVRO";

    private static final int LOOKUP_CACHE_SIZE = 10_000;

    private final KafkaSchemaStore store;
    private final RegistryState state;
    private final CompatibilityLevel defaultLevel;
    private final RegistryModes modes;
    /** Parsed reference-free schemas by request text: lookups parse each distinct schema once. */
    private final Map<CacheKey, Candidate> lookupCache = new ConcurrentHashMap<>();

    SchemaRegistry(KafkaSchemaStore store, RegistryState state, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.state = state;
        this.defaultLevel = defaultLevel;
        this.modes = new RegistryModes(store, state);
    }

    RegistryModes modes() {
        return modes;
    }

    /** Grows with every change applied to the state: what cached answers are checked against. */
    long changeCount() {
        return state.changeCount();
    }

    /** Where a registration landed. */
    record Registered(int id, int version) {
    }

    /**
     * Registers a schema under a subject, or finds it already there (the same text, or the
     * same schema once references are resolved). In IMPORT mode the request's id and version
     * are kept and compatibility is not checked; outside it an id is refused and a version
     * must be the next one.
     *
     * @param normalize the request's {@code normalize} parameter (the subject's or global config also counts)
     */
    Registered register(String subject, RegisterRequest request, boolean normalize) {
        validateSubject(subject);
        Mode mode = modes.effective(subject);
        if (!mode.writable()) {
            throw RegistryException.operationNotPermitted("Subject " + subject + " is in read-only mode");
        }
        boolean importing = mode == Mode.IMPORT;
        if (request.hasId() && !importing) {
            throw RegistryException.operationNotPermitted("Subject " + subject
                    + " is not in import mode: a schema id cannot be given");
        }
        Candidate candidate = candidate(request, normalize(subject, normalize), true);
        return store.update(s -> {
            List<StoredSchema> all = s.versions(subject, true);
            StoredSchema existing = find(all, candidate, false);
            if (existing != null && (!request.hasVersion() || existing.version() == request.version())
                    && (!request.hasId() || existing.id() == request.id())) {
                return Update.none(new Registered(existing.id(), existing.version()));
            }
            int next = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
            int id;
            int version;
            if (importing) {
                if (!request.hasId()) {
                    throw RegistryException.operationNotPermitted("Subject " + subject
                            + " is in import mode: a schema must be registered with its id");
                }
                id = request.id();
                StoredSchema holder = s.byId(id).orElse(null);
                if (holder != null && !holder.sameSchemaAs(candidate.canonical, candidate.references)) {
                    throw RegistryException.operationNotPermitted("Overwrite schema for the same id " + id
                            + " is not permitted");
                }
                version = request.hasVersion() ? request.version() : next;
                StoredSchema taken = all.stream().filter(v -> v.version() == version).findFirst().orElse(null);
                if (taken != null && !taken.sameSchemaAs(candidate.canonical, candidate.references)) {
                    throw RegistryException.operationNotPermitted("Version " + version + " of subject " + subject
                            + " already holds another schema");
                }
            } else {
                if (request.hasVersion() && request.version() != next) {
                    throw RegistryException.invalidSchema("Version " + request.version() + " is not the next version of "
                            + subject + " (" + next + ")");
                }
                List<String> problems = levelOf(subject).check(candidate.parsed, liveVersions(subject));
                if (!problems.isEmpty()) {
                    throw RegistryException.incompatible("Schema being registered is incompatible with an earlier schema"
                            + " for subject \"" + subject + "\", details: " + problems);
                }
                id = s.idOf(candidate.canonical, candidate.references).orElse(s.maxId() + 1);
                version = next;
            }
            StoredSchema stored = new StoredSchema(subject, version, id, AVRO, candidate.references, candidate.canonical,
                    false, System.currentTimeMillis());
            return new Update<>(List.of(new SchemaVersion(stored)), new Registered(id, version));
        });
    }

    /** Finds the version of a subject holding this schema (40401 / 40403 when none). */
    StoredSchema lookup(String subject, RegisterRequest request, boolean includeDeleted, boolean normalize) {
        List<StoredSchema> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        StoredSchema found = find(versions, candidate(request, normalize(subject, normalize), false), includeDeleted);
        if (found == null) {
            throw RegistryException.schemaNotFound();
        }
        return found;
    }

    /** A schema being registered or looked up, parsed once. */
    private record Candidate(Schema parsed, String canonical, List<SchemaReference> references, boolean normalized) {
    }

    private Candidate candidate(RegisterRequest request, boolean normalize, boolean liveReferencesOnly) {
        List<SchemaReference> references = normalize ? AvroNormalizer.normalize(request.references()) : request.references();
        if (references.isEmpty()) {
            Candidate cached = lookupCache.get(new CacheKey(request.schema(), request.schemaType(), normalize));
            if (cached != null) {
                return cached;
            }
        }
        Schema parsed = parseNew(request, liveReferencesOnly);
        String canonical = canonical(parsed, request, liveReferencesOnly);
        Candidate candidate = new Candidate(parsed, normalize ? AvroNormalizer.normalize(canonical) : canonical,
                references, normalize);
        if (references.isEmpty()) {
            if (lookupCache.size() >= LOOKUP_CACHE_SIZE) {
                lookupCache.clear();
            }
            lookupCache.put(new CacheKey(request.schema(), request.schemaType(), normalize), candidate);
        }
        return candidate;
    }

    private record CacheKey(String schema, String type, boolean normalize) {
    }

    /**
     * The newest version holding the candidate: the same text and references, else the same
     * schema with every reference resolved (Confluent's deep equality), so a schema sent
     * with its referenced types inlined finds the version that references them.
     */
    private StoredSchema find(List<StoredSchema> versions, Candidate candidate, boolean includeDeleted) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema v = versions.get(i);
            if ((includeDeleted || !v.deleted()) && v.sameSchemaAs(candidate.canonical, candidate.references)) {
                return v;
            }
        }
        String resolved = resolvedText(candidate.parsed, candidate.normalized);
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema v = versions.get(i);
            if (includeDeleted || !v.deleted()) {
                try {
                    if (resolvedText(parseStored(v), candidate.normalized).equals(resolved)) {
                        return v;
                    }
                } catch (RuntimeException e) {
                    // a stored version whose references are gone cannot be compared: not this one
                }
            }
        }
        return null;
    }

    private static String resolvedText(Schema schema, boolean normalized) {
        String text = schema.toString();
        return normalized ? AvroNormalizer.normalize(text) : text;
    }

    /** The request's {@code normalize}, else the subject's config, else the global config. */
    private boolean normalize(String subject, boolean requested) {
        return requested || state.subjectNormalize(subject).or(state::globalNormalize).orElse(false);
    }

    /** Confluent refuses subjects that are empty or hold control characters (42208). */
    static void validateSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.invalidSubject(subject);
        }
    }

    /** Confluent's {@code format=resolved}: the schema with every referenced type written inline. */
    String resolved(StoredSchema stored) {
        return stored.references().isEmpty() ? stored.schema() : parseStored(stored).toString();
    }

    StoredSchema byId(int id) {
        return state.byId(id).orElseThrow(() -> RegistryException.schemaIdNotFound(id));
    }

    List<StoredSchema> usagesOf(int id, boolean includeDeleted) {
        byId(id);
        return state.usagesOf(id, includeDeleted);
    }

    /** Subject names; {@code deletedOnly}: only subjects whose every version is soft-deleted. */
    List<String> subjects(boolean includeDeleted, boolean deletedOnly, String prefix) {
        List<String> live = state.subjects(false);
        List<String> out = new ArrayList<>();
        for (String subject : state.subjects(includeDeleted || deletedOnly)) {
            if ((prefix == null || subject.startsWith(prefix)) && (!deletedOnly || !live.contains(subject))) {
                out.add(subject);
            }
        }
        return out;
    }

    /** Version numbers; {@code deletedOnly}: only soft-deleted ones. */
    List<Integer> versionNumbers(String subject, boolean includeDeleted, boolean deletedOnly) {
        List<StoredSchema> versions = state.versions(subject, includeDeleted || deletedOnly);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().filter(v -> !deletedOnly || v.deleted()).map(StoredSchema::version).toList();
    }

    /** Ids of the live versions that reference this version. */
    List<Integer> referencedBy(String subject, String version) {
        return state.referrersOf(subject, version(subject, version, true).version());
    }

    /** Versions of every subject with the prefix, subject by subject; {@code latestOnly}: each subject's newest. */
    List<StoredSchema> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
        List<StoredSchema> out = new ArrayList<>();
        for (StoredSchema s : state.allVersions()) {
            if ((prefix == null || s.subject().startsWith(prefix)) && (includeDeleted || !s.deleted())) {
                if (latestOnly && !out.isEmpty() && out.get(out.size() - 1).subject().equals(s.subject())) {
                    out.remove(out.size() - 1);
                }
                out.add(s);
            }
        }
        return out;
    }

    int maxId() {
        return state.maxId();
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
        modes.checkWritable(subject);
        return store.update(s -> {
            List<StoredSchema> all = s.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            for (StoredSchema v : all) {
                if (!s.referrersOf(subject, v.version()).isEmpty()) {
                    throw RegistryException.referenceExists(subject, v.version());
                }
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
        modes.checkWritable(subject);
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
            if (!s.referrersOf(subject, target.version()).isEmpty()) {
                throw RegistryException.referenceExists(subject, target.version());
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

    /** The normalize flag in effect for a subject ({@code subject} null: the global one). */
    boolean normalizeConfig(String subject) {
        return normalize(subject, false);
    }

    /** A subject's own normalize flag, null when it has none. */
    Boolean ownNormalize(String subject) {
        return subject == null ? state.globalNormalize().orElse(null) : state.subjectNormalize(subject).orElse(null);
    }

    /**
     * Sets a config ({@code subject} null: the global one); a null part keeps what was set.
     *
     * @return the config as now set: level and normalize flag
     */
    SchemasTopicFormat.ConfigSet setConfig(String subject, CompatibilityLevel level, Boolean normalize) {
        if (subject != null) {
            validateSubject(subject);
        }
        return store.update(s -> {
            CompatibilityLevel newLevel = level != null ? level
                    : (subject == null ? s.globalLevel() : s.subjectLevel(subject)).orElse(null);
            Boolean newNormalize = normalize != null ? normalize
                    : (subject == null ? s.globalNormalize() : s.subjectNormalize(subject)).orElse(null);
            ConfigSet set = new ConfigSet(subject, newLevel, newNormalize);
            return new Update<>(List.of(set), set);
        });
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
        Schema parsed = parseNew(request, true);
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

    /**
     * Parses a schema being submitted, strictly (defaults are validated).
     *
     * @param liveReferencesOnly a registration may not reference a soft-deleted version; a lookup may
     */
    private Schema parseNew(RegisterRequest request, boolean liveReferencesOnly) {
        if (!AVRO.equalsIgnoreCase(request.schemaType())) {
            throw RegistryException.invalidSchema("Invalid schema type " + request.schemaType()
                    + ": this registry supports AVRO schemas only");
        }
        if (request.schema() == null || request.schema().isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the request has no \"schema\"");
        }
        Schema.Parser parser = new Schema.Parser();
        addReferences(parser, request.references(), new HashSet<>(), liveReferencesOnly);
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
        addReferences(parser, stored.references(), new HashSet<>(), false);
        return parser.parse(stored.schema());
    }

    /** Makes the named types of referenced versions known to the parser, depth first. */
    private void addReferences(Schema.Parser parser, List<SchemaReference> references, Set<String> done,
                               boolean liveOnly) {
        for (SchemaReference ref : references) {
            if (!done.add(ref.subject() + "/" + ref.version())) {
                continue;
            }
            StoredSchema target = state.versions(ref.subject(), !liveOnly).stream()
                    .filter(v -> ref.version() == -1 || v.version() == ref.version())
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> RegistryException.invalidSchema("Invalid schema: reference " + ref.name()
                            + " to subject " + ref.subject() + " version " + ref.version() + " not found"));
            addReferences(parser, target.references(), done, false);
            try {
                parser.parse(target.schema());
            } catch (SchemaParseException e) {
                throw RegistryException.invalidSchema("Invalid schema: reference " + ref.name() + ": " + e.getMessage());
            }
        }
    }

    /** Confluent's canonical text: Avro's compact JSON, referenced types not inlined. */
    private String canonical(Schema parsed, RegisterRequest request, boolean liveReferencesOnly) {
        if (request.references().isEmpty()) {
            return parsed.toString();
        }
        Schema.Parser parser = new Schema.Parser();
        addReferences(parser, request.references(), new HashSet<>(), liveReferencesOnly);
        return parsed.toString(parser.getTypes().values(), false);
    }
}
