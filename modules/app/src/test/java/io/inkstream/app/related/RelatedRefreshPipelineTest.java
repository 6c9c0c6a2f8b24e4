package io.inkstream.app.related;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.EnrichService;
import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Provenance;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.PublishedLink;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.renderer.RendererConfig;
import io.inkstream.renderer.RendererService;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.common.utils.Utils;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0033 against the real broker and registry: enrich (three partitions, the refresh requests through
 * its repartition topic) and the renderer. An older article on one partition gains a later, strongly related
 * article from another partition in its related list: on its page and on articles.published, as the same
 * version; when the later one is killed, the older one's page and record lose it again.
 */
@InkstreamTest
class RelatedRefreshPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOlderArticlesPageGainsALaterRelatedArticleFromAnotherPartitionAndLosesItWhenItIsKilled(TestCluster cluster)
            throws Exception {
        ServiceContext context = cluster.context(Map.of(
                RendererConfig.SITE_BASE_URL.key(), "https://news.example.com",
                RendererConfig.VISITOR_SALT.key(), "refresh-salt",
                EnrichConfig.REFRESH_MIN_INTERVAL.key(), "1s"));
        Topics topics = context.topics();
        String olderId = idOnPartition("urn:inkstream:article:older-", 0);
        String laterId = idOnPartition("urn:inkstream:article:later-", 1);
        Instant published = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Article older = article(olderId, "Xi meets Microsoft executives in Seattle", published,
                "President Xi Jinping met Microsoft executives in Seattle to discuss cybersecurity and internet "
                        + "cooperation between China and the United States.",
                "The talks covered hacking, data and the internet industry forum.");
        Article later = article(laterId, "Cybersecurity cooperation to continue, officials say", published.plusSeconds(600),
                "Cybersecurity cooperation between China and the United States will continue, officials said after "
                        + "President Xi Jinping visited Microsoft in Seattle.",
                "Both sides agreed that hacking threatens the internet industry and trade.");

        try (EnrichService enrich = new EnrichService(context);
             RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            enrich.start();
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();

            cluster.produce(topics.articlesIngested(), olderId, older);
            EnrichedArticle olderEnriched = cluster.awaitValue(topics.articlesEnriched(), olderId, e -> e != null, WAIT);
            assertThat(olderEnriched.getRelated()).isEmpty();
            String olderPage = base + olderEnriched.getCanonicalPath();
            await(olderPage, r -> r.statusCode() == 200);

            cluster.produce(topics.articlesIngested(), laterId, later);
            EnrichedArticle laterEnriched = cluster.awaitValue(topics.articlesEnriched(), laterId, e -> e != null, WAIT);
            assertThat(laterEnriched.getRelated()).extracting(r -> r.getId()).containsExactly(olderId);
            String laterPath = laterEnriched.getCanonicalPath();

            HttpResponse<String> page = await(olderPage, r -> relatedLinks(r).contains(laterPath));
            assertThat(relatedLinks(page)).containsExactly(laterPath);
            PublishedArticle refreshed = cluster.awaitValue(topics.articlesPublished(), olderId,
                    p -> p != null && !p.getRelated().isEmpty(), WAIT);
            assertThat(refreshed.getVersion()).as("the same version").isEqualTo(1);
            assertThat(refreshed.getRelated()).extracting(PublishedLink::getUrl)
                    .containsExactly("https://news.example.com" + laterPath);
            assertThat(refreshed.getRelatedUpdatedAt()).isNotNull();

            Thread.sleep(1_100); // the older list's once-per-interval (1 s here)
            cluster.produce(topics.articlesIngested(), laterId,
                    Article.newBuilder(later).setVersion(2).setPubStatus(PubStatus.canceled).build());
            PublishedArticle withoutIt = cluster.awaitValue(topics.articlesPublished(), olderId,
                    p -> p != null && p.getRelated().isEmpty(), WAIT);
            assertThat(withoutIt.getVersion()).isEqualTo(1);
            EnrichedArticle last = cluster.awaitValue(topics.articlesEnriched(), olderId,
                    e -> e != null && e.getRelated().isEmpty() && e.getRelatedUpdatedAt() != null, WAIT);
            assertThat(last.getArticle().getVersion()).isEqualTo(1);
            assertThat(relatedLinks(await(olderPage, r -> !relatedLinks(r).contains(laterPath)))).isEmpty();
        }
    }

    /** An id whose records articles.ingested's default partitioner puts on {@code partition} of 3. */
    private static String idOnPartition(String prefix, int partition) {
        for (int i = 0; ; i++) {
            String id = prefix + i;
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % 3 == partition) {
                return id;
            }
        }
    }

    private static List<String> relatedLinks(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#related a").eachAttr("href");
    }

    private HttpResponse<String> await(String url, Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + url + "; last answer " + (last == null ? "none"
                : last.statusCode() + " " + last.body().substring(0, Math.min(300, last.body().length()))));
    }

    private static Article article(String id, String headline, Instant at, String... paragraphs) {
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setVersionCreated(at)
                .setFirstCreated(at)
                .setPubStatus(PubStatus.usable)
                .setType(ContentType.text)
                .setSection("Politics")
                .setHeadline(headline)
                .setPublishedAt(at)
                .setPublishedOffset("Asia/Shanghai")
                .setParagraphs(List.of(paragraphs))
                .setProvenance(Provenance.newBuilder().setFeed("test").setFormat("test").setRawItemId("raw-" + id)
                        .setContentHash("hash-" + id).build())
                .build();
    }
}
