package io.inkstream.enrich.related;

/**
 * A Bloom filter of the LSH bands the index holds, so that a search asks Lucene only for the bands some
 * article may share. Nearly every band of a new article is its own alone; looking each of its
 * {@value Shingles#BANDS} bands up in every segment's term dictionary was the largest part of the
 * near-duplicate search (JFR). No false negatives: every band of every live article is in it, so the
 * copies found are exactly the ones Lucene would find for all bands. About 10 bits and
 * {@value #HASHES} probes per band: under 1 % of absent bands pass. Removed articles' bands stay until
 * the index rebuilds the filter from its live articles (when the filter is full or mostly stale).
 */
final class BandFilter {

    static final int HASHES = 7;
    private static final int BITS_PER_BAND = 10;
    private static final int MIN_BITS = 1 << 16;

    private final long[] words;
    private final int mask;
    private final int capacity;
    private int added;

    /** A filter with room for {@code bands} bands at the designed false-positive rate. */
    BandFilter(long bands) {
        long wanted = Math.max(MIN_BITS, bands * BITS_PER_BAND);
        int bits = (int) Math.min(1L << 30, Long.highestOneBit(wanted - 1) << 1);
        this.words = new long[bits >>> 6];
        this.mask = bits - 1;
        this.capacity = bits / BITS_PER_BAND;
    }

    void add(long band) {
        int h1 = (int) band;
        int h2 = (int) (band >>> 32) | 1;
        for (int k = 0; k < HASHES; k++) {
            int bit = (h1 + k * h2) & mask;
            words[bit >>> 6] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(long band) {
        int h1 = (int) band;
        int h2 = (int) (band >>> 32) | 1;
        for (int k = 0; k < HASHES; k++) {
            int bit = (h1 + k * h2) & mask;
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Bands added, removed articles' included. */
    int added() {
        return added;
    }

    /** Bands it holds at the designed false-positive rate. */
    int capacity() {
        return capacity;
    }
}
