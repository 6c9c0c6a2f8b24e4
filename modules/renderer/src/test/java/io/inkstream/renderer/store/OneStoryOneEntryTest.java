package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near-duplicates (enrich's duplicateOf) are one story: every list shows it once, as its first
 * published member, and the other versions stay reachable.
 */
class OneStoryOneEntryTest {

    private static final Instant T = Instant.parse("2015-09-25T00:00:00Z");

    private final MutableClock clock = new MutableClock(T.plusSeconds(3600));
    private final ArticleStore store = new ArticleStore(clock);

    private static String id(String suffix) {
        return "urn:inkstream:article:" + suffix;
    }

    private static EnrichedArticle article(String suffix, String section, int minutes) {
        return TestArticles.simple(suffix, section, "Story " + suffix, T.plusSeconds(60L * minutes), 3);
    }

    /** A copy of {@code original} from another agency, published {@code minutes} after T. */
    private static EnrichedArticle copy(String suffix, String original, String section, int minutes) {
        EnrichedArticle e = article(suffix, section, minutes);
        e.setDuplicateOf(id(original));
        return e;
    }

    private void apply(EnrichedArticle e) {
        store.apply(e.getArticle().getId(), e);
    }

    private static List<String> ids(List<EnrichedArticle> list) {
        return list.stream().map(e -> e.getArticle().getId().substring("urn:inkstream:article:".length())).toList();
    }

    @Test
    void threeVersionsOfOneStoryAreOneEntryOnTheFrontPageAsTheFirstPublished() {
        apply(article("a", "World", 1));
        apply(article("other", "World", 2));
        apply(copy("b", "a", "World", 3));
        apply(copy("c", "a", "World", 4));

        assertThat(ids(store.latest(null, 0, 10))).containsExactly("other", "a");
        assertThat(store.count(null)).isEqualTo(2);
        assertThat(ids(store.latest("world", 0, 10))).containsExactly("other", "a");
        assertThat(store.count("world")).isEqualTo(2);
        assertThat(ids(store.topNews(50, 5))).containsExactly("other", "a");
        assertThat(ids(store.select(e -> true, 0, 10))).containsExactly("other", "a");
    }

    @Test
    void everyVersionStaysReachableAndNamesTheOthers() {
        EnrichedArticle a = article("a", "World", 1);
        EnrichedArticle b = copy("b", "a", "World", 3);
        EnrichedArticle c = copy("c", "a", "World", 4);
        apply(a);
        apply(b);
        apply(c);

        assertThat(store.byPath(b.getCanonicalPath())).isInstanceOf(ArticleStore.Lookup.Found.class);
        assertThat(ids(store.alsoFrom(a))).containsExactly("b", "c");
        assertThat(ids(store.alsoFrom(c))).containsExactly("a", "b");
        assertThat(store.storyEntry(id("c")).map(e -> e.getArticle().getId())).contains(id("a"));
        assertThat(store.storyEntry(id("other"))).isEmpty();
    }

    @Test
    void whenTheFirstVersionIsKilledTheNextOneStandsForTheStory() {
        EnrichedArticle a = article("a", "World", 1);
        apply(a);
        apply(copy("b", "a", "World", 3));
        apply(copy("c", "a", "World", 4));

        apply(TestArticles.nextVersion(article("a", "World", 1), T, x -> x.setPubStatus(PubStatus.canceled)));

        assertThat(ids(store.latest(null, 0, 10))).containsExactly("b");
        assertThat(store.count(null)).isEqualTo(1);
        assertThat(store.storyEntry(id("c")).map(e -> e.getArticle().getId())).contains(id("b"));
        assertThat(ids(store.alsoFrom(store.byId(id("b")).orElseThrow()))).containsExactly("c");
    }

    @Test
    void aCopyFiledInAnotherSectionIsThatSectionsEntryForTheStory() {
        apply(article("a", "World", 1));
        apply(copy("b", "a", "Europe", 3));

        assertThat(ids(store.latest(null, 0, 10))).containsExactly("a");
        assertThat(ids(store.latest("europe", 0, 10))).containsExactly("b");
        assertThat(store.count("europe")).isEqualTo(1);
        assertThat(ids(store.latest("world", 0, 10))).containsExactly("a");
    }

    @Test
    void aCopyStillUnderEmbargoDoesNotHideAndIsNotCounted() {
        apply(article("a", "World", 5));
        EnrichedArticle early = copy("b", "a", "World", 1);
        early.getArticle().setEmbargoUntil(T.plusSeconds(7200));
        apply(early);

        assertThat(ids(store.latest(null, 0, 10))).containsExactly("a");
        assertThat(store.count(null)).isEqualTo(1);

        clock.set(T.plusSeconds(7200));
        assertThat(ids(store.latest(null, 0, 10))).containsExactly("b");
        assertThat(store.count(null)).isEqualTo(1);
    }

    @Test
    void pagesOfAListCountEachStoryOnce() {
        apply(article("a", "World", 1));
        for (int i = 0; i < 5; i++) {
            apply(copy("copy" + i, "a", "World", 10 + i));
        }
        apply(article("z", "World", 20));

        assertThat(ids(store.latest(null, 0, 1))).containsExactly("z");
        assertThat(ids(store.latest(null, 1, 1))).containsExactly("a");
        assertThat(store.latest(null, 2, 1)).isEmpty();
        assertThat(store.count(null)).isEqualTo(2);
    }
}
