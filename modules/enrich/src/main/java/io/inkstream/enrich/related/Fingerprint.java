package io.inkstream.enrich.related;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What enrich remembers of an earlier article to find it as related news or as the original of a
 * near-duplicate: how to link to it, its top TF-IDF terms as a unit vector, its entities, its
 * shingle sketch, and which article it duplicates itself (so a third copy points at the first).
 */
public record Fingerprint(String id, String headline, String canonicalPath, String section, Instant publishedAt,
                          Map<String, Double> vector, List<String> entities, byte[] shingles, String duplicateOf) {

    public Fingerprint {
        vector = Map.copyOf(vector);
        entities = List.copyOf(entities);
    }

    /** The same fingerprint, marked as a copy of {@code original} (or of none). */
    public Fingerprint withDuplicateOf(String original) {
        return new Fingerprint(id, headline, canonicalPath, section, publishedAt, vector, entities, shingles, original);
    }

    /** The article this one stands for when later copies point at it: its own original if it is a copy. */
    public String original() {
        return duplicateOf != null ? duplicateOf : id;
    }
}
