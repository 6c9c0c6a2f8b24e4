package io.inkstream.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pull feed against the real broker and registry: a partner reads with its cursor, the renderer restarts, the
 * partner resumes with its cursor and gets every version (corrections and kills) exactly once, in order per article.
 */
@InkstreamTest
class SyndicationFeedTest {

    private static final String ADMIN = "admin-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void partnerResumesWithItsCursorAfterARestartAndGetsEveryVersionOnceInOrder(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN));
        Topics topics = context.topics();
        List<String> seen = new ArrayList<>();
        String cursor;
        String apiKey;
        try (RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            awaitReady(renderer);

            String body = "{\"id\":\"wire-one\",\"filter\":{\"sections\":[\"Politics\"]}}";
            assertThat(admin(base, "POST", body, null).statusCode()).isEqualTo(401);
            assertThat(admin(base, "POST", body, "wrong").statusCode()).isEqualTo(403);
            HttpResponse<String> added = admin(base, "POST", body, ADMIN);
            assertThat(added.statusCode()).isEqualTo(201);
            apiKey = JSON.readTree(added.body()).get("apiKey").asText();
            assertThat(admin(base, "GET", null, ADMIN).body()).contains("wire-one").doesNotContain(apiKey);

            assertThat(feed(base, null, "", Map.of()).statusCode()).isEqualTo(401);
            assertThat(feed(base, "isk_nobody", "", Map.of()).statusCode()).isEqualTo(401);

            produce(cluster, topics, article("a1", "Politics"));
            produce(cluster, topics, article("b1", "Business")); // not for this partner
            produce(cluster, topics, article("c1", "Politics"));
            produce(cluster, topics, next(article("a1", "Politics"), 2, PubStatus.usable));

            cursor = readUntil(base, apiKey, null, seen, 3, 2);
            HttpResponse<byte[]> again = feed(base, apiKey, "?cursor=" + cursor, Map.of());
            String etag = again.headers().firstValue("ETag").orElseThrow();
            assertThat(feed(base, apiKey, "?cursor=" + cursor, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
            HttpResponse<byte[]> gzipped = feed(base, apiKey, "", Map.of("Accept-Encoding", "gzip"));
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))).get("partner").asText())
                    .isEqualTo("wire-one");
        }

        // While the renderer is down: a correction, a kill, a new article.
        produce(cluster, topics, next(article("a1", "Politics"), 3, PubStatus.usable));
        produce(cluster, topics, next(article("c1", "Politics"), 2, PubStatus.canceled));
        cluster.produce(topics.articlesEnriched(), "urn:inkstream:article:c1", null);
        produce(cluster, topics, article("d1", "Politics"));

        try (RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            awaitReady(renderer);
            readUntil(base, apiKey, cursor, seen, 6, 50);
            // Nothing more after the last cursor: a long poll that ends empty, with the same next.
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize(6);
        assertThat(perArticle(seen, "a1")).containsExactly("a1:1:usable", "a1:2:usable", "a1:3:usable");
        assertThat(perArticle(seen, "c1")).containsExactly("c1:1:usable", "c1:2:canceled");
        assertThat(perArticle(seen, "d1")).containsExactly("d1:1:usable");
    }

    @Test
    void partnerPastItsRateIsAnswered429WithRetryAfter(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN));
        try (RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            awaitReady(renderer);
            HttpResponse<String> added = admin(base, "POST", "{\"id\":\"slow\",\"pullPerMinute\":1}", ADMIN);
            String key = JSON.readTree(added.body()).get("apiKey").asText();
            assertThat(feed(base, key, "", Map.of()).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> limited = feed(base, key, "", Map.of());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
            assertThat(new String(limited.body())).contains("rate_limited");
        }
    }

    /** Reads the feed from {@code cursor} until {@code want} items in all were seen; returns the last next cursor. */
    private String readUntil(String base, String key, String cursor, List<String> seen, int want, int limit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String next = cursor;
        while (seen.size() < want) {
            assertThat(System.nanoTime()).as("items seen: %s", seen).isLessThan(deadline);
            HttpResponse<byte[]> page = feed(base, key, "?limit=" + limit + "&wait=5" + (next == null ? "" : "&cursor=" + next), Map.of());
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            for (JsonNode item : body.get("items")) {
                String id = item.get("id").asText();
                seen.add(id.substring(id.lastIndexOf(':') + 1) + ":" + item.get("version").asInt() + ":" + item.get("pubstatus").asText());
                assertThat(item.get("document").isObject()).isTrue();
            }
            next = body.get("next").asText();
        }
        return next;
    }

    private static List<String> perArticle(List<String> seen, String id) {
        return seen.stream().filter(s -> s.startsWith(id + ":")).toList();
    }

    private HttpResponse<byte[]> feed(String base, String key, String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/syndication/v1/feed" + query)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("x-api-key", key);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> admin(String base, String method, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/syndication/v1/admin/partners"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitReady(RendererService renderer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!renderer.ready()) {
            assertThat(System.nanoTime()).as("renderer ready").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static EnrichedArticle article(String id, String section) {
        return TestArticles.simple(id, section, "Story " + id, Instant.parse("2026-12-01T08:00:00Z"), 1);
    }

    static EnrichedArticle next(EnrichedArticle e, int version, PubStatus status) {
        e.getArticle().setVersion(version);
        e.getArticle().setVersionCreated(Instant.parse("2026-12-01T08:00:00Z").plusSeconds(60L * version));
        e.getArticle().setPubStatus(status);
        return e;
    }

    static void produce(TestCluster cluster, Topics topics, EnrichedArticle e) {
        cluster.produce(topics.articlesEnriched(), e.getArticle().getId(), e);
    }
}
