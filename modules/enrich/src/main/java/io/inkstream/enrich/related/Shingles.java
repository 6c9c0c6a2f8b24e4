package io.inkstream.enrich.related;

import io.inkstream.enrich.keyword.Terms;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The near-duplicate fingerprint of a text: a MinHash signature of its overlapping three-word
 * shingles, and the LSH bands that find the texts resembling it without comparing it with every
 * other. Two agencies' copies of one story share most of their shingles, two stories on one topic
 * very few.
 *
 * <p>The signature is Lucene's {@link MinHashFilter} (Murmur3 over each shingle, one-permutation
 * hashing into {@value #BUCKETS} buckets, empty buckets filled by rotation): the well-kept library
 * implementation, so none is written here. The share of equal buckets between two signatures
 * estimates the Jaccard resemblance of the shingle sets. Banding is the classic LSH: the signature
 * is cut into {@value #BANDS} bands of {@value #ROWS} buckets, and two texts are candidates when any
 * band is equal; a pair with resemblance 0.5 is a candidate with probability
 * {@code 1 - (1 - 0.5^3)^40} ≈ 0.995, one with 0.2 with 0.28, one with 0.05 with 0.005. Candidates
 * are then checked against the threshold on the whole signature.
 */
public final class Shingles {

    static final int WORDS_PER_SHINGLE = 3;
    static final int BUCKETS = 120;
    static final int ROWS = 3;
    static final int BANDS = BUCKETS / ROWS;

    private static final Analyzer MIN_HASH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = new WhitespaceTokenizer();
            ShingleFilter shingles = new ShingleFilter(words, WORDS_PER_SHINGLE, WORDS_PER_SHINGLE);
            shingles.setOutputUnigrams(false);
            shingles.setOutputUnigramsIfNoShingles(true); // a text of one or two words: its words
            return new TokenStreamComponents(words, new MinHashFilter(shingles, 1, BUCKETS, 1, true));
        }
    };

    private Shingles() {
    }

    /**
     * The MinHash signature of the text's shingles: {@value #BUCKETS} values (32 bits of each
     * bucket's minimum hash), or none for a text without words.
     */
    public static int[] minHash(String text) {
        String words = String.join(" ", Terms.words(text));
        if (words.isEmpty()) {
            return new int[0];
        }
        int[] signature = new int[BUCKETS];
        int n = 0;
        try (TokenStream stream = MIN_HASH.tokenStream("shingles", words)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && n < BUCKETS) {
                // eight chars of a 128-bit hash; the last two are low bits, not used to pick the bucket
                char[] chars = term.buffer();
                int length = term.length();
                signature[n++] = (chars[length - 2] << 16) | chars[length - 1];
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return n == BUCKETS ? signature : Arrays.copyOf(signature, n);
    }

    /** Estimated Jaccard resemblance of two texts' shingle sets, 0..1 (0 when either has none). */
    public static double resemblance(int[] a, int[] b) {
        if (a == null || b == null || a.length == 0 || a.length != b.length) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            equal += a[i] == b[i] ? 1 : 0;
        }
        return (double) equal / a.length;
    }

    /** The signature's LSH bands, each as one 64-bit key (band number and its rows mixed); none for none. */
    public static long[] bands(int[] signature) {
        if (signature == null || signature.length != BUCKETS) {
            return new long[0];
        }
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = 0x9E3779B97F4A7C15L * (band + 1);
            for (int row = 0; row < ROWS; row++) {
                key = mix(key ^ (signature[band * ROWS + row] & 0xFFFFFFFFL));
            }
            bands[band] = key;
        }
        return bands;
    }

    /** SplitMix64's finalizer: a full-avalanche 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
