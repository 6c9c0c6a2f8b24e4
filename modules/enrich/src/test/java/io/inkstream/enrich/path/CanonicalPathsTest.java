package io.inkstream.enrich.path;

import io.inkstream.enrich.TestArticles;
import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathsTest {

    @Test
    void fixtureGetsSectionBeijingDateHeadlineSlugAndShortId() {
        Article article = TestArticles.fixture().build();

        assertThat(CanonicalPaths.pathFor(article))
                .isEqualTo("/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html");
    }

    @Test
    void dateIsTheDayInTheSourceZoneNotUtc() {
        // 23:30 UTC on the 24th is already the 25th in Beijing and still the 24th in New York
        Instant lateEvening = Instant.parse("2015-09-24T23:30:00Z");
        Article beijing = TestArticles.fixture().setPublishedAt(lateEvening).setPublishedOffset("Asia/Shanghai").build();
        Article newYork = TestArticles.fixture().setPublishedAt(lateEvening).setPublishedOffset("-04:00").build();

        assertThat(CanonicalPaths.pathFor(beijing)).contains("/2015-09-25/");
        assertThat(CanonicalPaths.pathFor(newYork)).contains("/2015-09-24/");
    }

    @Test
    void slugIsLowerCaseAsciiWordsWithoutPunctuationOrAccents() {
        assertThat(CanonicalPaths.slug("Xi's Café visit: U.S.-China talks \u2014 \"a new start\"!"))
                .isEqualTo("xis-cafe-visit-us-china-talks-a-new-start");
    }

    @Test
    void longHeadlineIsCutBetweenWords() {
        String slug = CanonicalPaths.slug("Officials from both countries agreed on a framework for cooperation "
                + "against cybercrime after three days of talks");

        assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-");
        assertThat("officials-from-both-countries-agreed-on-a-framework-for-cooperation").startsWith(slug);
    }

    @Test
    void chineseHeadlineFallsBackToAPlainSlug() {
        assertThat(CanonicalPaths.slug("习近平会见美国科技企业代表")).isEqualTo("story");
    }

    @Test
    void shortIdComesFromAnOpaqueIdByHashingAndIsStable() {
        String id = "urn:newsml:example.com:20150925:XI-CYBER";

        assertThat(CanonicalPaths.shortId(id)).hasSize(6).matches("[0-9a-f]{6}").isEqualTo(CanonicalPaths.shortId(id));
        assertThat(CanonicalPaths.shortId(id)).isNotEqualTo(CanonicalPaths.shortId(id + "-2"));
    }

    @Test
    void articleWithoutSectionGoesUnderNews() {
        Article article = TestArticles.fixture().setSection(null).build();

        assertThat(CanonicalPaths.pathFor(article)).startsWith("/news/2015-09-25/");
    }
}
