package io.inkstream.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two popularity instances on one cluster, in one JVM with their own state directories and HTTP ports: each holds
 * some of the tasks, and both answer every article's count and every scope's ranking (forwarding to the owner).
 */
@InkstreamTest
class PopularityInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyArticleCountAndRankingIsAnsweredByBothInstances(TestCluster cluster) throws Exception {
        Topics topics = cluster.uniqueTopics();
        int portA = freePort();
        int portB = freePort();
        ServiceContext contextA = cluster.context(topics, Map.of());
        ServiceContext contextB = cluster.context(topics, Map.of());
        PopularityConfig config = PopularityConfig.defaults();
        try (PopularityService a = new PopularityService(contextA, config.withAdvertisedUrl(URI.create("http://127.0.0.1:" + portA)));
             PopularityService b = new PopularityService(contextB, config.withAdvertisedUrl(URI.create("http://127.0.0.1:" + portB)));
             HttpServer serverA = HttpServer.start("127.0.0.1", portA, List.of(a), null);
             HttpServer serverB = HttpServer.start("127.0.0.1", portB, List.of(b), null)) {
            a.start();
            b.start();
            List<Integer> ports = List.of(portA, portB);
            awaitTasksSplit(ports);

            // 12 articles in two sections; article i has i + 1 views from distinct visitors.
            Instant now = Instant.now();
            Map<String, Long> expected = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                String id = "article-" + i;
                for (int v = 0; v <= i; v++) {
                    cluster.produce(topics.pageviews(), id, PageView.newBuilder().setArticleId(id)
                            .setSection(i % 2 == 0 ? "World" : "Sport").setVisitorHash("visitor-" + v)
                            .setViewedAt(now.plusMillis(v)).setUserAgent("Mozilla/5.0 Firefox/130.0").build());
                }
                expected.put(id, (long) i + 1);
            }

            for (int port : ports) {
                for (Map.Entry<String, Long> e : expected.entrySet()) {
                    JsonNode article = await(port, "/v1/popular/articles/" + e.getKey(),
                            body -> body.get("views").asLong() == e.getValue());
                    assertThat(article.get("visitors").asLong()).isEqualTo(e.getValue());
                }
                List<String> allOrder = List.of("article-11", "article-10", "article-9", "article-8", "article-7",
                        "article-6", "article-5", "article-4", "article-3", "article-2", "article-1", "article-0");
                JsonNode all = await(port, "/v1/popular?scope=all&limit=12", body -> ids(body).equals(allOrder));
                assertThat(all.get("entries").get(0).get("views").asLong()).isEqualTo(12);
                await(port, "/v1/popular?scope=world", body -> ids(body).equals(
                        List.of("article-10", "article-8", "article-6", "article-4", "article-2", "article-0")));
                await(port, "/v1/popular?scope=sport", body -> ids(body).equals(
                        List.of("article-11", "article-9", "article-7", "article-5", "article-3", "article-1")));
            }
            // Each answer that was not the instance's own says who answered it.
            int forwarded = 0;
            for (int port : ports) {
                for (String id : expected.keySet()) {
                    HttpResponse<String> r = send(port, "/v1/popular/articles/" + id);
                    forwarded += r.headers().firstValue(PopularityForwarding.ANSWERED_BY).isPresent() ? 1 : 0;
                }
            }
            assertThat(forwarded).isEqualTo(expected.size()); // each article held by exactly one of the two
        }
    }

    /** Both instances RUNNING, each with active tasks of its own, none held twice (their /health says which). */
    private void awaitTasksSplit(List<Integer> ports) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            List<Set<String>> held = new ArrayList<>();
            for (int port : ports) {
                HttpResponse<String> health = send(port, "/health");
                last = health.body();
                JsonNode tasks = json.readTree(health.body()).path("instance").path("popularity").path("activeTasks");
                Set<String> ids = new HashSet<>();
                tasks.forEach(t -> ids.add(t.asText()));
                if (health.statusCode() == 200 && !ids.isEmpty()) {
                    held.add(ids);
                }
            }
            if (held.size() == ports.size() && held.get(0).stream().noneMatch(held.get(1)::contains)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the two instances did not split the tasks within " + WAIT + "; last health: " + last);
    }

    private JsonNode await(int port, String path, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(port, path);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode body = json.readTree(r.body());
                if (done.test(body)) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("port " + port + " " + path + " did not answer as expected within " + WAIT + "; last: " + last);
    }

    private HttpResponse<String> send(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.get("entries").forEach(e -> ids.add(e.get("articleId").asText()));
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
