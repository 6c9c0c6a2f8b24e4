package io.inkstream.app.e2e;

import io.inkstream.app.EmbeddedStack;
import io.inkstream.app.InkstreamConfig;
import io.inkstream.app.Services;
import io.inkstream.events.Article;
import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import io.inkstream.renderer.RendererConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker stopped for 30 s under item and beacon load, then started again on the same log directory and port,
 * while the four services and their HTTP server keep running (in this JVM, against the broker and registry the
 * test owns, as {@code inkstream run} runs them against any cluster). Then it counts, from outside:
 * <ul>
 *   <li>what was not stored was refused with 503 (never a 2xx, never a 500, never no answer);</li>
 *   <li>every item answered 202 is on articles.ingested and published (its API answers 200): nothing
 *       acknowledged is lost, and the services recovered on their own;</li>
 *   <li>every view answered 204 is on pageviews (by its salted visitor hash);</li>
 *   <li>an item accepted after the broker returned is published, and how long that took.</li>
 * </ul>
 * About 2 minutes: ~30 s to start, 5 s of load, 30 s of outage, the recovery, the counting.
 */
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("inkstream.outage.seconds", 30));
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    private static final String SALT = "outage-test-salt";

    private final Random random = new Random(Long.getLong("inkstream.outage.seed", System.nanoTime()));
    private Path dataDir;
    private EmbeddedKafka kafka;
    private SchemaRegistryServer registry;
    private EmbeddedStack stack;
    private PipelineLoad load;

    @AfterEach
    void stop() {
        if (load != null) {
            load.loading.set(false);
        }
        if (stack != null) {
            stack.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        JarProcess.deleteRecursively(dataDir);
    }

    @Test
    void brokerStoppedUnderLoadLosesNothingAcknowledgedRefusesWith503AndServicesRecoverOnTheirOwn() throws Exception {
        dataDir = Files.createTempDirectory("inkstream-broker-outage-");
        int kafkaPort = JarProcess.freePort();
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
        registry = SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers()).withPort(0));
        Settings settings = Settings.ofOverrides(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                CommonConfig.REGISTRY_URL.key(), registry.url(),
                CommonConfig.DATA_DIR.key(), dataDir.resolve("services").toString(),
                CommonConfig.HTTP_PORT.key(), "0",
                RendererConfig.VISITOR_SALT.key(), SALT));
        stack = EmbeddedStack.startServices(InkstreamConfig.from(settings), Services.names(), System.out);
        load = new PipelineLoad(stack.httpPort(), "outage", random);
        if (!stack.awaitReady(Duration.ofSeconds(180))) {
            throw new AssertionError("services not ready within 180 s: " + load.send(
                    java.net.http.HttpRequest.newBuilder(load.uri("/health")).GET()).body());
        }

        String viewed = load.postItem("outage-viewed");
        assertThat(viewed).as("first item accepted").isNotNull();
        load.awaitPublished(viewed, Duration.ofSeconds(60));
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(load::itemLoad, "outage-items"));
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> load.beaconLoad(viewed), "outage-beacons-" + t));
        }
        threads.forEach(Thread::start);

        Thread.sleep(5000);
        int itemsBefore = load.ackedItems.size();
        int viewsBefore = load.ackedViews.size();
        kafka.close();
        long stoppedAt = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis());
        int refusedDuringOutage = load.answered(503);
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
        long restartedAt = System.nanoTime();

        long[] recovery = load.awaitAnItemAcceptedAndPublishedAfter(restartedAt, RECOVERY_BOUND, () -> { });
        Thread.sleep(3000); // and some load after the recovery
        load.loading.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }

        Set<String> notPublished = awaitAllPublished(load.ackedItems.keySet(), Duration.ofSeconds(60));
        Map<String, Integer> ingested = new HashMap<>();
        PipelineLoad.countByKey(kafka.bootstrapServers(), registry.url(), Topics.withPrefix("").articlesIngested(),
                (Article a) -> true, null, ingested);
        Map<String, Integer> viewsByVisitorHash = new HashMap<>();
        PipelineLoad.countByKey(kafka.bootstrapServers(), registry.url(), Topics.withPrefix("").pageviews(),
                (PageView v) -> true, PageView::getVisitorHash, viewsByVisitorHash);
        Set<String> lostViews = load.ackedViews.stream().filter(v -> !viewsByVisitorHash.containsKey(hash(v)))
                .collect(Collectors.toSet());

        String report = "before the stop: " + itemsBefore + " items, " + viewsBefore + " views acknowledged"
                + "\nbroker down " + (restartedAt - stoppedAt) / 1_000_000 + " ms; 503 answers during it: " + refusedDuringOutage
                + "\nafter the broker's start: ingest accepted again in " + recovery[0] + " ms, that item was published "
                + recovery[1] + " ms later"
                + "\nanswers by status: " + load.answers + ", unanswered: " + load.unanswered
                + "\nitems acknowledged " + load.ackedItems.size() + ", on articles.ingested " + ingested.size()
                + ", not published " + notPublished.size()
                + "; views acknowledged " + load.ackedViews.size() + ", on pageviews " + viewsByVisitorHash.size()
                + ", acknowledged but missing " + lostViews.size();
        System.out.println(report);
        assertThat(refusedDuringOutage).as("the outage was answered 503\n%s", report).isPositive();
        assertThat(load.answers.keySet()).as("only 2xx and 503\n%s", report)
                .allSatisfy(status -> assertThat(status).isIn(200, 202, 204, 503));
        assertThat(load.unanswered.get()).as("every request answered\n%s", report).isZero();
        assertThat(ingested.keySet()).as("acknowledged items on articles.ingested\n%s", report)
                .containsAll(load.ackedItems.keySet());
        assertThat(notPublished).as("acknowledged items published\n%s", report).isEmpty();
        assertThat(lostViews).as("acknowledged views on pageviews\n%s", report).isEmpty();
    }

    private Set<String> awaitAllPublished(Set<String> ids, Duration timeout) throws InterruptedException {
        Set<String> missing = new java.util.HashSet<>(ids);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(load::isPublished);
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return missing;
    }

    /** The renderer's visitor hash: SHA-256 of the salt then the visitor id, in hex. */
    private static String hash(String visitor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SALT.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(visitor.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
