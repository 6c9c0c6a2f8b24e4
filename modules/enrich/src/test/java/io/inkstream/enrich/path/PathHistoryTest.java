package io.inkstream.enrich.path;

import io.inkstream.enrich.TestArticles;
import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathHistoryTest {

    private static final String FIRST = "/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html";

    @Test
    void editedHeadlineKeepsTheFirstPathAndRemembersTheNewOne() {
        PathHistory history = PathHistory.first(TestArticles.fixture().build());
        Article edited = TestArticles.fixture().setVersion(2).setHeadline("Xi calls for cyberspace dialogue").build();

        PathHistory after = history.next(edited);

        assertThat(after.canonicalPath()).isEqualTo(FIRST);
        assertThat(after.slug()).isEqualTo("xi-urges-constructive-cyberspace-talks");
        assertThat(after.previousPaths())
                .containsExactly("/politics/2015-09-25/xi-calls-for-cyberspace-dialogue-3f2a9c.html");
    }

    @Test
    void unchangedHeadlineAddsNoPath() {
        PathHistory history = PathHistory.first(TestArticles.fixture().build());

        assertThat(history.next(TestArticles.fixture().setVersion(2).build()).previousPaths()).isEmpty();
    }

    @Test
    void revertedHeadlineIsNotListedTwice() {
        Article v1 = TestArticles.fixture().build();
        Article v2 = TestArticles.fixture().setVersion(2).setHeadline("Xi calls for cyberspace dialogue").build();
        Article v3 = TestArticles.fixture().setVersion(3).setHeadline("Xi calls for cyberspace dialogue").build();

        PathHistory history = PathHistory.first(v1).next(v2).next(v3).next(v1);

        assertThat(history.canonicalPath()).isEqualTo(FIRST);
        assertThat(history.previousPaths()).hasSize(1);
    }
}
