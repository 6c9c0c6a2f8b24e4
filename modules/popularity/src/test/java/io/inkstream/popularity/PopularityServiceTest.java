package io.inkstream.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.PageView;
import io.inkstream.events.Ranking;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TempDirs;
import io.inkstream.testkit.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The popularity service on a real broker and registry: rankings on the topic, the HTTP API, a restart. */
@InkstreamTest
class PopularityServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rankingsReachTheTopicAndTheApiAndSurviveARestartThatRebuildsState(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of());
        Topics topics = context.topics();
        Instant now = Instant.now();

        view(cluster, topics, "a", "World", "v1", now);
        view(cluster, topics, "a", "World", "v2", now);
        view(cluster, topics, "a", "World", "v2", now.plusSeconds(60));   // a repeat
        view(cluster, topics, "b", "Politics", "v1", now);
        cluster.produce(topics.pageviews(), "c", PageView.newBuilder().setArticleId("c").setVisitorHash("crawler")
                .setViewedAt(now).setUserAgent("Googlebot/2.1").build());

        try (PopularityService service = new PopularityService(context)) {
            service.start();
            awaitTop(cluster, topics, "all", List.of("a=2", "b=1"));
            awaitTop(cluster, topics, "world", List.of("a=2"));

            try (HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(service), null)) {
                int port = server.port();
                JsonNode popular = get(port, "/v1/popular?scope=all&limit=1");
                assertThat(popular.get("scope").asText()).isEqualTo("all");
                assertThat(popular.get("entries")).hasSize(1);
                assertThat(popular.get("entries").get(0).get("articleId").asText()).isEqualTo("a");
                assertThat(popular.get("entries").get(0).get("views").asLong()).isEqualTo(2);
                assertThat(popular.get("entries").get(0).get("rank").asInt()).isEqualTo(1);

                JsonNode article = get(port, "/v1/popular/articles/a");
                assertThat(article.get("views").asLong()).isEqualTo(2);
                assertThat(article.get("visitors").asLong()).isEqualTo(2);

                assertThat(status(port, "/v1/popular?limit=51")).isEqualTo(400);
            }
        }

        // While the service is down, more views arrive; its local state is wiped, so the restart must
        // rebuild every count from the changelogs and go on exactly where it stopped.
        view(cluster, topics, "b", "Politics", "v2", now.plusSeconds(5));
        view(cluster, topics, "b", "Politics", "v3", now.plusSeconds(6));
        view(cluster, topics, "a", "World", "v1", now.plusSeconds(7));    // still a repeat of v1's first view
        view(cluster, topics, "d", "World", "v1", now.plusSeconds(8));
        TempDirs.deleteTreeOrFail(context.dataDir().resolve("streams"));

        try (PopularityService restarted = new PopularityService(context)) {
            restarted.start();
            awaitTop(cluster, topics, "all", List.of("b=3", "a=2", "d=1"));
            awaitTop(cluster, topics, "world", List.of("a=2", "d=1"));
            awaitTop(cluster, topics, "politics", List.of("b=3"));
        }
    }

    private static void view(TestCluster cluster, Topics topics, String article, String section, String visitor, Instant at) {
        cluster.produce(topics.pageviews(), article, PageView.newBuilder().setArticleId(article).setSection(section)
                .setVisitorHash(visitor).setViewedAt(at).setUserAgent("Mozilla/5.0 Firefox/130.0").build());
    }

    private static Ranking awaitTop(TestCluster cluster, Topics topics, String scope, List<String> expected) {
        return cluster.awaitValue(topics.popularityTop24h(), scope,
                r -> r.getEntries().stream().map(e -> e.getArticleId() + "=" + e.getViews()).toList().equals(expected), WAIT);
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int status(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
