package io.inkstream.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.events.PageView;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Ranking;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopularityTopologyTest {

    private static final Instant T0 = Instant.parse("2025-03-02T10:00:00Z");

    @TempDir
    Path stateDir;
    private PopularityDriver popularity;

    private PopularityDriver start(PopularityConfig config) {
        popularity = new PopularityDriver(config, T0, stateDir);
        return popularity;
    }

    @AfterEach
    void close() {
        if (popularity != null) {
            popularity.close();
        }
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void mostViewedArticlesComeFirstInAllAndInTheirSection() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", "World", "v1", at(1));
        p.view("a", "World", "v2", at(2));
        p.view("a", "World", "v3", at(2));
        p.view("b", "Politics", "v1", at(3));
        p.view("c", "World", "v1", at(3));
        p.view("c", "World", "v2", at(4));

        p.settle();

        assertThat(p.top("all")).containsExactly("a=3", "c=2", "b=1");
        assertThat(p.top("world")).containsExactly("a=3", "c=2");
        assertThat(p.top("politics")).containsExactly("b=1");
        assertThat(p.entry("all", "a").getRank()).isEqualTo(1);
        assertThat(p.entry("all", "a").getVisitors()).isEqualTo(3);
        assertThat(p.entry("world", "c").getSection()).isEqualTo("World");
    }

    @Test
    void rankingCarriesTheWindowEndingAtTheNextMinuteAndTheWallClockTimeItWasComputed() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", T0.plusSeconds(5 * 60 + 30));

        p.settle();

        Ranking r = p.ranking("all");
        assertThat(r.getScope()).isEqualTo("all");
        assertThat(r.getWindowEnd()).isEqualTo(at(6));
        assertThat(r.getWindowStart()).isEqualTo(at(6).minus(Duration.ofHours(24)));
        assertThat(r.getComputedAt()).isEqualTo(p.wallClock());
    }

    @Test
    void lateViewWithinGraceStillCountsInItsMinuteAndLaterOnesOnlyInTheMetric() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", at(10));
        p.view("a", null, "v2", at(6));   // 4 minutes behind the newest view: within the 5-minute grace
        p.view("a", null, "v3", at(4));   // 6 minutes behind: too late

        p.settle();
        assertThat(p.top("all")).containsExactly("a=2");
        assertThat(p.metric("popularity-late-views-total")).isEqualTo(1.0);

        // Minute 6 leaves the window at 24h + 7m; minute 10 stays: the late view was counted in its own minute.
        p.wallClockTo(at(24 * 60 + 7));
        assertThat(p.top("all")).containsExactly("a=1");
    }

    @Test
    void repeatViewsOfOneVisitorWithinThirtyMinutesCountOnce() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", at(0));
        p.view("a", null, "v1", at(10));
        p.view("a", null, "v1", at(29));
        p.view("a", null, "v1", at(30));  // 30 minutes after the counted view: counts again
        p.view("a", null, "v1", at(45));
        p.view("b", null, "v1", at(45));  // another article: counts

        p.settle();

        assertThat(p.top("all")).containsExactly("a=2", "b=1");
        assertThat(p.entry("all", "a").getVisitors()).isEqualTo(1);
        assertThat(p.metric("popularity-repeat-views-total")).isEqualTo(3.0);
    }

    @Test
    void dedupWindowIsConfigurable() {
        PopularityDriver p = start(PopularityConfig.defaults().withDedupWindow(Duration.ofMinutes(5)));
        p.view("a", null, "v1", at(0));
        p.view("a", null, "v1", at(4));
        p.view("a", null, "v1", at(10));

        p.settle();

        assertThat(p.top("all")).containsExactly("a=2");
    }

    @Test
    void viewDatedMoreThanTheGraceAheadOfTheWallClockIsRefusedAndDoesNotMakeTrueViewsLate() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", at(0));
        p.pipeAtWallClock(PageView.newBuilder().setArticleId("b").setVisitorHash("v2").setViewedAt(at(6))
                .setUserAgent("Mozilla/5.0 Firefox/130.0").build());   // 6 minutes ahead of the wall clock: refused
        p.pipeAtWallClock(PageView.newBuilder().setArticleId("c").setVisitorHash("v3").setViewedAt(at(4))
                .setUserAgent("Mozilla/5.0 Firefox/130.0").build());   // 4 minutes ahead: within the grace, counted
        p.pipeAtWallClock(PageView.newBuilder().setArticleId("d").setVisitorHash("v4").setViewedAt(at(365 * 24 * 60))
                .setUserAgent("Mozilla/5.0 Firefox/130.0").build());   // a year ahead: refused
        p.view("a", null, "v5", at(0));   // not late: the refused views did not move the counting clock

        p.settle();

        assertThat(p.top("all")).containsExactly("a=2", "c=1");
        assertThat(p.metric("popularity-future-views-total")).isEqualTo(2.0);
        assertThat(p.metric("popularity-late-views-total")).isEqualTo(0.0);
    }

    @Test
    void botViewsNeverCount() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", at(1));
        p.pipe(PageView.newBuilder().setArticleId("b").setVisitorHash("crawler1").setViewedAt(at(1)).setBot(true).build());
        p.pipe(PageView.newBuilder().setArticleId("b").setVisitorHash("crawler2").setViewedAt(at(1))
                .setUserAgent("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)").build());

        p.settle();

        assertThat(p.top("all")).containsExactly("a=1");
        assertThat(p.metric("popularity-bot-views-total")).isEqualTo(2.0);
    }

    @Test
    void rankingDecaysWhenTrafficStops() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", "World", "v1", at(1));
        p.view("a", "World", "v2", at(1));
        p.view("b", "World", "v1", at(120));
        p.settle();
        assertThat(p.top("all")).containsExactly("a=2", "b=1");

        // No view arrives: only the wall clock moves.
        p.wallClockTo(at(24 * 60 + 2));
        assertThat(p.top("all")).containsExactly("b=1");
        assertThat(p.top("world")).containsExactly("b=1");

        p.wallClockTo(at(26 * 60 + 1));
        assertThat(p.ranking("all").getEntries()).isEmpty();
        assertThat(p.ranking("world").getEntries()).isEmpty();
    }

    @Test
    void canceledArticleDropsOut() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", "World", "v1", at(1));
        p.view("a", "World", "v2", at(1));
        p.view("b", "World", "v1", at(1));
        p.view("c", "World", "v1", at(1));
        p.settle();

        p.tombstone("a");
        p.article("b", "World", "B", PubStatus.canceled);
        p.settle();

        assertThat(p.top("all")).containsExactly("c=1");
        assertThat(p.top("world")).containsExactly("c=1");

        p.view("a", "World", "v3", at(2));  // a view in flight after the kill does not bring it back
        p.settle();
        assertThat(p.top("all")).containsExactly("c=1");
    }

    @Test
    void enrichedArticleFillsHeadlinePathAndSection() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.article("a", "Politics", "Xi urges constructive cyberspace talks", PubStatus.usable);
        p.view("a", null, "v1", at(1));

        p.settle();

        assertThat(p.top("politics")).containsExactly("a=1");
        var entry = p.entry("all", "a");
        assertThat(entry.getHeadline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(entry.getCanonicalPath()).isEqualTo("/politics/a.html");
        assertThat(entry.getSection()).isEqualTo("Politics");
    }

    @Test
    void articleMovedToAnotherSectionLeavesTheOldSectionRanking() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.article("a", "World", "A", PubStatus.usable);
        p.view("a", null, "v1", at(1));
        p.view("b", "World", "v1", at(1));
        p.settle();
        assertThat(p.top("world")).containsExactly("a=1", "b=1");

        p.article("a", "China", "A", PubStatus.usable);
        p.settle();

        assertThat(p.top("world")).containsExactly("b=1");
        assertThat(p.top("china")).containsExactly("a=1");
    }

    @Test
    void rankingIsPublishedOnlyWhenItChanges() {
        PopularityDriver p = start(PopularityConfig.defaults());
        p.view("a", null, "v1", at(1));
        p.settle();
        int afterFirst = p.publishedCount();

        p.view("a", null, "v1", at(2));   // a repeat: no change
        p.settle();
        p.settle();

        assertThat(afterFirst).isEqualTo(1);
        assertThat(p.publishedCount()).isEqualTo(1);
    }

    @Test
    void rankingHoldsTheConfiguredNumberOfEntries() {
        PopularityDriver p = start(PopularityConfig.defaults().withTopN(2));
        p.view("a", null, "v1", at(1));
        p.view("a", null, "v2", at(1));
        p.view("a", null, "v3", at(1));
        p.view("b", null, "v1", at(1));
        p.view("b", null, "v2", at(1));
        p.view("c", null, "v1", at(1));

        p.settle();

        assertThat(p.top("all")).containsExactly("a=3", "b=2");
    }
}
