package io.inkstream.registry;

import io.inkstream.registry.KafkaSchemaStore.Update;
import io.inkstream.registry.SchemasTopicFormat.Change;
import io.inkstream.registry.SchemasTopicFormat.ModeRemoved;
import io.inkstream.registry.SchemasTopicFormat.ModeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confluent's modes, global and per subject, kept in the schemas topic as MODE records. The
 * mode in effect for a subject is its own, else the global one (READWRITE when none), except
 * that a global READONLY_OVERRIDE beats every subject's own.
 */
final class RegistryModes {

    private final KafkaSchemaStore store;
    private final RegistryState state;

    RegistryModes(KafkaSchemaStore store, RegistryState state) {
        this.store = store;
        this.state = state;
    }

    Mode global() {
        return state.globalMode().orElse(Mode.READWRITE);
    }

    /** The mode in effect for a subject. */
    Mode effective(String subject) {
        Mode global = global();
        if (global == Mode.READONLY_OVERRIDE) {
            return global;
        }
        return state.subjectMode(subject).orElse(global);
    }

    /** A subject's own mode; without one the global mode if asked, else 40409 (READONLY_OVERRIDE always shows). */
    Mode ofSubject(String subject, boolean defaultToGlobal) {
        if (defaultToGlobal || global() == Mode.READONLY_OVERRIDE) {
            return effective(subject);
        }
        return state.subjectMode(subject).orElseThrow(() -> RegistryException.subjectModeNotFound(subject));
    }

    /** Refuses a registration or delete when the subject is read-only (42205). */
    void checkWritable(String subject) {
        if (!effective(subject).writable()) {
            throw RegistryException.operationNotPermitted("Subject " + subject + " is in read-only mode");
        }
    }

    /**
     * Sets the global mode ({@code subject} null) or a subject's. Entering IMPORT is refused while
     * live schemas exist there (42205), unless {@code force}: ids given by an import could clash.
     */
    Mode set(String subject, Mode mode, boolean force) {
        if (subject != null) {
            SchemaRegistry.validateSubject(subject);
        }
        return store.update(s -> {
            Mode current = subject == null ? s.globalMode().orElse(Mode.READWRITE) : effective(subject);
            if (mode == Mode.IMPORT && current != Mode.IMPORT && !force) {
                boolean hasSchemas = subject == null ? !s.subjects(false).isEmpty() : !s.versions(subject, false).isEmpty();
                if (hasSchemas) {
                    throw RegistryException.operationNotPermitted("Cannot import since found existing subjects"
                            + (subject == null ? "" : " (" + subject + ")") + "; set force=true to import anyway");
                }
            }
            return new Update<>(List.of(new ModeSet(subject, mode)), mode);
        });
    }

    /**
     * Removes the global mode ({@code subject} null; with {@code recursive} every subject's too)
     * or a subject's (40409 when it has none); answers the mode it had.
     */
    Mode delete(String subject, boolean recursive) {
        return store.update(s -> {
            List<Change> changes = new ArrayList<>();
            if (subject == null) {
                Optional<Mode> previous = s.globalMode();
                changes.add(new ModeRemoved(null));
                if (recursive) {
                    s.subjectsWithMode().forEach(other -> changes.add(new ModeRemoved(other)));
                }
                return new Update<>(changes, previous.orElse(Mode.READWRITE));
            }
            Mode previous = s.subjectMode(subject).orElseThrow(() -> RegistryException.subjectModeNotFound(subject));
            return new Update<>(List.of(new ModeRemoved(subject)), previous);
        });
    }
}
