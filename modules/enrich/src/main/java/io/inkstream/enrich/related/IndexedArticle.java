package io.inkstream.enrich.related;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint as the index keeps it in memory to rescore candidates exactly: terms and entities as
 * ids of one dictionary (sorted, with the weights alongside), so that an article costs about a
 * kilobyte and a score is a merge of two short arrays. {@code queryTerms} keeps the terms in name
 * order, so a score sums its products in the same order in every run (the dictionary's ids differ
 * from one run to the next).
 */
final class IndexedArticle {

    private final long seq;
    private final String id;
    private final String headline;
    private final String canonicalPath;
    private final String section;
    private final long publishedAtMillis;
    private final long indexedAtMillis;
    private final String duplicateOf;
    /** Term ids ascending, and each one's weight in the unit vector. */
    private final int[] terms;
    private final double[] weights;
    /** The terms in name order, as ids, with their weights: the order a score sums in. */
    private final int[] queryTerms;
    private final double[] queryWeights;
    /** Distinct entity ids ascending. */
    private final int[] entities;
    private final int[] minHash;
    /** Its LSH bands, computed once: every search compares them with the articles not yet in Lucene's reader. */
    private final long[] bands;

    private IndexedArticle(long seq, Fingerprint f, int[] terms, double[] weights, int[] queryTerms, double[] queryWeights,
                           int[] entities) {
        this.seq = seq;
        this.id = f.id();
        this.headline = f.headline();
        this.canonicalPath = f.canonicalPath();
        this.section = f.section();
        this.publishedAtMillis = f.publishedAt().toEpochMilli();
        this.indexedAtMillis = f.indexedAt().toEpochMilli();
        this.duplicateOf = f.duplicateOf();
        this.terms = terms;
        this.weights = weights;
        this.queryTerms = queryTerms;
        this.queryWeights = queryWeights;
        this.entities = entities;
        this.minHash = f.minHash();
        this.bands = Shingles.bands(minHash);
    }

    /**
     * The fingerprint with ids from the dictionary; {@code learn} adds unknown terms to it (an indexed
     * article), otherwise they get no id and match nothing (a query).
     */
    static IndexedArticle of(long seq, Fingerprint f, Map<String, Integer> dictionary, boolean learn) {
        TreeMap<String, Double> byName = new TreeMap<>(f.vector());
        int[] queryTerms = new int[byName.size()];
        double[] queryWeights = new double[byName.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : byName.entrySet()) {
            queryTerms[n] = idOf(e.getKey(), dictionary, learn);
            queryWeights[n++] = e.getValue();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(queryTerms[a], queryTerms[b]));
        int[] terms = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            terms[i] = queryTerms[order[i]];
            weights[i] = queryWeights[order[i]];
        }
        Set<String> distinct = new LinkedHashSet<>(f.entities());
        int[] entities = distinct.stream().mapToInt(name -> idOf(name, dictionary, learn)).sorted().toArray();
        return new IndexedArticle(seq, f, terms, weights, queryTerms, queryWeights, entities);
    }

    private static int idOf(String name, Map<String, Integer> dictionary, boolean learn) {
        Integer known = dictionary.get(name);
        if (known != null) {
            return known;
        }
        if (!learn) {
            return -1;
        }
        int next = dictionary.size();
        dictionary.put(name, next);
        return next;
    }

    /** The dot product of the two unit vectors, summed in this article's term-name order. */
    double dot(IndexedArticle other) {
        double dot = 0;
        for (int i = 0; i < queryTerms.length; i++) {
            int at = queryTerms[i] < 0 ? -1 : Arrays.binarySearch(other.terms, queryTerms[i]);
            if (at >= 0) {
                dot += queryWeights[i] * other.weights[at];
            }
        }
        return dot;
    }

    /** This article's weight for a term id, 0 when it lacks the term. */
    double weightOf(int term) {
        int at = term < 0 ? -1 : Arrays.binarySearch(terms, term);
        return at >= 0 ? weights[at] : 0;
    }

    boolean hasEntity(int entity) {
        return entity >= 0 && Arrays.binarySearch(entities, entity) >= 0;
    }

    int sharedTerms(IndexedArticle other) {
        return sharedSorted(terms, other.terms);
    }

    /** Shared entities over all entities of both; 0 when either has none. */
    double entityJaccard(IndexedArticle other) {
        if (entities.length == 0 || other.entities.length == 0) {
            return 0.0;
        }
        int shared = sharedSorted(entities, other.entities);
        return (double) shared / (entities.length + other.entities.length - shared);
    }

    private static int sharedSorted(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < 0) {
                i++;
            } else if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** The article this one stands for when later copies point at it: its own original if it is a copy. */
    String original() {
        return duplicateOf != null ? duplicateOf : id;
    }

    long seq() {
        return seq;
    }

    String id() {
        return id;
    }

    String headline() {
        return headline;
    }

    String canonicalPath() {
        return canonicalPath;
    }

    String section() {
        return section;
    }

    long publishedAtMillis() {
        return publishedAtMillis;
    }

    /** When it entered the window (its publication, or its arrival when it came dated in the past). */
    long indexedAtMillis() {
        return indexedAtMillis;
    }

    int[] minHash() {
        return minHash;
    }

    long[] bands() {
        return bands;
    }

    int entityCount() {
        return entities.length;
    }
}
