package io.inkstream.app.e2e;

import com.sun.net.httpserver.HttpServer;
import io.inkstream.events.PageView;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *   <li>after a restart (the new process started) the first item ingest accepts (202) is published (its API
 *       answers 200) within 15 s in the median round (asserted unless the machine is oversubscribed, which the
 *       report says) and within 35 s in every round: the stack's start, then no stalled group behind a 202; both
 *       parts are reported.</li>
 * </ul>
 * Bounded for CI: {@code inkstream.kill.rounds} kills (default 3), a few seconds of load between them. The longer
 * soak is the same test with more rounds (modules/app/README or the project README, Guarantees).
 */
class KillNineProcessIT {

    private static final int ROUNDS = Integer.getInteger("inkstream.kill.rounds", 3);
    private static final Duration START = Duration.ofSeconds(120);
    /**
     * #16's goal for a restart, asserted on the median round while the machine is not oversubscribed: 10.4–11.6 s on
     * a quiet 2-core machine, 17–25 s with a benchmark beside it (load average ~12).
     */
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    /** What every round must meet, however busy the machine: well under what a stalled group took (45 s and more). */
    private static final Duration RECOVERY_ANY_ROUND = Duration.ofSeconds(35);
    /** Above this 1-minute load average per core the machine is oversubscribed and only the 35 s bound is asserted. */
    private static final double BUSY_LOAD_PER_CORE = 3.0;
    private final Random random = new Random(Long.getLong("inkstream.kill.seed", System.nanoTime()));
    private Path jar;
    private Path dataDir;
    private Path logDir;
    private Process process;
    private int httpPort;
    private int kafkaPort;
    private int registryPort;
    private int starts;
    private Map<String, String> env = Map.of();

