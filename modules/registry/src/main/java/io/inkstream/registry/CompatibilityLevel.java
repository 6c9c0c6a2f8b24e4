package io.inkstream.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confluent's compatibility levels: BACKWARD means the new schema reads data written with the
 * old one, FORWARD the other way round, FULL both; plain levels compare with the latest
 * version, _TRANSITIVE ones with every live version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Parses a level in any letter case; anything else is Confluent's 42203. */
    public static CompatibilityLevel parse(String name) {
        if (name == null) {
            throw RegistryException.invalidCompatibilityLevel();
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel();
        }
    }

    /**
     * Checks a candidate against the live versions of a subject.
     *
     * @param previous live versions, oldest first
     * @return why the candidate is incompatible; empty when it is compatible
     */
    List<String> check(Schema candidate, List<Version> previous) {
        List<String> problems = new ArrayList<>();
        if (this == NONE || previous.isEmpty()) {
            return problems;
        }
        List<Version> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
        for (int i = against.size() - 1; i >= 0; i--) {
            Version old = against.get(i);
            int before = problems.size();
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()), problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate), problems);
            }
            if (problems.size() > before) {
                // Confluent's shape: the reasons, then which version and schema they are about.
                problems.add("{oldSchemaVersion: " + old.version() + "}");
                problems.add("{oldSchema: '" + old.schema() + "'}");
            }
        }
        if (!problems.isEmpty()) {
            problems.add("{compatibility: '" + name() + "'}");
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, List<String> out) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility problem : result.getResult().getIncompatibilities()) {
            out.add("{errorType:'" + problem.getType() + "', description:'" + problem.getMessage()
                    + "', location:'" + problem.getLocation() + "'}");
        }
    }

    /** One earlier live version of a subject, parsed. */
    record Version(int version, Schema schema) {
    }
}
