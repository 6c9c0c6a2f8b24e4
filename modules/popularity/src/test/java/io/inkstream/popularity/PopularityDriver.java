package io.inkstream.popularity;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PageView;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The popularity topology in a TopologyTestDriver with an in-process registry: pipe views and
 * articles with their event times, move the wall clock, read the latest ranking per scope.
 */
final class PopularityDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, PageView> views;
    private final TestInputTopic<String, EnrichedArticle> articles;
    private final TestOutputTopic<String, Ranking> rankings;
    private final Map<String, Ranking> latest = new HashMap<>();
    private int published;
    private Instant wallClock;
    private final Duration grace;

    PopularityDriver(PopularityConfig config, Instant wallClock, Path stateDir) {
        Topics topics = Topics.withPrefix("");
        String registry = "mock://popularity-" + UUID.randomUUID();
        EventSerdes serdes = EventSerdes.forRegistry(registry);
        Properties props = TopologyTests.driverProperties("popularity-test", stateDir);
        props.put("schema.registry.url", registry);
        this.wallClock = wallClock;
        this.grace = config.grace();
        driver = new TopologyTestDriver(PopularityTopology.build(config, topics, serdes), props, wallClock);
        views = TopologyTests.input(driver, serdes, topics.pageviews());
        articles = TopologyTests.input(driver, serdes, topics.articlesEnriched());
        rankings = TopologyTests.output(driver, serdes, topics.popularityTop24h());
    }

    void view(String articleId, String section, String visitor, Instant at) {
        pipe(PageView.newBuilder().setArticleId(articleId).setSection(section).setVisitorHash(visitor).setViewedAt(at)
                .setUserAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0").build());
    }

    /**
     * Pipes a view as a collector stamps it, at about the wall clock: when the view is further ahead of the wall clock
     * than the grace (which the topology refuses as dated in the future), the wall clock first moves to a minute
     * before it.
     */
    void pipe(PageView view) {
        if (view.getViewedAt() != null && view.getViewedAt().isAfter(wallClock.plus(grace))) {
            advance(Duration.between(wallClock, view.getViewedAt().minus(Duration.ofMinutes(1))));
        }
        pipeAtWallClock(view);
    }

    /** Pipes a view as it is, however far ahead of the wall clock its time is. */
    void pipeAtWallClock(PageView view) {
        views.pipeInput(new TestRecord<>(view.getArticleId(), view, view.getViewedAt()));
    }

    void article(String articleId, String section, String headline, PubStatus status) {
        Instant at = wallClock;
        Article article = Article.newBuilder()
                .setId(articleId).setVersion(1).setVersionCreated(at).setFirstCreated(at).setPubStatus(status)
                .setType(ContentType.text).setSection(section).setHeadline(headline)
                .setProvenance(Provenance.newBuilder().setFeed("test").setFormat("ninjs").setRawItemId("raw-" + articleId)
                        .setContentHash("hash").build())
                .build();
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(article).setCanonicalPath("/" + section.toLowerCase() + "/" + articleId + ".html")
                .setSlug(articleId).setSummary(headline).setWordCount(100).setReadingMinutes(1).setParagraphCount(1)
                .setPhotoCount(0).setLanguage("en").setLanguageConfidence(1.0).setEnrichedAt(at)
                .build();
        articles.pipeInput(new TestRecord<>(articleId, enriched, at));
    }

    void tombstone(String articleId) {
        articles.pipeInput(new TestRecord<>(articleId, null, wallClock));
    }

    /**
     * Lets both stages' wall-clock punctuators run (counting reports, then ranking publishes) and
     * collects what was published.
     */
    void settle() {
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
    }

    /** Moves the wall clock to {@code at} (in one step), then settles. */
    void wallClockTo(Instant at) {
        if (at.isAfter(wallClock)) {
            advance(Duration.between(wallClock, at));
        }
        settle();
    }

    private void advance(Duration d) {
        driver.advanceWallClockTime(d);
        wallClock = wallClock.plus(d);
        for (var kv : rankings.readKeyValuesToList()) {
            latest.put(kv.key, kv.value);
            published++;
        }
    }

    Instant wallClock() {
        return wallClock;
    }

    Ranking ranking(String scope) {
        return latest.get(scope);
    }

    /** The latest ranking of the scope as "article=views" strings, rank order. */
    List<String> top(String scope) {
        Ranking r = latest.get(scope);
        return r == null ? List.of() : r.getEntries().stream().map(e -> e.getArticleId() + "=" + e.getViews()).toList();
    }

    RankingEntry entry(String scope, String articleId) {
        return latest.get(scope).getEntries().stream().filter(e -> e.getArticleId().equals(articleId)).findFirst().orElseThrow();
    }

    int publishedCount() {
        return published;
    }

    double metric(String name) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals(name)) {
                sum += ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        driver.close();
    }
}
