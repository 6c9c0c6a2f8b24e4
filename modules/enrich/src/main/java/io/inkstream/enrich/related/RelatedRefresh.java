package io.inkstream.enrich.related;

import io.inkstream.events.RelatedArticle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an article's refreshed related list is made (decision 0033): what a search of the window found around
 * it, plus the articles that asked to join it (they may not have reached this instance's index yet), less
 * the ones that left (killed or withheld: the index may still hold them), in the order of {@link RelatedFinder}.
 */
public final class RelatedRefresh {

    private RelatedRefresh() {
    }

    /**
     * The new list: {@code found} (best first), with {@code joining} added where the search did not find them
     * and {@code leaving} taken out, ordered by the related-news rule for {@code section}, at most {@code max}.
     */
    public static List<RelatedArticle> merge(List<RelatedArticle> found, Collection<RelatedArticle> joining,
                                             Set<String> leaving, String section, int max) {
        Map<String, RelatedArticle> byId = new LinkedHashMap<>();
        for (RelatedArticle r : found) {
            byId.putIfAbsent(r.getId(), r);
        }
        for (RelatedArticle r : joining) {
            byId.putIfAbsent(r.getId(), r);
        }
        leaving.forEach(byId::remove);
        List<RelatedArticle> all = new ArrayList<>(byId.values());
        all.sort(bestFirst(section));
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    /** Whether two lists name the same articles in the same order (scores may differ in the last digit). */
    public static boolean sameArticles(List<RelatedArticle> a, List<RelatedArticle> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).getId().equals(b.get(i).getId())) {
                return false;
            }
        }
        return true;
    }

    /** {@link RelatedFinder#bestFirst} for listed articles: scores within 0.01 prefer the section, then the more recent. */
    static Comparator<RelatedArticle> bestFirst(String section) {
        Comparator<RelatedArticle> byRoundedScore = Comparator.comparingLong(r -> -Math.round(r.getScore() * 100));
        Comparator<RelatedArticle> sameSectionFirst = Comparator.comparing(r -> !Objects.equals(r.getSection(), section));
        return byRoundedScore.thenComparing(sameSectionFirst)
                .thenComparing(r -> r.getPublishedAt() == null ? Long.MIN_VALUE : r.getPublishedAt().toEpochMilli(),
                        Comparator.reverseOrder())
                .thenComparing(RelatedArticle::getId);
    }
}
