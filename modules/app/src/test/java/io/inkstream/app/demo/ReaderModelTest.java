package io.inkstream.app.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Simulated readers look like real traffic: a few hot stories, some bots, people coming back; and the hot list moves. */
class ReaderModelTest {

    private static final List<String> ARTICLES = IntStream.range(0, 60).mapToObj(i -> "article-" + i).toList();

    /** A clock the test moves by hand. */
    private static final class TestClock implements InstantSource {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ReaderModel readers = new ReaderModel(new Random(42), clock);

    @Test
    void topTenPercentOfStoriesGetMostHumanViews() {
        readers.addArticles(ARTICLES);
        List<View> views = take(50_000);

        Map<String, Integer> counts = humanViewsPerArticle(views);
        List<Integer> sorted = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
        int total = sorted.stream().mapToInt(Integer::intValue).sum();
        int topTenPercent = sorted.subList(0, ARTICLES.size() / 10).stream().mapToInt(Integer::intValue).sum();
        assertThat((double) topTenPercent / total).isGreaterThan(0.45);
        // ...yet the long tail is read too: nearly every story gets some readers.
        assertThat(counts).hasSizeGreaterThanOrEqualTo(ARTICLES.size() - 2);
    }

    @Test
    void aboutFivePercentOfViewsComeFromBotsWithBotUserAgents() {
        readers.addArticles(ARTICLES);
        List<View> views = take(50_000);

        double bots = views.stream().filter(View::bot).count() / (double) views.size();
        assertThat(bots).isCloseTo(ReaderModel.BOT_SHARE, within(0.01));
        assertThat(views).filteredOn(View::bot).allMatch(v -> ReaderModel.BOTS.contains(v.userAgent()));
        assertThat(views).filteredOn(v -> !v.bot()).allMatch(v -> ReaderModel.BROWSERS.contains(v.userAgent()));
    }

    @Test
    void aboutAQuarterOfHumanViewsComeFromSomeoneWhoReadInTheLastHalfHour() {
        readers.addArticles(ARTICLES);
        Set<String> seen = new HashSet<>();
        int human = 0;
        int returning = 0;
        int sameArticleAgain = 0;
        Map<String, String> lastArticle = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            clock.now = clock.now.plusMillis(30); // ~33 views/s
            View v = readers.next();
            if (v.bot()) {
                continue;
            }
            human++;
            if (!seen.add(v.visitorId())) {
                returning++;
                if (v.articleId().equals(lastArticle.get(v.visitorId()))) {
                    sameArticleAgain++;
                }
            }
            lastArticle.put(v.visitorId(), v.articleId());
        }
        assertThat(returning / (double) human).isCloseTo(ReaderModel.RETURNING_SHARE, within(0.03));
        assertThat(sameArticleAgain).isGreaterThan(returning / 4);
    }

    @Test
    void visitorsSeenLongerThanHalfAnHourAgoDoNotReturn() {
        readers.addArticles(ARTICLES);
        Set<String> early = new HashSet<>();
        take(2_000).forEach(v -> early.add(v.visitorId()));

        clock.now = clock.now.plus(ReaderModel.REVISIT_WINDOW).plusSeconds(1);
        assertThat(take(2_000)).noneMatch(v -> early.contains(v.visitorId()));
    }

    @Test
    void theMostReadStoryChangesAsTimeGoesOn() {
        readers.addArticles(ARTICLES);
        List<String> leaders = new ArrayList<>();
        for (int period = 0; period < 4; period++) {
            leaders.add(leader(take(10_000)));
            clock.now = clock.now.plus(ReaderModel.HOT_ROTATION);
        }
        assertThat(new HashSet<>(leaders)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void breakingStoryIsAmongTheMostReadAtOnce() {
        readers.addArticles(ARTICLES);
        take(5_000);
        readers.addBreaking("breaking");

        Map<String, Integer> counts = humanViewsPerArticle(take(10_000));
        List<String> topThree = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3).map(Map.Entry::getKey).toList();
        assertThat(topThree).contains("breaking");
    }

    @Test
    void nothingToReadMeansNoViews() {
        assertThat(readers.next()).isNull();
    }

    @Test
    void visitorIdsAreOnesTheBeaconAccepts() {
        readers.addArticles(ARTICLES);
        assertThat(take(1_000)).allMatch(v -> v.visitorId().matches("[A-Za-z0-9-]{8,64}"));
    }

    private List<View> take(int n) {
        List<View> views = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            views.add(readers.next());
        }
        return views;
    }

    private static Map<String, Integer> humanViewsPerArticle(List<View> views) {
        Map<String, Integer> counts = new HashMap<>();
        views.stream().filter(v -> !v.bot()).forEach(v -> counts.merge(v.articleId(), 1, Integer::sum));
        return counts;
    }

    private static String leader(List<View> views) {
        return humanViewsPerArticle(views).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
