package io.inkstream.enrich.stream;

import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedFinder;
import io.inkstream.events.RelatedArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance's index of every partition's window: a task's own writes are searched at once, and the
 * topic's older writes of the same article, arriving after them, never step the index back.
 */
class WindowIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private WindowIndex window;
    private long opened;

    @BeforeEach
    void open() {
        window = new WindowIndex(new RelatedFinder(Duration.ofDays(30), 5, 0.05, 0.5));
        opened = window.open(dir.resolve("index"), Collections.emptyIterator());
    }

    @AfterEach
    void close() {
        window.close(opened);
    }

    @Test
    void ownWriteIsSearchedAtOnce() {
        window.writeOwn("a", story("a", "Cyber talks", T0), 10);

        assertThat(headlinesRelatedTo(later())).containsExactly("Cyber talks");
    }

    @Test
    void olderVersionFromTheTopicDoesNotReplaceTheNewerOwnWrite() {
        window.writeOwn("a", story("a", "Cyber talks, second version", T0), 12);

        window.applyPublished("a", story("a", "Cyber talks", T0), 7); // version 1, committed earlier
        assertThat(headlinesRelatedTo(later())).containsExactly("Cyber talks, second version");

        window.applyPublished("a", story("a", "Cyber talks, second version", T0), 12); // its own write back
        window.applyPublished("a", story("a", "Cyber talks, third version", T0), 20); // from the partition's new owner
        assertThat(headlinesRelatedTo(later())).containsExactly("Cyber talks, third version");
    }

    @Test
    void killedArticleStaysOutWhileTheTopicBringsItsEarlierVersion() {
        window.applyPublished("a", story("a", "Cyber talks", T0), 3);
        window.writeOwn("a", null, 9);

        window.applyPublished("a", story("a", "Cyber talks", T0), 3);
        window.applyPublished("a", story("a", "Cyber talks, late version", T0), 5);
        assertThat(headlinesRelatedTo(later())).isEmpty();
        assertThat(window.size()).isZero();
    }

    @Test
    void otherPartitionsWritesArriveThroughTheTopic() {
        window.applyPublished("b", story("b", "Cyber talks elsewhere", T0), 4);

        assertThat(headlinesRelatedTo(later())).containsExactly("Cyber talks elsewhere");
        window.applyPublished("b", null, 8);
        assertThat(headlinesRelatedTo(later())).isEmpty();
    }

    @Test
    void reopeningLoadsWhatTheStoreHoldsInPlaceOfTheOldIndex() {
        window.writeOwn("a", story("a", "Cyber talks", T0), 10);

        opened = window.open(dir.resolve("index"), List.of(story("b", "Cyber talks elsewhere", T0)).iterator());

        assertThat(headlinesRelatedTo(later())).containsExactly("Cyber talks elsewhere");
    }

    private List<String> headlinesRelatedTo(Fingerprint query) {
        return window.find(query).related().stream().map(RelatedArticle::getHeadline).toList();
    }

    private static Fingerprint later() {
        return story("query", "More cyber talks", T0.plus(Duration.ofHours(1)));
    }

    private static Fingerprint story(String id, String headline, Instant publishedAt) {
        return new Fingerprint(id, headline, "/world/" + id + ".html", "world", publishedAt,
                Map.of("cyber", 0.8, "talks", 0.6), List.of("ORGANIZATION:United Nations"), null, null);
    }
}
