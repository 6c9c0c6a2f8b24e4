package io.inkstream.registry;

/**
 * A named type a schema borrows from a version of another subject, as in Confluent's
 * {@code "references": [{"name": ..., "subject": ..., "version": ...}]}.
 */
public record SchemaReference(String name, String subject, int version) {
}
