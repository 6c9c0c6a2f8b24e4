package io.inkstream.bench;

import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrich and renderer drivers rely on a corpus that is stable, varied and free of duplicates. */
class SyntheticArticlesTest {

    private static final Instant AT = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void theSameNumberGivesTheSameArticleInEveryRun() {
        assertThat(SyntheticArticles.article(42, AT)).isEqualTo(SyntheticArticles.article(42, AT));
    }

    @Test
    void everyArticleHasItsOwnIdHeadlinePathAndCopy() {
        Set<String> ids = new HashSet<>();
        Set<String> headlines = new HashSet<>();
        Set<String> paths = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        IntStream.range(0, 500).forEach(n -> {
            Article a = SyntheticArticles.article(n, AT);
            ids.add(a.getId());
            headlines.add(a.getHeadline());
            bodies.add(String.join("\n", a.getParagraphs()));
            paths.add(SyntheticArticles.enriched(n, AT, Duration.ofMinutes(1)).getCanonicalPath());
        });
        assertThat(ids).hasSize(500);
        assertThat(headlines).hasSize(500);
        assertThat(paths).hasSize(500);
        assertThat(bodies).hasSize(500);
    }

    @Test
    void articlesAreNewsLengthAndWrittenAroundTheirTopicsTerms() {
        Article a = SyntheticArticles.article(3, AT);
        String body = String.join(" ", a.getParagraphs());
        assertThat(body.split(" ").length).isBetween(250, 450);
        assertThat(SyntheticArticles.topicOf(3).terms()).anySatisfy(term -> assertThat(body).contains(term));
        assertThat(a.getSection()).isEqualTo(SyntheticArticles.topicOf(23).section());
    }
}
