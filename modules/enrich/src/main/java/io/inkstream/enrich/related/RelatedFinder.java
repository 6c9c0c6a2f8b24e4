package io.inkstream.enrich.related;

import io.inkstream.events.RelatedArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The rules for an article's related news and for spotting it as a near-duplicate (which articles
 * qualify and in which order); {@link RelatedIndex} finds the candidates. Candidates are articles
 * published before it (or at the same time) within the window. One whose shingles resemble it at
 * least {@code duplicateResemblance} is the same story (from another agency, say): never listed as
 * related, and the earliest such one (or the original it copies) becomes duplicateOf. The rest are
 * scored {@code 0.75 * cosine of TF-IDF vectors + 0.25 * Jaccard of shared entities}; those that
 * share at least two terms and score at least {@code minScore} are listed, best first; near-equal
 * scores (within 0.01) prefer the same section, then the more recent article.
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
    public record Result(java.util.List<RelatedArticle> related, String duplicateOf) {
    }

    /** Stored articles indexed before this instant are old enough to drop: out of the window ending at {@code now}. */
    public Instant expiryCutoff(Instant now) {
        return now.minus(window);
    }

    int maxRelated() {
        return maxRelated;
    }

    double minScore() {
        return minScore;
    }

    boolean isEarlierWithinWindow(IndexedArticle candidate, IndexedArticle self) {
        return !candidate.id().equals(self.id())
                && candidate.publishedAtMillis() <= self.publishedAtMillis()
                && candidate.publishedAtMillis() >= self.publishedAtMillis() - window.toMillis();
    }

    /** For a refresh (decision 0033): published before or after it, within the window either side. */
    boolean isWithinWindowAround(IndexedArticle candidate, IndexedArticle self) {
        return !candidate.id().equals(self.id())
                && Math.abs(candidate.publishedAtMillis() - self.publishedAtMillis()) <= window.toMillis();
    }

    boolean isCopy(IndexedArticle candidate, IndexedArticle self) {
        return Shingles.resemblance(self.minHash(), candidate.minHash()) >= duplicateResemblance;
    }

    /** The exact score of a candidate, or a negative number when it does not qualify as related. */
    double score(IndexedArticle self, IndexedArticle candidate) {
        int shared = self.sharedTerms(candidate);
        // one shared word ("China") is chance, not a related story
        if (shared < MIN_SHARED_TERMS) {
            return -1;
        }
        double score = TEXT_WEIGHT * Math.min(1.0, self.dot(candidate))
                + ENTITY_WEIGHT * self.entityJaccard(candidate);
        return score >= minScore ? score : -1;
    }

    /**
     * The lowest score an unseen candidate needs to still make the list, given the current last of
     * a full list: anything below the lower edge of its 0.01 band ranks after it whatever its section.
     */
    static double needed(double lastScore) {
        return (Math.round(lastScore * 100) - 0.5) / 100;
    }

    static Comparator<Scored> bestFirst(String section) {
        Comparator<Scored> byRoundedScore = Comparator.comparingLong(s -> -Math.round(s.score() * 100));
        Comparator<Scored> sameSectionFirst = Comparator.comparing(s -> !Objects.equals(s.article().section(), section));
        return byRoundedScore.thenComparing(sameSectionFirst)
                .thenComparing(s -> s.article().publishedAtMillis(), Comparator.reverseOrder())
                .thenComparing(s -> s.article().id());
    }

    /** Earliest first, then by id: which of several resembling articles is the original. */
    static final Comparator<IndexedArticle> EARLIEST = Comparator.comparingLong(IndexedArticle::publishedAtMillis)
            .thenComparing(IndexedArticle::id);

    /** The order articles leave the window in: indexed earliest first, then by id. */
    static final Comparator<IndexedArticle> LEAVES_FIRST = Comparator.comparingLong(IndexedArticle::indexedAtMillis)
            .thenComparing(IndexedArticle::id);

    record Scored(IndexedArticle article, double score) {
        RelatedArticle toRelated() {
            return RelatedArticle.newBuilder()
                    .setId(article.id())
                    .setHeadline(article.headline())
                    .setCanonicalPath(article.canonicalPath())
                    .setSection(article.section())
                    .setPublishedAt(Instant.ofEpochMilli(article.publishedAtMillis()))
                    .setScore(Math.round(score * 1e4) / 1e4)
                    .build();
        }
    }
}
