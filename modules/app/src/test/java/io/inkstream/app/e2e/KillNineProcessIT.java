package io.inkstream.app.e2e;

import io.inkstream.events.PageView;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar killed with SIGKILL under load, as an operator's worst day would: {@code up} as a real
 * process, wire items and reader beacons pushed over HTTP all along, {@code kill -9} at random moments, and a
 * restart on the same data directory each time. Then it counts, from outside (HTTP and the topics):
 * <ul>
 *   <li>every item answered 202 is on articles.ingested, once (0 lost, 0 doubled);</li>
 *   <li>every view answered 204 is on pageviews, each visitor once, and popularity counts exactly the views
 *       there (0 lost, 0 doubled);</li>
 *   <li>after each restart the first item ingest accepts (202) is published (its API answers 200) within 15 s: no
 *       stalled group behind a 202; the time from the restart to that 202 (the stack's start) is reported.</li>
 * </ul>
 * Bounded for CI: {@code inkstream.kill.rounds} kills (default 3), a few seconds of load between them. The longer
 * soak is the same test with more rounds (modules/app/README or the project README, Guarantees).
 */
class KillNineProcessIT {

    private static final int ROUNDS = Integer.getInteger("inkstream.kill.rounds", 3);
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private final Random random = new Random(Long.getLong("inkstream.kill.seed", System.nanoTime()));
    private Path jar;
    private Path dataDir;
    private Path logDir;
    private Process process;
    private int httpPort;
    private int kafkaPort;
    private int registryPort;
    private int starts;

    private PipelineLoad load;
    private final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (load != null) {
            load.loading.set(false);
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        JarProcess.deleteRecursively(dataDir);
    }

    @Test
    void killedUnderLoadLosesNothingAcknowledgedDoublesNothingAndPublishesAgainWithin15Seconds() throws Exception {
        String packaged = System.getProperty("inkstream.jar");
        Assumptions.assumeTrue(packaged != null, "runs in mvn verify, after package (failsafe sets inkstream.jar)");
        jar = Path.of(packaged);
        logDir = jar.toAbsolutePath().getParent();
        dataDir = Files.createTempDirectory("inkstream-kill-nine-");
        httpPort = JarProcess.freePort();
        kafkaPort = JarProcess.freePort();
        registryPort = JarProcess.freePort();
        load = new PipelineLoad(httpPort, "kill9", random);
        start();
        awaitUp(START);

        // the article the readers read, on the site before the load starts
        String viewed = load.postItem("kill9-viewed");
        assertThat(viewed).as("first item accepted").isNotNull();
        load.awaitPublished(viewed, Duration.ofSeconds(60));

        Thread items = new Thread(load::itemLoad, "kill9-items");
        List<Thread> beacons = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            beacons.add(new Thread(() -> load.beaconLoad(viewed), "kill9-beacons-" + t));
        }
        items.start();
        beacons.forEach(Thread::start);

        List<Long> recoveries = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Thread.sleep(3000 + random.nextInt(5000)); // under load, for a random while
            int itemsBefore = load.ackedItems.size();
            int viewsBefore = load.ackedViews.size();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            notes.add("round " + round + ": killed after " + itemsBefore + " items, " + viewsBefore + " views acknowledged");
            long restarted = System.nanoTime();
            start();
            // ms to ingest's first 202 (the stack's start), then to that item's page: what a stalled group made long (45 s)
            long[] times = load.awaitAnItemAcceptedAndPublishedAfter(restarted, Duration.ofSeconds(120),
                    () -> assertThat(process.isAlive()).as("process running (logs in %s)", logDir).isTrue());
            recoveries.add(times[1]);
            notes.add("round " + round + ": ingest accepted again " + times[0] + " ms after the restart; that item was published "
                    + times[1] + " ms later (" + (times[0] + times[1]) + " ms after the restart)");
        }
        load.loading.set(false);
        items.join(20_000);
        for (Thread b : beacons) {
            b.join(20_000);
        }
        awaitUp(Duration.ofSeconds(60));

        // Everything acknowledged is on the topics, once; popularity counts exactly what is on pageviews.
        Map<String, Integer> ingested = countByKey(Topics.withPrefix("").articlesIngested(), a -> a.getVersion() == 1);
        Map<String, Integer> versions = countByKey(Topics.withPrefix("").articlesIngested(), a -> true);
        Map<String, Integer> viewsByVisitor = new HashMap<>();
        countByKey(Topics.withPrefix("").pageviews(), v -> true, PageView::getVisitorHash, viewsByVisitor);
        long counted = awaitCount(viewed, viewsByVisitor.size(), Duration.ofSeconds(60));

        String report = String.join("\n", notes) + "\nanswers by status: " + load.answers
                + "\nitems acknowledged " + load.ackedItems.size() + ", on articles.ingested " + ingested.size()
                + "; views acknowledged " + load.ackedViews.size() + ", on pageviews " + viewsByVisitor.size()
                + ", counted by popularity " + counted + "\naccepted-to-published after each restart (ms): " + recoveries;
        System.out.println(report);
        assertThat(ingested.keySet()).as("acknowledged items on articles.ingested\n%s", report).containsAll(load.ackedItems.keySet());
        assertThat(versions).as("each article once (a resent item is a duplicate, not a version 2)\n%s", report)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(viewsByVisitor).as("each view once on pageviews\n%s", report)
                .allSatisfy((visitor, n) -> assertThat(n).as(visitor).isEqualTo(1));
        assertThat(viewsByVisitor.size()).as("acknowledged views all on pageviews\n%s", report)
                .isGreaterThanOrEqualTo(load.ackedViews.size());
        assertThat(counted).as("popularity counts each stored view once\n%s", report).isEqualTo(viewsByVisitor.size());
        assertThat(load.answers.keySet()).as("never a 500\n%s", report).doesNotContain(500);
        assertThat(recoveries).as("ms from ingest accepting again after each restart to that item being published\n%s", report)
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(RECOVERY.toMillis()));
    }

    private void start() throws IOException {
        starts++;
        Path log = logDir.resolve("kill-nine-process-it-" + starts + ".log");
        process = JarProcess.up(jar, dataDir, httpPort, kafkaPort, registryPort, log);
    }

    private void awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("process running (logs in %s)", logDir).isTrue();
            HttpResponse<String> r = load.send(HttpRequest.newBuilder(load.uri("/health")).GET());
            if (r != null && r.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not UP within " + timeout + " (logs in " + logDir + ")");
    }

    private long awaitCount(String articleId, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long views = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = load.send(HttpRequest.newBuilder(load.uri("/v1/popular/articles/" + articleId)).GET());
            if (r != null && r.statusCode() == 200) {
                views = PipelineLoad.json(r.body()).path("views").asLong();
                if (views == expected) {
                    return views;
                }
            }
            Thread.sleep(300);
        }
        return views;
    }

    private <V> Map<String, Integer> countByKey(TopicSpec<V> topic, java.util.function.Predicate<V> which) {
        Map<String, Integer> counts = new HashMap<>();
        countByKey(topic, which, null, counts);
        return counts;
    }

    private <V> void countByKey(TopicSpec<V> topic, java.util.function.Predicate<V> which, Function<V, String> by,
                                Map<String, Integer> counts) {
        PipelineLoad.countByKey("127.0.0.1:" + kafkaPort, "http://127.0.0.1:" + registryPort, topic, which, by, counts);
    }
}
