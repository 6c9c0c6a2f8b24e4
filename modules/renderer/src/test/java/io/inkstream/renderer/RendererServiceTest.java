package io.inkstream.renderer;

import io.inkstream.events.PageView;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.renderer.store.KilledArticle;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.Properties;
import java.util.concurrent.ExecutionException;
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

    /**
     * Compaction of articles.enriched removes a kill's tombstone (and every version before it) after
     * delete.retention.ms; simulated here by deleting and recreating the topic, which leaves it holding nothing
     * of the article, as compaction would. After a restart the stores know the article only from
     * renderer.killed-articles, and every path it had still answers 410.
     */
    @Test
    void killedArticleStaysGoneAfterCompactionRemovedItsTombstoneAndARestart(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(RendererConfig.VISITOR_SALT.key(), "integration-salt"));
        Topics topics = context.topics();
        String previousPath = TestArticles.xiCyberspace().getPreviousPaths().get(0);
        try (RendererService renderer = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            cluster.produce(topics.articlesEnriched(), TestArticles.XI_ID, TestArticles.xiCyberspace());
            await(base + TestArticles.XI_PATH, r -> r.statusCode() == 200);
            cluster.produce(topics.articlesEnriched(), TestArticles.XI_ID, null);
            await(base + TestArticles.XI_PATH, r -> r.statusCode() == 410);
            awaitKillRecord(cluster, KilledArticle.topic(topics).name(), TestArticles.XI_ID);
        }

        recreateEmpty(cluster, topics.articlesEnriched().name());

        try (RendererService restarted = new RendererService(context);
             HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(restarted), null)) {
            restarted.start();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = await(base + TestArticles.XI_PATH, r -> r.statusCode() != 503);
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(get(base + previousPath).statusCode()).isEqualTo(410);
            assertThat(get(base + "/api/v1/articles/" + TestArticles.XI_ID).statusCode()).isEqualTo(410);
            assertThat(get(base + "/politics/2015-09-25/never-published.html").statusCode()).isEqualTo(404);
        }
    }

    private static void awaitKillRecord(TestCluster cluster, String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no kill record for " + key + " on " + topic);
    }

    /** Deletes the topic and creates it again, empty, with the same settings (retrying while the deletion completes). */
    private static void recreateEmpty(TestCluster cluster, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            admin.deleteTopics(List.of(topic)).all().get();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, description.partitions().size(), (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")))).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
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
