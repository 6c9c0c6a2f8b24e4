package io.inkstream.renderer;

import io.inkstream.events.PageView;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.streams.KeyValue;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer wired to the real broker and registry: topics in, pages, published articles and page views out. */
@InkstreamTest
class RendererServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void enrichedArticleIsServedPublishedAndCountedThenKilled(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(
                RendererConfig.SITE_BASE_URL.key(), "https://news.example.com",
                RendererConfig.VISITOR_SALT.key(), "integration-salt"));
        Topics topics = context.topics();
        try (RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();

            cluster.produce(topics.articlesEnriched(), TestArticles.XI_ID, TestArticles.xiCyberspace());
            HttpResponse<String> page = await(base + TestArticles.XI_PATH, r -> r.statusCode() == 200);
            assertThat(Jsoup.parse(page.body()).selectFirst("h1").text()).isEqualTo("Xi urges constructive cyberspace talks");
            PublishedArticle published = cluster.awaitValue(topics.articlesPublished(), TestArticles.XI_ID,
                    p -> p != null && p.getPubStatus() == PubStatus.usable, WAIT);
            assertThat(published.getUrl()).isEqualTo("https://news.example.com" + TestArticles.XI_PATH);

            HttpResponse<String> beacon = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/beacon"))
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\":\"" + TestArticles.XI_ID
                            + "\",\"visitor\":\"reader-0001\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(beacon.statusCode()).isEqualTo(204);
            List<KeyValue<String, PageView>> views = cluster.awaitRecords(topics.pageviews(), 1, WAIT);
            assertThat(views.get(0).key).isEqualTo(TestArticles.XI_ID);
            assertThat(views.get(0).value.getSection()).isEqualTo("politics");

            cluster.produce(topics.popularityTop24h(), "all", Ranking.newBuilder().setScope("all")
                    .setWindowStart(Instant.parse("2015-09-24T03:00:00Z")).setWindowEnd(Instant.parse("2015-09-25T03:00:00Z"))
                    .setComputedAt(Instant.parse("2015-09-25T03:00:01Z"))
                    .setEntries(List.of(RankingEntry.newBuilder().setRank(1).setArticleId(TestArticles.XI_ID)
                            .setViews(1).setVisitors(1).build())).build());
            await(base + "/widgets/popular.json", r -> r.body().contains("Xi urges constructive cyberspace talks"));

            cluster.produce(topics.articlesEnriched(), TestArticles.XI_ID, TestArticles.nextVersion(
                    TestArticles.xiCyberspace(), Instant.parse("2015-09-25T04:00:00Z"),
                    a -> a.setPubStatus(PubStatus.canceled)));
            cluster.produce(topics.articlesEnriched(), TestArticles.XI_ID, null);
            await(base + TestArticles.XI_PATH, r -> r.statusCode() == 410);
            List<KeyValue<String, PublishedArticle>> all = cluster.awaitRecords(topics.articlesPublished(), 4, WAIT);
            assertThat(all.get(1).value.getPubStatus()).isEqualTo(PubStatus.canceled);
            assertThat(all.get(2).value).isNull();
            assertThat(renderer.ready()).isTrue();
        }
    }

    private HttpResponse<String> await(String url, Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met for " + url + "; last answer " + (last == null ? "none" : last.statusCode()));
    }
}
