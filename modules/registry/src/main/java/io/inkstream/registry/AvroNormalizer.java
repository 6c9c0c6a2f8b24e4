package io.inkstream.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Confluent's {@code normalize}: schemas that differ only in how they are written denote the
 * same schema. Avro's compact form already folds {@code {"type":"int"}} into {@code "int"};
 * on top of it the custom properties of every type and field (metadata such as
 * {@code "extraMetadata": {...}}) are written in key order, at every depth, and references
 * are sorted, so reordering either gives the same text and so the same id.
 */
final class AvroNormalizer {

    /** Avro's own attributes keep Avro's order; everything else follows, sorted. */
    private static final Set<String> AVRO_KEYS = Set.of("type", "name", "namespace", "doc", "fields", "symbols",
            "items", "values", "size", "default", "order", "aliases", "logicalType", "precision", "scale");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroNormalizer() {
    }

    /** The normalized text of Avro's compact JSON form of a schema. */
    static String normalize(String compactAvroJson) {
        try {
            return JSON.writeValueAsString(normalizeNode(JSON.readTree(compactAvroJson), false));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON schema: " + e.getMessage(), e);
        }
    }

    /** References in name, subject, version order, each once. */
    static List<SchemaReference> normalize(List<SchemaReference> references) {
        return references.stream().distinct().sorted(Comparator.comparing(SchemaReference::name)
                .thenComparing(SchemaReference::subject).thenComparingInt(SchemaReference::version)).toList();
    }

    /** {@code inProperty}: inside a custom property, where every object is plain data and fully sorted. */
    private static JsonNode normalizeNode(JsonNode node, boolean inProperty) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(element -> out.add(normalizeNode(element, inProperty)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        Set<String> custom = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!inProperty && AVRO_KEYS.contains(name)) {
                // "default" values are data, not schema: their object keys are sorted too.
                out.set(name, normalizeNode(node.get(name), "default".equals(name)));
            } else {
                custom.add(name);
            }
        }
        for (String name : custom) {
            out.set(name, normalizeNode(node.get(name), true));
        }
        return out;
    }
}
