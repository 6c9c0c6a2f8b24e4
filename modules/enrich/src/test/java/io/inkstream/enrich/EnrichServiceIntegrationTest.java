package io.inkstream.enrich;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.WireRejection;
import io.inkstream.platform.ServiceContext;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrich service against a real broker and registry: enrich, survive a poison pill, kill, rebuild its state. */
@InkstreamTest
class EnrichServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void serviceEnrichesRejectsGarbageAndTombstonesKilledArticles(TestCluster cluster) throws InterruptedException {
        ServiceContext context = cluster.context(Map.of());
        try (EnrichService service = new EnrichService(context)) {
            service.start();
            Article article = TestArticles.fixture().build();
            cluster.produceRaw(context.topics().articlesIngested().name(), "urn:bad",
                    "garbage".getBytes(StandardCharsets.UTF_8));
            cluster.produce(context.topics().articlesIngested(), article.getId(), article);

            EnrichedArticle enriched = cluster.awaitValue(context.topics().articlesEnriched(), article.getId(),
                    value -> value != null, WAIT);
            assertThat(enriched.getCanonicalPath())
                    .isEqualTo("/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html");
            assertThat(enriched.getLanguage()).isEqualTo("en");
            // ready is the Streams state RUNNING; on a loaded machine a rebalance may still be finishing
            long readyBy = System.nanoTime() + WAIT.toNanos();
            while (!service.ready() && System.nanoTime() < readyBy) {
                Thread.sleep(100);
            }
            assertThat(service.ready()).isTrue();

            List<KeyValue<String, WireRejection>> rejections =
                    cluster.awaitRecords(context.topics().wireRejected(), 1, WAIT);
            assertThat(rejections.get(0).value.getStage()).isEqualTo(RejectionStage.ENRICH);
            assertThat(rejections.get(0).value.getItemId()).isEqualTo("urn:bad");

            Article killed = Article.newBuilder(article).setVersion(2).setPubStatus(PubStatus.canceled).build();
            cluster.produce(context.topics().articlesIngested(), killed.getId(), killed);
            List<KeyValue<String, EnrichedArticle>> out = cluster.awaitRecords(context.topics().articlesEnriched(), 3, WAIT);
            assertThat(out.get(1).key).isEqualTo(article.getId());
            assertThat(out.get(1).value.getArticle().getPubStatus()).as("the kill as a canceled version").isEqualTo(PubStatus.canceled);
            assertThat(out.get(2).key).isEqualTo(article.getId());
            assertThat(out.get(2).value).as("then a tombstone").isNull();
        }
    }

    /**
     * Enrich sees the corpus and a new article, is stopped, its state directory deleted, and started
     * again, so its task stores come back from their changelogs, its global window store from
     * enrich.fingerprints and its Lucene index from that store; the new article sent again (a second
     * version of the same text) gets the same related news, scores and keywords as before the restart.
     * Each partition's document frequencies depend only on that partition's order, which is fixed.
     */
    @Test
    void withItsLocalStateWipedEnrichRebuildsTheIndexAndListsTheSameRelatedNews(TestCluster cluster) throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        List<Article> corpus = RelatedNewsCorpusTest.corpus(start);
        Article next = Article.newBuilder(corpus.get(3)).setId("urn:corpus:next")
                .setPublishedAt(start.plus(Duration.ofHours(corpus.size() + 1))).build();
        ServiceContext context = cluster.context(Map.of());

        EnrichedArticle before;
        try (EnrichService service = new EnrichService(context)) {
            service.start();
            feed(cluster, context, corpus);
            // the other partitions' fingerprints reach this instance's index through its global consumer
            // just after they are committed: let it catch up, as a restarted instance does before it runs
            Thread.sleep(2_000);
            before = enrich(cluster, context, next);
        }
        Path state = context.dataDir().resolve("streams");
        assertThat(state).exists();
        deleteRecursively(state);
        EnrichedArticle after;
        try (EnrichService service = new EnrichService(context)) {
            service.start();
            after = enrich(cluster, context, Article.newBuilder(next).setVersion(2).build());
        }

        assertThat(after.getArticle().getVersion()).isEqualTo(2);
        assertThat(before.getRelated()).as("the corpus is searched").isNotEmpty();
        assertThat(after.getKeywords().toString()).isEqualTo(before.getKeywords().toString());
        // compared as text: Avro's equals and toString fail on a record array holding an Instant
        assertThat(after.getRelated().stream().map(r -> r.getId() + " " + r.getScore() + " " + r.getPublishedAt() + " " + r.getCanonicalPath()).toList())
                .isEqualTo(before.getRelated().stream().map(r -> r.getId() + " " + r.getScore() + " " + r.getPublishedAt() + " " + r.getCanonicalPath()).toList());
        assertThat(after.getDuplicateOf()).isEqualTo(before.getDuplicateOf());
    }

    private static void feed(TestCluster cluster, ServiceContext context, List<Article> articles) {
        for (Article article : articles) {
            cluster.produce(context.topics().articlesIngested(), article.getId(), article);
        }
        cluster.awaitRecords(context.topics().articlesEnriched(), articles.size(), WAIT);
    }

    private static EnrichedArticle enrich(TestCluster cluster, ServiceContext context, Article article) {
        cluster.produce(context.topics().articlesIngested(), article.getId(), article);
        return cluster.awaitValue(context.topics().articlesEnriched(), article.getId(),
                value -> value.getArticle().getVersion() == article.getVersion(), WAIT);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
