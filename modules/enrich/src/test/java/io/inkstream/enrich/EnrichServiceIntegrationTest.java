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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrich service against a real broker and registry: enrich, survive a poison pill, kill. */
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
}
