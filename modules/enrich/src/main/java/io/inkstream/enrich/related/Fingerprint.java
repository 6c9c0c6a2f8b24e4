package io.inkstream.enrich.related;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What enrich remembers of an earlier article to find it as related news or as the original of a
 * near-duplicate: how to link to it, its top TF-IDF terms as a unit vector, its entities, the
 * MinHash signature of its shingles ({@link Shingles#minHash}), and which article it duplicates
 * itself (so a third copy points at the first).
 *
 * <p>Stored as JSON on enrich.fingerprints and in the enrich-window store. Versions before the Lucene index kept a theta
 * sketch under {@code shingles} instead of {@code minHash}: such a record reads with no signature,
 * so it is still related news but not found as the original of a copy until it leaves the window.
 */
public record Fingerprint(String id, String headline, String canonicalPath, String section, Instant publishedAt,
                          Map<String, Double> vector, List<String> entities, int[] minHash, String duplicateOf,
                          Instant indexedAt) {

    public Fingerprint {
        vector = Map.copyOf(vector);
        entities = List.copyOf(entities);
        minHash = minHash == null ? new int[0] : minHash;
        indexedAt = indexedAt == null ? publishedAt : indexedAt; // records stored before indexedAt existed
    }

    /** A fingerprint indexed when it was published (an article arriving on time). */
    public Fingerprint(String id, String headline, String canonicalPath, String section, Instant publishedAt,
                       Map<String, Double> vector, List<String> entities, int[] minHash, String duplicateOf) {
        this(id, headline, canonicalPath, section, publishedAt, vector, entities, minHash, duplicateOf, publishedAt);
    }

    /** The same fingerprint, marked as a copy of {@code original} (or of none). */
    public Fingerprint withDuplicateOf(String original) {
        return new Fingerprint(id, headline, canonicalPath, section, publishedAt, vector, entities, minHash, original,
                indexedAt);
    }

    /**
     * The same fingerprint, indexed at {@code streamTime} if that is later than its publication: an item
     * dated in the past (an agency's archive, a late correction) stays a window long from its arrival, so
     * copies of it arriving next are still found.
     */
    public Fingerprint atStreamTime(Instant streamTime) {
        Instant at = streamTime.isAfter(publishedAt) ? streamTime : publishedAt;
        return new Fingerprint(id, headline, canonicalPath, section, publishedAt, vector, entities, minHash, duplicateOf, at);
    }

    /** The article this one stands for when later copies point at it: its own original if it is a copy. */
    public String original() {
        return duplicateOf != null ? duplicateOf : id;
    }
}
