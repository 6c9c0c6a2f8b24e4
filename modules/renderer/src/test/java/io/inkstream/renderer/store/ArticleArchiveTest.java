package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The full articles on disk (real RocksDB in a temporary directory): what is kept, replaced, dropped, cached. */
class ArticleArchiveTest {

    private static final Instant T = Instant.parse("2015-09-25T00:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T.plusSeconds(3600));

    private static EnrichedArticle article(String suffix, int minutes) {
        return TestArticles.simple(suffix, "Politics", "Story " + suffix, T.plusSeconds(60L * minutes), 3);
    }

    private static String id(String suffix) {
        return "urn:inkstream:article:" + suffix;
    }

    @Test
    void anArticleComesBackFromDiskAsItWasStored() {
        EnrichedArticle xi = TestArticles.xiCyberspace();
        try (ArticleArchive archive = ArticleArchive.onDisk(dir, 0)) {
            archive.put(TestArticles.XI_ID, xi);
            archive.flush();

            EnrichedArticle back = archive.get(TestArticles.XI_ID);
            // Avro's equals cannot compare a decoded array of records with timestamps; its JSON can
            assertThat(back).isNotSameAs(xi);
            assertThat(back.toString()).isEqualTo(xi.toString());
            assertThat(archive.get("urn:inkstream:article:unknown")).isNull();
            assertThat(archive.bytesOnDisk()).isPositive();
        }
    }

    @Test
    void openingAgainWipesWhatWasThereForTheFeederRebuildsItFromTheTopic() {
        try (ArticleArchive archive = ArticleArchive.onDisk(dir, 10)) {
            archive.put(id("a"), article("a", 1));
            archive.flush();
        }
        try (ArticleArchive reopened = ArticleArchive.onDisk(dir, 10)) {
            assertThat(reopened.get(id("a"))).isNull();
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedWithTheReason() {
        try (ArticleArchive archive = ArticleArchive.onDisk(dir, 10)) {
            archive.put(id("a"), article("a", 1));
            assertThatThrownBy(() -> ArticleArchive.onDisk(dir, 10))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another renderer");
        }
    }

    @Test
    void aNewerVersionReplacesTheOlderOneOnDiskAndALateOlderOneDoesNot() {
        try (ArticleStore store = new ArticleStore(clock, ArticleArchive.onDisk(dir, 0))) {
            store.apply(id("a"), article("a", 1));
            store.apply(id("a"), TestArticles.nextVersion(article("a", 1), T, a -> a.setHeadline("Story a, updated")));
            store.apply(id("a"), article("a", 1)); // version 1 replayed late

            assertThat(store.byId(id("a")).orElseThrow().getArticle().getHeadline()).isEqualTo("Story a, updated");
            assertThat(store.archive().get(id("a")).getArticle().getVersion()).isEqualTo(2);
            assertThat(store.latest(null, 0, 10)).extracting(e -> e.getArticle().getHeadline())
                    .containsExactly("Story a, updated");
        }
    }

    @Test
    void aKilledArticleLeavesTheDiskAndItsPathAnswersGoneWithItsLastHeadline() {
        try (ArticleStore store = new ArticleStore(clock, ArticleArchive.onDisk(dir, 10))) {
            EnrichedArticle a = article("a", 1);
            String path = a.getCanonicalPath();
            store.apply(id("a"), a);
            store.apply(id("b"), article("b", 2));
            store.byId(id("a")).orElseThrow(); // in the cache too

            store.apply(id("a"), null);
            store.apply(id("b"), TestArticles.nextVersion(article("b", 2), T, x -> x.setPubStatus(PubStatus.canceled)));

            assertThat(store.archive().get(id("a"))).isNull();
            assertThat(store.archive().get(id("b"))).isNull();
            assertThat(store.byPath(path)).isEqualTo(new ArticleStore.Lookup.Gone("Story a"));
            assertThat(store.isKilled(id("b"))).isTrue();
            assertThat(store.latest(null, 0, 10)).isEmpty();
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void theCacheKeepsAtMostItsSizeAndDropsTheLeastRecentlyReadFirst() {
        try (ArticleArchive archive = ArticleArchive.onDisk(dir, 2)) {
            for (String s : new String[] {"a", "b", "c"}) {
                archive.put(id(s), article(s, 1));
            }
            EnrichedArticle a = archive.get(id("a"));
            EnrichedArticle b = archive.get(id("b"));
            assertThat(archive.get(id("a"))).isSameAs(a); // a is now the most recently read
            archive.get(id("c")); // evicts b, the least recently read

            assertThat(archive.cached()).isEqualTo(2);
            assertThat(archive.get(id("a"))).isSameAs(a);
            EnrichedArticle again = archive.get(id("b")); // read from disk again
            assertThat(again).isNotSameAs(b);
            assertThat(again.toString()).isEqualTo(b.toString());
            assertThat(archive.cached()).isEqualTo(2);
        }
    }

    @Test
    void aNewVersionIsNeverAnsweredFromTheCacheOfTheOldOne() {
        try (ArticleArchive archive = ArticleArchive.onDisk(dir, 10)) {
            archive.put(id("a"), article("a", 1));
            archive.get(id("a"));
            archive.put(id("a"), TestArticles.nextVersion(article("a", 1), T, x -> x.setHeadline("Story a, updated")));

            assertThat(archive.get(id("a")).getArticle().getHeadline()).isEqualTo("Story a, updated");
        }
    }

    @Test
    void sitemapListsComeFromTheHeapAndTheNewsWindowStopsAtItsStart() {
        try (ArticleStore store = new ArticleStore(clock, ArticleArchive.onDisk(dir, 10))) {
            for (int m = 1; m <= 5; m++) {
                store.apply(id("a" + m), article("a" + m, m));
            }
            String before = store.archive().readStats();

            assertThat(store.latestPaths(3)).containsExactly(
                    new ArticleStore.Located(article("a5", 5).getCanonicalPath(), T.plusSeconds(300)),
                    new ArticleStore.Located(article("a4", 4).getCanonicalPath(), T.plusSeconds(240)),
                    new ArticleStore.Located(article("a3", 3).getCanonicalPath(), T.plusSeconds(180)));
            assertThat(store.archive().readStats()).isEqualTo(before);
            assertThat(store.latestSince(T.plusSeconds(180), 10)).extracting(e -> e.getArticle().getHeadline())
                    .containsExactly("Story a5", "Story a4");
        }
    }

    @Test
    void aClosedArchiveRefusesReadsRatherThanTouchingFreedNativeMemory() {
        ArticleStore store = new ArticleStore(clock, ArticleArchive.onDisk(dir, 10));
        store.apply(id("a"), article("a", 1));
        store.close();

        assertThatThrownBy(() -> store.byId(id("a"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
