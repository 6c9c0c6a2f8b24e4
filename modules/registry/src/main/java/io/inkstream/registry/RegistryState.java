package io.inkstream.registry;

import io.inkstream.registry.SchemasTopicFormat.Change;
import io.inkstream.registry.SchemasTopicFormat.ConfigRemoved;
import io.inkstream.registry.SchemasTopicFormat.ConfigSet;
import io.inkstream.registry.SchemasTopicFormat.ModeRemoved;
import io.inkstream.registry.SchemasTopicFormat.ModeSet;
import io.inkstream.registry.SchemasTopicFormat.SchemaVersion;
import io.inkstream.registry.SchemasTopicFormat.SchemaVersionRemoved;
import io.inkstream.registry.SchemasTopicFormat.SubjectDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's in-memory view of the schemas topic: every change read from the topic is
 * applied here in log order, and every answer is read from here. A record that would give an
 * id already held by a different schema is ignored (the first writer of an id wins, as in
 * Confluent's registry).
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private record Identity(String schema, List<SchemaReference> references) {
    }

    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, StoredSchema> byId = new HashMap<>();
    private final Map<Identity, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, Boolean> subjectNormalize = new HashMap<>();
    private final Map<String, Mode> subjectModes = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private Boolean globalNormalize;
    private Mode globalMode;
    private int maxId;
    private volatile long changes;

    synchronized void apply(Change change) {
        changes++;
        if (change instanceof SchemaVersion v) {
            put(v.schema());
        } else if (change instanceof SchemaVersionRemoved r) {
            remove(r.subject(), r.version());
        } else if (change instanceof ConfigSet c) {
            if (c.subject() == null) {
                globalLevel = c.level();
                globalNormalize = c.normalize();
            } else {
                putOrRemove(subjectLevels, c.subject(), c.level());
                putOrRemove(subjectNormalize, c.subject(), c.normalize());
            }
        } else if (change instanceof ConfigRemoved c) {
            if (c.subject() == null) {
                globalLevel = null;
                globalNormalize = null;
            } else {
                subjectLevels.remove(c.subject());
                subjectNormalize.remove(c.subject());
            }
        } else if (change instanceof ModeSet m) {
            if (m.subject() == null) {
                globalMode = m.mode();
            } else {
                subjectModes.put(m.subject(), m.mode());
            }
        } else if (change instanceof ModeRemoved m) {
            if (m.subject() == null) {
                globalMode = null;
            } else {
                subjectModes.remove(m.subject());
            }
        } else if (change instanceof SubjectDeleted d) {
            TreeMap<Integer, StoredSchema> versions = subjects.get(d.subject());
            if (versions != null) {
                versions.headMap(d.version(), true).replaceAll((v, s) -> s.asDeleted());
            }
        }
    }

    private static <V> void putOrRemove(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /** How many changes were applied: answers cached before a change are stale after it. */
    long changeCount() {
        return changes;
    }

    private void put(StoredSchema s) {
        StoredSchema holder = byId.get(s.id());
        if (holder != null && !holder.sameSchemaAs(s.schema(), s.references())) {
            log.warn("Ignoring {} version {} of the schemas topic: id {} already belongs to another schema",
                    s.subject(), s.version(), s.id());
            return;
        }
        subjects.computeIfAbsent(s.subject(), k -> new TreeMap<>()).put(s.version(), s);
        byId.putIfAbsent(s.id(), s);
        idBySchema.putIfAbsent(new Identity(s.schema(), s.references()), s.id());
        maxId = Math.max(maxId, s.id());
    }

    private void remove(String subject, int version) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        StoredSchema removed = versions == null ? null : versions.remove(version);
        if (removed == null) {
            return;
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        boolean stillUsed = subjects.values().stream()
                .flatMap(v -> v.values().stream()).anyMatch(s -> s.id() == removed.id());
        if (!stillUsed) {
            // maxId stays: an id once given out is not given again while this instance runs.
            byId.remove(removed.id());
            idBySchema.remove(new Identity(removed.schema(), removed.references()));
        }
    }

    /** Versions of a subject in ascending order; soft-deleted ones only when asked. */
    synchronized List<StoredSchema> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        List<StoredSchema> out = new ArrayList<>();
        if (versions != null) {
            for (StoredSchema s : versions.values()) {
                if (includeDeleted || !s.deleted()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Subjects in name order that have a live version (or any version when asked). */
    synchronized List<String> subjects(boolean includeDeleted) {
        List<String> out = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(s -> !s.deleted())) {
                out.add(name);
            }
        });
        return out;
    }

    synchronized Optional<StoredSchema> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every version, in any subject, that carries the id. */
    synchronized List<StoredSchema> usagesOf(int id, boolean includeDeleted) {
        List<StoredSchema> out = new ArrayList<>();
        for (TreeMap<Integer, StoredSchema> versions : subjects.values()) {
            for (StoredSchema s : versions.values()) {
                if (s.id() == id && (includeDeleted || !s.deleted())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    synchronized Optional<Integer> idOf(String canonicalSchema, List<SchemaReference> references) {
        return Optional.ofNullable(idBySchema.get(new Identity(canonicalSchema, List.copyOf(references))));
    }

    synchronized int maxId() {
        return maxId;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    synchronized Optional<Boolean> subjectNormalize(String subject) {
        return Optional.ofNullable(subjectNormalize.get(subject));
    }

    synchronized Optional<Boolean> globalNormalize() {
        return Optional.ofNullable(globalNormalize);
    }

    synchronized Optional<Mode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    synchronized Optional<Mode> globalMode() {
        return Optional.ofNullable(globalMode);
    }

    synchronized List<String> subjectsWithMode() {
        return new ArrayList<>(subjectModes.keySet());
    }

    /** Ids of live versions, in any subject, that borrow a type from that version. */
    synchronized List<Integer> referrersOf(String subject, int version) {
        List<Integer> out = new ArrayList<>();
        for (TreeMap<Integer, StoredSchema> versions : subjects.values()) {
            for (StoredSchema s : versions.values()) {
                if (!s.deleted() && s.refersTo(subject, version) && !out.contains(s.id())) {
                    out.add(s.id());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Every version of every subject, in subject then version order. */
    synchronized List<StoredSchema> allVersions() {
        List<StoredSchema> out = new ArrayList<>();
        subjects.values().forEach(v -> out.addAll(v.values()));
        return out;
    }
}
