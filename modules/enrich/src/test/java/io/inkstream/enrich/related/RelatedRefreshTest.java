package io.inkstream.enrich.related;

import io.inkstream.events.RelatedArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedRefreshTest {

    @Test
    void joiningArticlesTakeTheirPlaceByScoreLeavingOnesGoAndTheListKeepsItsLength() {
        List<RelatedArticle> found = List.of(r("a", 0.50, "Politics", 1), r("b", 0.30, "Politics", 2), r("gone", 0.25, "Politics", 3));
        List<RelatedArticle> merged = RelatedRefresh.merge(found,
                List.of(r("new", 0.40, "Politics", 9), r("a", 0.99, "Politics", 1)), Set.of("gone"), "Politics", 3);

        assertThat(merged).extracting(RelatedArticle::getId).containsExactly("a", "new", "b");
        assertThat(merged.get(0).getScore()).as("what the search found wins over a request's copy").isEqualTo(0.50);
        assertThat(RelatedRefresh.merge(found, List.of(), Set.of(), "Politics", 2)).hasSize(2);
    }

    @Test
    void nearEqualScoresPreferTheSectionThenTheMoreRecent() {
        List<RelatedArticle> merged = RelatedRefresh.merge(List.of(r("other", 0.301, "Business", 5),
                r("older", 0.298, "Politics", 1), r("newer", 0.302, "Politics", 4)), List.of(), Set.of(), "Politics", 5);

        assertThat(merged).extracting(RelatedArticle::getId).containsExactly("newer", "older", "other");
        assertThat(RelatedRefresh.sameArticles(merged, List.of(r("newer", 0.1, null, 0), r("older", 0.1, null, 0),
                r("other", 0.1, null, 0)))).isTrue();
        assertThat(RelatedRefresh.sameArticles(merged, merged.subList(0, 2))).isFalse();
    }

    private static RelatedArticle r(String id, double score, String section, int hour) {
        return RelatedArticle.newBuilder().setId(id).setHeadline(id).setCanonicalPath("/" + id + ".html").setSection(section)
                .setPublishedAt(Instant.parse("2015-09-25T00:00:00Z").plusSeconds(3600L * hour)).setScore(score).build();
    }
}
