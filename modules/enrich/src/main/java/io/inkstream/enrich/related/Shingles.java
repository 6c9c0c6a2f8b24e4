package io.inkstream.enrich.related;

import io.inkstream.enrich.keyword.Terms;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.JaccardSimilarity;
import org.apache.datasketches.theta.UpdateSketch;

import java.util.List;

/**
 * The near-duplicate fingerprint of a text: its overlapping three-word shingles, kept as a Theta
 * sketch (a MinHash-style sample of at most 256 hashes) so that the Jaccard resemblance of two
 * stories can be estimated without keeping their text; two agencies' copy of one story shares
 * most of its shingles, two stories on one topic very few.
 */
public final class Shingles {

    static final int WORDS_PER_SHINGLE = 3;
    private static final int NOMINAL_ENTRIES = 256;

    private Shingles() {
    }

    /** The serialized sketch of the text's shingles. */
    public static byte[] sketch(String text) {
        List<String> words = Terms.words(text);
        UpdateSketch sketch = UpdateSketch.builder().setNominalEntries(NOMINAL_ENTRIES).build();
        if (words.size() < WORDS_PER_SHINGLE) {
            words.forEach(sketch::update);
        }
        for (int i = 0; i + WORDS_PER_SHINGLE <= words.size(); i++) {
            sketch.update(String.join(" ", words.subList(i, i + WORDS_PER_SHINGLE)));
        }
        return sketch.compact().toByteArray();
    }

    /** Estimated Jaccard resemblance of two texts' shingle sets, 0..1. */
    public static double resemblance(byte[] a, byte[] b) {
        CompactSketch left = CompactSketch.heapify(Memory.wrap(a));
        CompactSketch right = CompactSketch.heapify(Memory.wrap(b));
        if (left.isEmpty() || right.isEmpty()) {
            return 0.0;
        }
        return JaccardSimilarity.jaccard(left, right)[1];
    }
}
