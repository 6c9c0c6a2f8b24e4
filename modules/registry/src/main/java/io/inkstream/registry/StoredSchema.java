package io.inkstream.registry;

import java.util.List;

/**
 * One version of one subject as kept in the schemas topic: the schema text in its canonical
 * form, its global id, and whether it was soft-deleted.
 */
record StoredSchema(String subject, int version, int id, String schemaType, List<SchemaReference> references,
                    String schema, boolean deleted) {

    StoredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    StoredSchema asDeleted() {
        return new StoredSchema(subject, version, id, schemaType, references, schema, true);
    }

    /** Two registrations denote the same schema when text and references are equal. */
    boolean sameSchemaAs(String otherSchema, List<SchemaReference> otherReferences) {
        return schema.equals(otherSchema) && references.equals(otherReferences);
    }
}
