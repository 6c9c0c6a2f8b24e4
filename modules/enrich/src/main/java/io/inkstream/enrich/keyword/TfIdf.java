package io.inkstream.enrich.keyword;

import io.inkstream.events.Keyword;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs an article's terms by TF-IDF against the corpus as it stands: sublinear term frequency
 * {@code 1 + ln(count)} (a word said three times is not three times as telling) times the smoothed
 * inverse document frequency {@code ln((1 + N) / (1 + df)) + 1}; a term common to every article
 * weighs little, a term only this story uses weighs most.
 */
public final class TfIdf {

    /** Highest weight first; equal weights alphabetically, so results never depend on map order. */
    private static final Comparator<Map.Entry<String, Double>> BEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private TfIdf() {
    }

    /** An article's terms as enrich uses them, from one weighing: its keywords and its similarity vector. */
    public record Profile(List<Keyword> keywords, Map<String, Double> vector) {
    }

    /** Weighs the terms once and derives the best {@code maxKeywords} keywords and the {@code vectorTerms} vector. */
    public static Profile profile(Map<String, Integer> termCounts, CorpusStats corpus, int maxKeywords, int vectorTerms) {
        Map<String, Double> weights = weights(termCounts, corpus);
        return new Profile(keywords(weights, maxKeywords), unitVector(weights, vectorTerms));
    }

    /** Every term's weight, highest first. */
    public static Map<String, Double> weights(Map<String, Integer> termCounts, CorpusStats corpus) {
        long documents = corpus.documents();
        Map<String, Double> weights = new LinkedHashMap<>();
        termCounts.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (1.0 + Math.log(e.getValue()))
                        * (Math.log((1.0 + documents) / (1.0 + corpus.documentFrequency(e.getKey()))) + 1.0)))
                .sorted(BEST_FIRST)
                .forEach(e -> weights.put(e.getKey(), e.getValue()));
        return weights;
    }

    /** The best {@code limit} terms as keywords, scores rounded to four decimals. */
    public static List<Keyword> keywords(Map<String, Double> weights, int limit) {
        return weights.entrySet().stream()
                .sorted(BEST_FIRST)
                .limit(limit)
                .map(e -> Keyword.newBuilder().setTerm(e.getKey()).setScore(Math.round(e.getValue() * 1e4) / 1e4).build())
                .toList();
    }

    /** The best {@code limit} weights scaled to unit length, for cosine similarity. */
    public static Map<String, Double> unitVector(Map<String, Double> weights, int limit) {
        Map<String, Double> top = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(BEST_FIRST)
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        double norm = Math.sqrt(top.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            top.replaceAll((term, weight) -> weight / norm);
        }
        return top;
    }

}
