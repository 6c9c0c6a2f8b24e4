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
    void serviceEnrichesRejectsGarbageAndTombstonesKilledArticles(TestCluster cluster) {
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
            assertThat(service.ready()).isTrue();

            List<KeyValue<String, WireRejection>> rejections =
                    cluster.awaitRecords(context.topics().wireRejected(), 1, WAIT);
            assertThat(rejections.get(0).value.getStage()).isEqualTo(RejectionStage.ENRICH);
            assertThat(rejections.get(0).value.getItemId()).isEqualTo("urn:bad");

            Article killed = Article.newBuilder(article).setVersion(2).setPubStatus(PubStatus.canceled).build();
            cluster.produce(context.topics().articlesIngested(), killed.getId(), killed);
            List<KeyValue<String, EnrichedArticle>> out = cluster.awaitRecords(context.topics().articlesEnriched(), 2, WAIT);
            assertThat(out.get(1).key).isEqualTo(article.getId());
            assertThat(out.get(1).value).isNull();
        }
    }

    /**
     * The same corpus and then the same new article, through two enrich applications: one runs
     * straight through, the other is stopped after the corpus, its state directory deleted, and
     * started again, so its stores come back from their changelogs and its Lucene index from the
     * stores. The new article gets the same related news and duplicate mark from both.
     */
    @Test
    void withItsLocalStateWipedEnrichRebuildsTheIndexAndListsTheSameRelatedNews(TestCluster cluster) throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        List<Article> corpus = RelatedNewsCorpusTest.corpus(start);
        Article last = corpus.get(corpus.size() - 1);
        Article next = Article.newBuilder(last).setId("urn:corpus:next")
                .setPublishedAt(start.plus(Duration.ofHours(corpus.size() + 1))).build();

        ServiceContext straight = cluster.context(Map.of());
        EnrichedArticle expected;
        try (EnrichService service = new EnrichService(straight)) {
            service.start();
            feed(cluster, straight, corpus);
            expected = enrich(cluster, straight, next);
        }

        ServiceContext restarted = cluster.context(Map.of());
        try (EnrichService service = new EnrichService(restarted)) {
            service.start();
            feed(cluster, restarted, corpus);
        }
        Path state = restarted.dataDir().resolve("streams");
        assertThat(state).exists();
        deleteRecursively(state);
        EnrichedArticle actual;
        try (EnrichService service = new EnrichService(restarted)) {
            service.start();
            actual = enrich(cluster, restarted, next);
        }

        assertThat(expected.getRelated()).as("the corpus is searched").isNotEmpty();
        assertThat(actual.getKeywords().toString()).isEqualTo(expected.getKeywords().toString());
        // compared as text: an Avro record with an Instant cannot print itself in a failure message
        assertThat(actual.getRelated().stream().map(r -> r.getId() + " " + r.getScore() + " " + r.getPublishedAt()).toList())
                .isEqualTo(expected.getRelated().stream().map(r -> r.getId() + " " + r.getScore() + " " + r.getPublishedAt()).toList());
        assertThat(actual.getRelated()).isEqualTo(expected.getRelated());
        assertThat(actual.getDuplicateOf()).isEqualTo(expected.getDuplicateOf());
    }

    private static void feed(TestCluster cluster, ServiceContext context, List<Article> articles) {
        for (Article article : articles) {
            cluster.produce(context.topics().articlesIngested(), article.getId(), article);
        }
        cluster.awaitRecords(context.topics().articlesEnriched(), articles.size(), WAIT);
    }

    private static EnrichedArticle enrich(TestCluster cluster, ServiceContext context, Article article) {
        cluster.produce(context.topics().articlesIngested(), article.getId(), article);
        return cluster.awaitValue(context.topics().articlesEnriched(), article.getId(), value -> value != null, WAIT);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
