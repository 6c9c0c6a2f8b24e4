package io.inkstream.registry;

import java.util.List;

/**
 * One version of one subject as kept in the schemas topic: the schema text in its canonical
 * form, its global id, whether it was soft-deleted, and when it was registered ({@code ts},
 * epoch milliseconds, as Confluent keeps it).
 */
record StoredSchema(String subject, int version, int id, String schemaType, List<SchemaReference> references,
                    String schema, boolean deleted, long ts) {

    StoredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    StoredSchema asDeleted() {
        return new StoredSchema(subject, version, id, schemaType, references, schema, true, ts);
    }

    /** Two registrations denote the same schema when text and references are equal. */
    boolean sameSchemaAs(String otherSchema, List<SchemaReference> otherReferences) {
        return schema.equals(otherSchema) && references.equals(otherReferences);
    }

    /** Whether this version borrows a type from that version of that subject. */
    boolean refersTo(String otherSubject, int otherVersion) {
        for (SchemaReference r : references) {
            if (r.subject().equals(otherSubject) && r.version() == otherVersion) {
                return true;
            }
        }
        return false;
    }
}
