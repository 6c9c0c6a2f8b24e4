package io.inkstream.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.events.PageView;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 generated views over 48 hours of event time, out of order (within the grace period, plus
 * some deliberately late ones), with bots and repeat views; at checkpoints every published ranking
 * must equal the exact top 10 that a plain in-memory model of the rules computes from the same input.
 */
class PopularityGroundTruthTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final int VIEWS = 200_000;
    private static final int ARTICLES = 400;
    private static final int VISITORS = 30_000;
    private static final int SECTIONS = 6;
    private static final int TOP_N = 10;

    @TempDir
    Path stateDir;

    @Test
    void publishedRankingsEqualExactCountsAtEveryCheckpoint() {
        List<PageView> arrivals = generate(new Random(20250301));
        Model model = new Model();
        try (PopularityDriver popularity = new PopularityDriver(PopularityConfig.defaults(), T0, stateDir)) {
            int next = 0;
            int checkpoints = 0;
            for (long hour = 6; hour <= 48; hour += 6) {
                // The last checkpoint also takes the views still in flight at hour 48.
                long checkpoint = hour == 48 ? Long.MAX_VALUE : T0.toEpochMilli() + hour * HOUR;
                while (next < arrivals.size() && arrivalTime(arrivals.get(next)) < checkpoint) {
                    PageView view = arrivals.get(next++);
                    popularity.pipe(view);
                    model.accept(view);
                }
                popularity.settle();
                assertRankingsMatch(popularity, model, model.newestView);
                checkpoints++;
            }
            assertThat(next).isEqualTo(arrivals.size());

            // Traffic stops; 12 hours later by the wall clock the ranking holds only the last 12 hours.
            Instant quiet = Instant.ofEpochMilli(model.newestView).plus(Duration.ofHours(12));
            popularity.wallClockTo(quiet);
            assertRankingsMatch(popularity, model, quiet.toEpochMilli());
            assertThat(checkpoints).isEqualTo(8);
            assertThat(model.late).isPositive();
            assertThat(model.repeats).isPositive();
            assertThat(model.bots).isPositive();
        }
    }

    private static void assertRankingsMatch(PopularityDriver popularity, Model model, long now) {
        long windowEnd = Math.floorDiv(now, MINUTE) * MINUTE + MINUTE;
        long windowStart = windowEnd - 24 * HOUR;
        Map<String, List<Expected>> expected = model.top(windowStart, windowEnd);
        for (Map.Entry<String, List<Expected>> scope : expected.entrySet()) {
            Ranking ranking = popularity.ranking(scope.getKey());
            assertThat(ranking).as("ranking of %s", scope.getKey()).isNotNull();
            assertThat(ranking.getWindowEnd().toEpochMilli()).isEqualTo(windowEnd);
            List<String> actual = ranking.getEntries().stream().map(e -> e.getArticleId() + "=" + e.getViews()).toList();
            List<String> wanted = scope.getValue().stream().map(e -> e.articleId + "=" + e.views).toList();
            assertThat(actual).as("top %d of %s at %s", TOP_N, scope.getKey(), Instant.ofEpochMilli(now)).isEqualTo(wanted);
            for (int i = 0; i < ranking.getEntries().size(); i++) {
                RankingEntry entry = ranking.getEntries().get(i);
                Expected e = scope.getValue().get(i);
                assertThat(entry.getRank()).isEqualTo(i + 1);
                // HLL with lgK 12: within 3.3% at 95%; allow 5% so the fixed input is far from the edge.
                assertThat((double) entry.getVisitors()).as("visitors of %s", e.articleId)
                        .isBetween(e.visitors * 0.95 - 1, e.visitors * 1.05 + 1);
                assertThat(entry.getVisitors()).isLessThanOrEqualTo(entry.getViews());
            }
        }
    }

    /** When the generator lets a view arrive: event time plus a delay of up to four minutes. */
    private static long arrivalTime(PageView view) {
        return view.getViewedAt().toEpochMilli() + Math.floorMod(view.getVisitorHash().hashCode() * 31L + view.getViewedAt().toEpochMilli(), 4 * MINUTE);
    }

    private static List<PageView> generate(Random random) {
        double[] cumulative = new double[ARTICLES];
        double sum = 0;
        for (int i = 0; i < ARTICLES; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.8);
            cumulative[i] = sum;
        }
        List<PageView> views = new ArrayList<>(VIEWS);
        long span = 48 * HOUR;
        for (int i = 0; i < VIEWS; i++) {
            long at = T0.toEpochMilli() + (long) (random.nextDouble() * span);
            int article = pick(cumulative, random.nextDouble() * sum);
            String visitor = "visitor-" + random.nextInt(VISITORS);
            boolean bot = random.nextInt(50) == 0;
            String agent = random.nextInt(60) == 0 ? "Googlebot/2.1 (+http://www.google.com/bot.html)" : "Mozilla/5.0 Firefox/130.0";
            views.add(view(article, visitor, at, bot, agent));
            if (random.nextInt(8) == 0) {
                // The same reader again some minutes later: within 30 minutes a repeat, after that a new view.
                views.add(view(article, visitor, at + random.nextInt(45) * MINUTE, false, agent));
                i++;
            }
        }
        views.sort(Comparator.comparingLong(PopularityGroundTruthTest::arrivalTime));
        // Some views arrive far too late (20 minutes behind their neighbours): they must not count.
        List<PageView> arrivals = new ArrayList<>(views.size());
        for (PageView v : views) {
            arrivals.add(v);
            if (random.nextInt(200) == 0) {
                PageView late = view(random.nextInt(20), "late-" + random.nextInt(VISITORS),
                        v.getViewedAt().toEpochMilli() - 20 * MINUTE, false, "Mozilla/5.0");
                arrivals.add(late);
            }
        }
        return arrivals;
    }

    private static int pick(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static PageView view(int article, String visitor, long at, boolean bot, String agent) {
        return PageView.newBuilder().setArticleId(String.format(Locale.ROOT, "article-%03d", article))
                .setSection("Section" + (article % SECTIONS)).setVisitorHash(visitor)
                .setViewedAt(Instant.ofEpochMilli(at)).setBot(bot).setUserAgent(agent).build();
    }

    private record Counted(String articleId, String section, String visitor, long at) {
    }

    private record Expected(String articleId, long views, long visitors) {
    }

    /** The rules written the plain way: lists and maps, no stores, no buckets. */
    private static final class Model {
        final List<Counted> counted = new ArrayList<>();
        final Map<String, TreeSet<Long>> countedTimes = new HashMap<>();
        long newestView = Long.MIN_VALUE;
        int late;
        int repeats;
        int bots;

        void accept(PageView v) {
            if (v.getBot() || v.getUserAgent().toLowerCase(Locale.ROOT).contains("bot")) {
                bots++;
                return;
            }
            long at = v.getViewedAt().toEpochMilli();
            if (newestView != Long.MIN_VALUE && at < newestView - 5 * MINUTE) {
                late++;
                return;
            }
            newestView = Math.max(newestView, at);
            TreeSet<Long> times = countedTimes.computeIfAbsent(v.getArticleId() + "|" + v.getVisitorHash(), k -> new TreeSet<>());
            Long before = times.floor(at);
            Long after = times.ceiling(at);
            if ((before != null && at - before < 30 * MINUTE) || (after != null && after - at < 30 * MINUTE)) {
                repeats++;
                return;
            }
            times.add(at);
            counted.add(new Counted(v.getArticleId(), v.getSection().toLowerCase(Locale.ROOT), v.getVisitorHash(), at));
        }

        Map<String, List<Expected>> top(long windowStart, long windowEnd) {
            long sketchStart = Math.floorDiv(windowStart, HOUR) * HOUR;
            Map<String, Long> views = new HashMap<>();
            Map<String, String> sections = new HashMap<>();
            Map<String, Set<String>> visitors = new HashMap<>();
            for (Counted c : counted) {
                if (c.at >= windowStart && c.at < windowEnd) {
                    views.merge(c.articleId, 1L, Long::sum);
                    sections.put(c.articleId, c.section);
                }
                if (c.at >= sketchStart && c.at < windowEnd) {
                    visitors.computeIfAbsent(c.articleId, k -> new HashSet<>()).add(c.visitor);
                }
            }
            Map<String, List<Expected>> byScope = new HashMap<>();
            for (Map.Entry<String, Long> e : views.entrySet()) {
                long unique = Math.min(e.getValue(), visitors.get(e.getKey()).size());
                Expected x = new Expected(e.getKey(), e.getValue(), unique);
                byScope.computeIfAbsent("all", k -> new ArrayList<>()).add(x);
                byScope.computeIfAbsent(sections.get(e.getKey()), k -> new ArrayList<>()).add(x);
            }
            for (int s = 0; s < SECTIONS; s++) {
                byScope.putIfAbsent("section" + s, new ArrayList<>());
            }
            byScope.putIfAbsent("all", new ArrayList<>());
            byScope.replaceAll((scope, list) -> list.stream()
                    .sorted(Comparator.comparingLong((Expected x) -> -x.views).thenComparing(x -> x.articleId))
                    .limit(TOP_N).toList());
            return byScope;
        }
    }
}