    private PipelineLoad load;
    private double peakLoad;
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
        prepare("inkstream-kill-nine-");
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
            peakLoad = Math.max(peakLoad, loadAverage());
            start();
            // ms to ingest's first 202 (the stack's start), then to that item's page: what a stalled group made long (45 s)
            long[] times = awaitPublishedAfter(restarted, Duration.ofSeconds(120));
            recoveries.add(times[0] + times[1]);
            notes.add("round " + round + ": ingest accepted again " + times[0] + " ms after the restart; that item was published "
                    + times[1] + " ms later (" + (times[0] + times[1]) + " ms after the restart)");
        }
        load.loading.set(false);
        items.join(20_000);
        for (Thread b : beacons) {
            b.join(20_000);
        }
        awaitUp(Duration.ofSeconds(60));

        // Everything acknowledged is on the topics, once; popularity counts exactly what is on pageviews. A 202 means
        // the item is on wire.received; it reaches articles.ingested at ingest's next commit, so the last items
        // acknowledged before the load stopped are waited for (a lost item still fails, after the wait).
        long lastAck = System.nanoTime();
        Map<String, Integer> ingested = awaitIngested(load.ackedItems.keySet(), Duration.ofSeconds(30));
        notes.add("all acknowledged items on articles.ingested " + (System.nanoTime() - lastAck) / 1_000_000
                + " ms after the load stopped (or the wait ran out)");
        Map<String, Integer> versions = countByKey(Topics.withPrefix("").articlesIngested(), a -> true);
        Map<String, Integer> viewsByVisitor = new HashMap<>();
        countByKey(Topics.withPrefix("").pageviews(), v -> true, PageView::getVisitorHash, viewsByVisitor);
        long counted = awaitCount(viewed, viewsByVisitor.size(), Duration.ofSeconds(60));

        peakLoad = Math.max(peakLoad, loadAverage());
        boolean busy = peakLoad > BUSY_LOAD_PER_CORE * Runtime.getRuntime().availableProcessors();
        notes.add("peak 1-minute load average " + peakLoad + " on " + Runtime.getRuntime().availableProcessors() + " cores"
                + (busy ? ": oversubscribed, the 15 s median is reported, not asserted" : ""));
        String report = String.join("\n", notes) + "\nanswers by status: " + load.answers
                + "\nitems acknowledged " + load.ackedItems.size() + ", on articles.ingested " + ingested.size()
                + "; views acknowledged " + load.ackedViews.size() + ", on pageviews " + viewsByVisitor.size()
                + ", counted by popularity " + counted + "\nrestart-to-published after each restart (ms): " + recoveries;
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
        assertThat(recoveries).as("ms from each restart to the first item accepted after it being published\n%s", report)
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(RECOVERY_ANY_ROUND.toMillis()));
        if (!busy) {
            assertThat(recoveries.stream().sorted().toList().get(recoveries.size() / 2))
                    .as("median ms from a restart to the first accepted item's page\n%s", report)
                    .isLessThanOrEqualTo(RECOVERY.toMillis());
        }
    }

    /**
     * A push partner's receiver (JDK HttpServer, slow enough that delivery is under way) while the jar is killed
     * with SIGKILL and restarted: every version ingest acknowledged reaches the partner (at least once; a version in
     * flight at the kill may come again under the same Idempotency-Key, which the receiver counts).
     */
    @Test
    void pushPartnerKilledMidDeliveryMissesNoVersion() throws Exception {
        prepare("inkstream-kill-nine-push-");
        env = Map.of("INKSTREAM_SYNDICATION_ADMIN_TOKEN", "kill9-admin", "INKSTREAM_SYNDICATION_PUSH_BACKOFF", "200ms",
                "INKSTREAM_SYNDICATION_PUSH_MAX_BACKOFF", "2s");
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger again = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/inbox", ex -> {
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!received.add(ex.getRequestHeaders().getFirst("Idempotency-Key"))) {
                again.incrementAndGet();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            start();
            awaitUp(START);
            HttpResponse<String> added = load.send(HttpRequest.newBuilder(load.uri("/syndication/v1/admin/partners"))
                    .header("Authorization", "Bearer kill9-admin")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"kill9\",\"delivery\":\"push\",\"url\":"
                            + "\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/inbox\"}")));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            for (int i = 0; i < 60; i++) {
                load.postItem("kill9-push-" + i);
            }
            long deadline = System.nanoTime() + START.toNanos();
            while (received.size() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int before = received.size();
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            start();
            awaitUp(START);
            deadline = System.nanoTime() + START.toNanos();
            while (!received.containsAll(expectedKeys()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String report = "acknowledged " + load.ackedItems.size() + ", received before the kill " + before + ", after "
                    + received.size() + ", received again (same key) " + again.get();
            System.out.println(report);
            assertThat(before).as(report).isLessThan(load.ackedItems.size());
            assertThat(received).as(report).containsAll(expectedKeys());
        } finally {
            receiver.stop(0);
        }
    }

    /** The packaged jar (or the test skipped), a fresh data directory, free ports. */
    private void prepare(String dataDirPrefix) throws IOException {
        String packaged = System.getProperty("inkstream.jar");
        Assumptions.assumeTrue(packaged != null, "runs in mvn verify, after package (failsafe sets inkstream.jar)");
        jar = Path.of(packaged);
        logDir = jar.toAbsolutePath().getParent();
        dataDir = Files.createTempDirectory(dataDirPrefix);
        httpPort = JarProcess.freePort();
        kafkaPort = JarProcess.freePort();
        registryPort = JarProcess.freePort();
        load = new PipelineLoad(httpPort, "kill9", random);
    }

    private List<String> expectedKeys() {
        return load.ackedItems.keySet().stream().map(id -> id + ":1").toList();
    }

    private void start() throws IOException {
        starts++;
        Path log = logDir.resolve("kill-nine-process-it-" + starts + ".log");
        process = JarProcess.up(jar, dataDir, httpPort, kafkaPort, registryPort, log, env);
    }

    /**
     * {@link PipelineLoad#awaitAnItemAcceptedAndPublishedAfter}, and when nothing is published in time, what a
     * stall needs to be understood: the process's threads (jcmd) beside its log, and its /health (each task's state).
     */
    private long[] awaitPublishedAfter(long restarted, Duration timeout) throws InterruptedException {
        try {
            return load.awaitAnItemAcceptedAndPublishedAfter(restarted, timeout,
                    () -> assertThat(process.isAlive()).as("process running (logs in %s)", logDir).isTrue());
        } catch (AssertionError stalled) {
            Path threads = logDir.resolve("kill-nine-process-it-" + starts + "-threads.txt");
            try {
                new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(threads.toFile()).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                stalled.addSuppressed(e);
            }
            HttpResponse<String> health = load.send(HttpRequest.newBuilder(load.uri("/health")).GET());
            throw new AssertionError(stalled.getMessage() + "\nthreads in " + threads + "\n/health: "
                    + (health == null ? "no answer" : health.statusCode() + " " + health.body()), stalled);
        }
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

    /** The machine's 1-minute load average (/proc/loadavg), or 0 where there is none. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Version-1 records of articles.ingested by key, read again until they hold every acknowledged id or time runs out. */
    private Map<String, Integer> awaitIngested(Set<String> acknowledged, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int read = 1; ; read++) {
            Map<String, Integer> ingested = countByKey(Topics.withPrefix("").articlesIngested(), a -> a.getVersion() == 1);
            long missing = acknowledged.stream().filter(id -> !ingested.containsKey(id)).count();
            if (missing > 0) {
                notes.add("read " + read + " of articles.ingested: " + missing + " acknowledged items not there yet");
            }
            if (ingested.keySet().containsAll(acknowledged) || System.nanoTime() > deadline) {
                return ingested;
            }
            Thread.sleep(500);
        }
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
