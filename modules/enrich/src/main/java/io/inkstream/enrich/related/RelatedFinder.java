package io.inkstream.enrich.related;

import io.inkstream.events.RelatedArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses an article's related news and spots it as a near-duplicate. Candidates are articles
 * published before it (or at the same time) within the window. One whose shingles resemble it at
 * least {@code duplicateResemblance} is the same story (from another agency, say): never listed as
 * related, and the earliest such one (or the original it copies) becomes duplicateOf. The rest are
 * scored {@code 0.75 * cosine of TF-IDF vectors + 0.25 * Jaccard of shared entities}; those that
 * share at least two terms and score at least {@code minScore} are listed, best first; near-equal scores (within 0.01) prefer the same
 * section, then the more recent article.
 */
public final class RelatedFinder {

    static final double TEXT_WEIGHT = 0.75;
    static final double ENTITY_WEIGHT = 0.25;
    static final int MIN_SHARED_TERMS = 2;

    private final Duration window;
    private final int maxRelated;
    private final double minScore;
    private final double duplicateResemblance;

    public RelatedFinder(Duration window, int maxRelated, double minScore, double duplicateResemblance) {
        this.window = window;
        this.maxRelated = maxRelated;
        this.minScore = minScore;
        this.duplicateResemblance = duplicateResemblance;
    }

    /** Related earlier articles, best first, and the id of the story this one copies (or null). */
    public record Result(List<RelatedArticle> related, String duplicateOf) {
    }

    /**
     * The same as {@link #find(Fingerprint, Iterable)} over the indexed articles, looking only at
     * those that share enough terms to be related (or to be a copy) instead of at every one.
     */
    public Result find(Fingerprint self, FingerprintIndex earlier) {
        return find(self, earlier.sharingTerms(self, MIN_SHARED_TERMS));
    }

    public Result find(Fingerprint self, Iterable<Fingerprint> candidates) {
        List<Scored> scored = new ArrayList<>();
        Fingerprint original = null;
        for (Fingerprint candidate : candidates) {
            if (!isEarlierWithinWindow(candidate, self)) {
                continue;
            }
            if (Shingles.resembles(self.shingles(), candidate.shingles(), duplicateResemblance)) {
                if (original == null || candidate.publishedAt().isBefore(original.publishedAt())) {
                    original = candidate;
                }
                continue;
            }
            double text = cosine(self.vector(), candidate.vector());
            double score = TEXT_WEIGHT * text + ENTITY_WEIGHT * jaccard(self.entities(), candidate.entities());
            // one shared word ("China") is chance, not a related story
            if (sharedTerms(self.vector(), candidate.vector()) >= MIN_SHARED_TERMS && score >= minScore) {
                scored.add(new Scored(candidate, score));
            }
        }
        String duplicateOf = original == null ? null : original.original();
        List<RelatedArticle> related = scored.stream()
                .filter(s -> !s.fingerprint().original().equals(duplicateOf == null ? "" : duplicateOf))
                .sorted(bestFirst(self.section()))
                .limit(maxRelated)
                .map(Scored::toRelated)
                .toList();
        return new Result(related, duplicateOf);
    }

    /** Stored articles published before this instant are old enough to drop: out of the window ending at {@code now}. */
    public Instant expiryCutoff(Instant now) {
        return now.minus(window);
    }

    private boolean isEarlierWithinWindow(Fingerprint candidate, Fingerprint self) {
        return !candidate.id().equals(self.id())
                && !candidate.publishedAt().isAfter(self.publishedAt())
                && !candidate.publishedAt().isBefore(self.publishedAt().minus(window));
    }

    private static Comparator<Scored> bestFirst(String section) {
        Comparator<Scored> byRoundedScore = Comparator.comparingLong(s -> -Math.round(s.score() * 100));
        Comparator<Scored> sameSectionFirst = Comparator.comparing(s -> !Objects.equals(s.fingerprint().section(), section));
        return byRoundedScore.thenComparing(sameSectionFirst)
                .thenComparing(s -> s.fingerprint().publishedAt(), Comparator.reverseOrder())
                .thenComparing(s -> s.fingerprint().id());
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return Math.min(1.0, dot);
    }

    static long sharedTerms(Map<String, Double> a, Map<String, Double> b) {
        return a.keySet().stream().filter(b::containsKey).count();
    }

    static double jaccard(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(new HashSet<>(b));
        return (double) shared.size() / union.size();
    }

    private record Scored(Fingerprint fingerprint, double score) {
        RelatedArticle toRelated() {
            return RelatedArticle.newBuilder()
                    .setId(fingerprint.id())
                    .setHeadline(fingerprint.headline())
                    .setCanonicalPath(fingerprint.canonicalPath())
                    .setSection(fingerprint.section())
                    .setPublishedAt(fingerprint.publishedAt())
                    .setScore(Math.round(score * 1e4) / 1e4)
                    .build();
        }
    }
}
