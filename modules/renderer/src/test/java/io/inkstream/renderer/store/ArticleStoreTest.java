package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's derived views (sections, listings, counts, indexed subsets) follow every change applied. */
class ArticleStoreTest {

    private static final Instant T = Instant.parse("2015-09-25T00:00:00Z");

    private final MutableClock clock = new MutableClock(T.plusSeconds(3600));
    private final ArticleStore store = new ArticleStore(clock);

    private static EnrichedArticle article(String id, String section, int minutes) {
        return TestArticles.simple(id, section, "Story " + id, T.plusSeconds(60L * minutes), 3);
    }

    private static String id(String suffix) {
        return "urn:inkstream:article:" + suffix;
    }

    private static List<String> headlines(List<EnrichedArticle> list) {
        return list.stream().map(e -> e.getArticle().getHeadline()).toList();
    }

    @Test
    void sectionsFollowTheNewestSpellingAndDropSectionsLeftEmpty() {
        store.apply(id("a"), article("a", "Travel News", 1));
        store.apply(id("b"), article("b", "Politics", 2));
        store.apply(id("c"), article("c", "travel news", 3));
        assertThat(store.sections()).containsExactly("travel news", "Politics");

        store.apply(id("c"), null);
        assertThat(store.sections()).containsExactly("Politics", "Travel News");

        store.apply(id("b"), TestArticles.nextVersion(article("b", "Politics", 2), T, a -> a.setPubStatus(PubStatus.canceled)));
        assertThat(store.sections()).containsExactly("Travel News");
    }

    @Test
    void anArticleMovedToAnotherSectionIsListedAndCountedOnlyThere() {
        store.apply(id("a"), article("a", "Politics", 1));
        store.apply(id("a"), TestArticles.nextVersion(article("a", "Politics", 1), T, a -> a.setSection("Business")));

        assertThat(store.latest("politics", 0, 10)).isEmpty();
        assertThat(store.count("politics")).isZero();
        assertThat(headlines(store.latest("business", 0, 10))).containsExactly("Story a");
        assertThat(store.count("business")).isEqualTo(1);
        assertThat(store.count(null)).isEqualTo(1);
    }

    @Test
    void embargoedArticleIsListedAndCountedOnlyOnceItLifts() {
        store.apply(id("a"), article("a", "Politics", 1));
        EnrichedArticle held = article("b", "Politics", 2);
        held.getArticle().setEmbargoUntil(T.plusSeconds(7200));
        store.apply(id("b"), held);

        assertThat(headlines(store.latest("politics", 0, 10))).containsExactly("Story a");
        assertThat(store.count("politics")).isEqualTo(1);
        assertThat(store.count(null)).isEqualTo(1);

        clock.set(T.plusSeconds(7200));
        assertThat(headlines(store.latest("politics", 0, 10))).containsExactly("Story b", "Story a");
        assertThat(store.count("politics")).isEqualTo(2);
    }

    @Test
    void withheldArticleIsNeitherListedNorCounted() {
        store.apply(id("a"), article("a", "Politics", 1));
        store.apply(id("a"), TestArticles.nextVersion(article("a", "Politics", 1), T, a -> a.setPubStatus(PubStatus.withheld)));

        assertThat(store.latest(null, 0, 10)).isEmpty();
        assertThat(store.count("politics")).isZero();
    }

    @Test
    void indexedSubsetFollowsNewVersionsKillsAndLateReplays() {
        Predicate<EnrichedArticle> urgent = e -> e.getArticle().getPriority() == 1;
        EnrichedArticle before = article("a", "Politics", 1);
        before.getArticle().setPriority(1);
        store.apply(id("a"), before);
        ArticleStore.Subset subset = store.index(urgent);
        assertThat(store.index(urgent)).isSameAs(subset);
        assertThat(headlines(store.latestIn(subset, 0, 4))).containsExactly("Story a");

        EnrichedArticle v2 = article("a", "Politics", 1);
        store.apply(id("a"), TestArticles.nextVersion(v2, T, a -> a.setPriority(4)));
        assertThat(store.latestIn(subset, 0, 4)).isEmpty();

        EnrichedArticle lateV1 = article("a", "Politics", 1);
        lateV1.getArticle().setPriority(1);
        store.apply(id("a"), lateV1);
        assertThat(store.latestIn(subset, 0, 4)).isEmpty();

        EnrichedArticle other = article("b", "Business", 2);
        other.getArticle().setPriority(1);
        store.apply(id("b"), other);
        assertThat(headlines(store.latestIn(subset, 0, 4))).containsExactly("Story b");
        store.apply(id("b"), null);
        assertThat(store.latestIn(subset, 0, 4)).isEmpty();
    }

    @Test
    void killRecordKeepsEveryPathGoneWithoutTheArticlesHistory() {
        store.applyKilled(TestArticles.XI_ID, new KilledArticle("Xi urges constructive cyberspace talks",
                List.of(TestArticles.XI_PATH, "/politics/2015-09-25/xi-cyberspace-3f2a9c.html")));

        assertThat(store.byPath(TestArticles.XI_PATH)).isEqualTo(new ArticleStore.Lookup.Gone("Xi urges constructive cyberspace talks"));
        assertThat(store.byPath("/politics/2015-09-25/xi-cyberspace-3f2a9c.html")).isInstanceOf(ArticleStore.Lookup.Gone.class);
        assertThat(store.isKilled(TestArticles.XI_ID)).isTrue();
        assertThat(store.byPath("/politics/2015-09-25/other.html")).isInstanceOf(ArticleStore.Lookup.Missing.class);
    }

    @Test
    void articleThatCameBackIsShownWhateverOrderItsKillRecordAndVersionsArriveIn() {
        EnrichedArticle back = TestArticles.nextVersion(TestArticles.xiCyberspace(), T, a -> a.setVersion(3));
        store.apply(TestArticles.XI_ID, back);
        store.applyKilled(TestArticles.XI_ID, new KilledArticle("Xi urges constructive cyberspace talks", List.of(TestArticles.XI_PATH)));
        assertThat(store.byPath(TestArticles.XI_PATH)).isInstanceOf(ArticleStore.Lookup.Found.class);

        store.applyKilled(TestArticles.XI_ID, null);
        store.apply(TestArticles.XI_ID, null);
        assertThat(store.byPath(TestArticles.XI_PATH)).isInstanceOf(ArticleStore.Lookup.Gone.class);
    }

    @Test
    void killRecordWithoutHeadlineStillAnswersGone() {
        store.applyKilled(id("old"), new KilledArticle(null, List.of("/world/old.html")));
        assertThat(store.byPath("/world/old.html")).isEqualTo(new ArticleStore.Lookup.Gone(""));
    }
}
