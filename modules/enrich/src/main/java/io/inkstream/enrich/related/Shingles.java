package io.inkstream.enrich.related;

import io.inkstream.enrich.keyword.Terms;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.HashIterator;
import org.apache.datasketches.theta.JaccardSimilarity;
import org.apache.datasketches.theta.UpdateSketch;

import java.util.Arrays;
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
        return resemblance(CompactSketch.heapify(Memory.wrap(a)), CompactSketch.heapify(Memory.wrap(b)));
    }

    /**
     * Whether {@code resemblance(a, b) >= threshold}, the same answer, but cheaper for the many
     * pairs that share few hashes: the estimate is the shared hashes below the smaller theta over
     * all hashes of both below it, so shared over the larger sketch's count bounds it from above
     * and a pair under that bound needs no union and intersection built.
     */
    public static boolean resembles(byte[] a, byte[] b, double threshold) {
        CompactSketch left = CompactSketch.heapify(Memory.wrap(a));
        CompactSketch right = CompactSketch.heapify(Memory.wrap(b));
        if (!left.isEmpty() && !right.isEmpty() && upperBound(left, right) < threshold) {
            return false;
        }
        return resemblance(left, right) >= threshold;
    }

    private static double resemblance(CompactSketch left, CompactSketch right) {
        if (left.isEmpty() || right.isEmpty()) {
            return 0.0;
        }
        return JaccardSimilarity.jaccard(left, right)[1];
    }

    private static double upperBound(CompactSketch left, CompactSketch right) {
        long theta = Math.min(left.getThetaLong(), right.getThetaLong());
        long[] l = below(left, theta);
        long[] r = below(right, theta);
        int shared = 0;
        for (int i = 0, j = 0; i < l.length && j < r.length; ) {
            if (l[i] == r[j]) {
                shared++;
                i++;
                j++;
            } else if (l[i] < r[j]) {
                i++;
            } else {
                j++;
            }
        }
        int larger = Math.max(l.length, r.length);
        return larger == 0 ? 1.0 : (double) shared / larger;
    }

    /** The sketch's hashes under theta, sorted. */
    private static long[] below(CompactSketch sketch, long theta) {
        long[] hashes = new long[sketch.getRetainedEntries()];
        int n = 0;
        for (HashIterator it = sketch.iterator(); it.next(); ) {
            if (it.get() < theta) {
                hashes[n++] = it.get();
            }
        }
        long[] under = Arrays.copyOf(hashes, n);
        Arrays.sort(under);
        return under;
    }
}
