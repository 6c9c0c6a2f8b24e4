package io.inkstream.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service in two processes on one cluster (#15): {@code java -jar inkstream.jar run <service>} twice for each of
 * ingest, enrich, popularity and renderer, as separate JVMs against the test's embedded broker and registry. Items are
 * pushed to both ingest instances and views written to pageviews; every renderer instance must serve every article
 * and every popularity instance must answer every article's count. Then one instance of each service is killed with
 * SIGKILL: the survivors take over its tasks (after the group's session timeout, 45 s, since the dead member sent no
 * LeaveGroup) and every answer stays right, for the articles from before and for new ones pushed after the kill.
 * Bounded for CI (about 2-3 minutes on a quiet 2-core machine; most of it the starts and the session timeout).
 */
@InkstreamTest
class ScaleOutProcessIT {

    private static final List<String> SERVICES = List.of("ingest", "enrich", "popularity", "renderer");
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration ANSWER = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();

    /** One {@code inkstream run} process: its service, HTTP port and log. */
    private record Instance(String service, int port, Process process, Path log) {
    }

    @Test
    void twoInstancesOfEachServiceAnswerEverythingAndSurviveTheKillOfOne(TestCluster cluster) throws Exception {
        String packaged = System.getProperty("inkstream.jar");
        Assumptions.assumeTrue(packaged != null, "runs in mvn verify, after package (failsafe sets inkstream.jar)");
        Path jar = Path.of(packaged);
        Topics topics = cluster.uniqueTopics();
        Path work = Files.createTempDirectory("inkstream-scale-out-");
        try {
            for (String service : SERVICES) {
                for (int n = 1; n <= 2; n++) {
                    instances.computeIfAbsent(service, s -> new ArrayList<>())
                            .add(start(jar, cluster, topics, service, work.resolve(service + "-" + n)));
                }
            }
            for (List<Instance> each : instances.values()) {
                for (Instance instance : each) {
                    awaitUp(instance);
                }
            }

            Map<String, Long> views = new LinkedHashMap<>();
            push(cluster, topics, "before", 6, views);
            assertEverythingAnswered(views);

            for (List<Instance> each : instances.values()) {
                Instance killed = each.remove(0);
                killed.process().destroyForcibly(); // SIGKILL: no LeaveGroup, no commit, no flush
                killed.process().waitFor(10, TimeUnit.SECONDS);
            }
            push(cluster, topics, "after", 4, views);
            assertEverythingAnswered(views);
        } finally {
            for (List<Instance> each : instances.values()) {
                for (Instance instance : each) {
                    instance.process().destroy();
                }
            }
            for (List<Instance> each : instances.values()) {
                for (Instance instance : each) {
                    if (!instance.process().waitFor(20, TimeUnit.SECONDS)) {
                        instance.process().destroyForcibly();
                    }
                }
            }
            JarProcess.deleteRecursively(work);
        }
    }

    private Instance start(Path jar, TestCluster cluster, Topics topics, String service, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        int port = JarProcess.freePort();
        Path log = dataDir.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "run", service)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", cluster.registryUrl());
        env.put("INKSTREAM_TOPIC_PREFIX", topics.prefix());
        env.put("INKSTREAM_DATA_DIR", dataDir.toString());
        env.put("INKSTREAM_HTTP_PORT", String.valueOf(port));
        return new Instance(service, port, builder.start(), log);
    }

    private void awaitUp(Instance instance) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(instance.process().isAlive()).as("%s on %d running; it printed:\n%s", instance.service(), instance.port(),
                    tail(instance)).isTrue();
            HttpResponse<String> r = get(instance.port(), "/health");
            if (r != null && r.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.service() + " on " + instance.port() + " not UP within " + START + ":\n" + tail(instance));
    }

    /** Pushes {@code count} items to the ingest instances in turn, and i + 1 views of the i-th (each visitor once). */
    private void push(TestCluster cluster, Topics topics, String name, int count, Map<String, Long> views) throws Exception {
        List<Instance> ingests = instances.get("ingest");
        for (int i = 0; i < count; i++) {
            String item = JSON.createObjectNode().put("uri", "urn:inkstream:scale:" + name + "-" + i).put("type", "text")
                    .put("version", "1").put("versioncreated", "2026-12-01T10:00:00Z").put("pubstatus", "usable")
                    .put("language", "en").put("headline", "Scale out " + name + " " + i)
                    .put("body_text", "Two instances of every service share one cluster. Item " + name + " " + i + ".")
                    .toString();
            String articleId = postItem(ingests.get(i % ingests.size()).port(), name + "-" + i, item);
            long n = i + 1;
            Instant at = Instant.now();
            for (int v = 0; v < n; v++) {
                cluster.produce(topics.pageviews(), articleId, PageView.newBuilder().setArticleId(articleId)
                        .setSection("General").setVisitorHash(name + "-visitor-" + v).setViewedAt(at.plusMillis(v))
                        .setUserAgent("Mozilla/5.0 Firefox/130.0").build());
            }
            views.put(articleId, n);
        }
    }

    private String postItem(int port, String name, String item) throws Exception {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/items?filename="
                    + name + ".json")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(item)));
            if (r != null && r.statusCode() == 202) {
                return JSON.readTree(r.body()).path("articleId").asText();
            }
            last = r == null ? "no answer" : r.statusCode() + " " + r.body();
            Thread.sleep(500);
        }
        throw new AssertionError("ingest on " + port + " did not accept " + name + " within " + ANSWER + ": " + last);
    }

    /** Every renderer serves every article, every popularity instance counts every article's views exactly. */
    private void assertEverythingAnswered(Map<String, Long> views) throws Exception {
        for (Map.Entry<String, Long> e : views.entrySet()) {
            for (Instance renderer : instances.get("renderer")) {
                JsonNode article = await(renderer, "/api/v1/articles/" + e.getKey(), body -> true);
                assertThat(article.toString()).contains("Scale out");
            }
            for (Instance popularity : instances.get("popularity")) {
                await(popularity, "/v1/popular/articles/" + e.getKey(), body -> body.path("views").asLong() == e.getValue());
            }
        }
    }

    private JsonNode await(Instance instance, String path, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(instance.port(), path);
            if (r != null) {
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && done.test(JSON.readTree(r.body()))) {
                    return JSON.readTree(r.body());
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.service() + " on " + instance.port() + " " + path + " not as expected within "
                + ANSWER + "; last: " + last + "\n" + tail(instance));
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not listening yet, or killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Instance instance) {
        try {
            List<String> lines = Files.readAllLines(instance.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
