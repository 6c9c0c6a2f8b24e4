package io.inkstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.renderer.RendererService;
import io.inkstream.renderer.SyndicationConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syndication delivery (issue #13): deliveries per second to 10 push partners (JDK HTTP receivers answering 200)
 * and 10 long-polling pull partners ({@code wait=15}), and the latency from publish (the enriched version written)
 * to partner receipt, p50/p99/max; next to, in the same run, the latency of a plain consumer of
 * syndication.versions (the baseline: what the pipeline takes before partner delivery starts).
 */
public final class SyndicationDelivery {

    private static final Set<String> OPTIONS = Set.of("articles", "rate", "push", "pull", "max-seconds");
    private static final String ADMIN = "bench-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyndicationDelivery() {
    }

    /** Receipt latencies in nanoseconds, from the publish time of the article. */
    private static final class Latencies {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong lastReceipt = new AtomicLong();

        void add(long publishedNanos) {
            long now = System.nanoTime();
            nanos.add(now - publishedNanos);
            lastReceipt.accumulateAndGet(now, Math::max);
        }

        double percentileMillis(double p) {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos);
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1);
            return sorted.get(Math.max(0, i)) / 1e6;
        }
    }

    public static void main(String[] argv) throws Exception {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int articles = args.intValue("articles", 600);
        int rate = args.intValue("rate", 20);
        int pushPartners = args.intValue("push", 10);
        int pullPartners = args.intValue("pull", 10);
        Duration limit = Duration.ofSeconds(args.intValue("max-seconds", 300));
        Report report = new Report("Syndication: publish to partner receipt, push and long-poll (issue #13)",
                SyndicationDelivery.class.getName(), args);
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        Latencies push = new Latencies();
        Latencies pull = new Latencies();
        Latencies log = new Latencies();
        List<HttpServer> receivers = new ArrayList<>();
        List<Thread> pollers = new ArrayList<>();
        List<ExecutorService> executors = new ArrayList<>(List.of(Executors.newFixedThreadPool(4)));
        HttpClient http = HttpClient.newBuilder().executor(executors.get(0)).build();

        try (BenchCluster cluster = BenchCluster.start()) {
            Topics topics = cluster.topics("synd-");
            ServiceContext context = cluster.context(topics, "renderer", Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN,
                    SyndicationConfig.PULL_PER_MINUTE.key(), "100000"));
            try (RendererService renderer = new RendererService(context);
                 io.inkstream.platform.http.HttpServer server = io.inkstream.platform.http.HttpServer.start("127.0.0.1", 0,
                         List.of(renderer), null)) {
                renderer.start();
                String base = "http://127.0.0.1:" + server.port();
                long deadline = System.nanoTime() + limit.toNanos();
                while (!renderer.ready()) {
                    check(deadline, "renderer ready");
                    TopicCounter.sleep(50);
                }
                for (int i = 0; i < pushPartners; i++) {
                    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
                    ExecutorService pool = Executors.newFixedThreadPool(2);
                    executors.add(pool);
                    receiver.setExecutor(pool);
                    receiver.createContext("/inbox", ex -> {
                        ex.getRequestBody().readAllBytes();
                        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                        Long at = publishedAt.get(key.substring(0, key.lastIndexOf(':')));
                        if (at != null) {
                            push.add(at);
                        }
                        ex.sendResponseHeaders(204, -1);
                        ex.close();
                    });
                    receiver.start();
                    receivers.add(receiver);
                    admin(http, base, "{\"id\":\"push-" + i + "\",\"delivery\":\"push\",\"url\":\"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/inbox\",\"secret\":\"bench-secret-0123456789\"}");
                }
                for (int i = 0; i < pullPartners; i++) {
                    String key = JSON.readTree(admin(http, base, "{\"id\":\"pull-" + i + "\"}")).get("apiKey").asText();
                    Thread t = new Thread(() -> longPoll(http, base, key, publishedAt, pull), "bench-pull-" + i);
                    t.setDaemon(true);
                    t.start();
                    pollers.add(t);
                }
                Thread logReader = new Thread(() -> readLog(context, topics, publishedAt, log), "bench-log");
                logReader.setDaemon(true);
                logReader.start();
                TopicCounter.sleep(2000); // partners and the log reader in place

                Report.progress(String.format("publishing %,d articles at %d/s to %d push and %d pull partners",
                        articles, rate, pushPartners, pullPartners));
                long start = System.nanoTime();
                try (Producer<String, EnrichedArticle> producer = new KafkaProducer<>(context.producerProperties("bench-enriched"),
                        context.serdes().keySerde().serializer(), context.serdes().valueSerde(topics.articlesEnriched()).serializer())) {
                    for (int n = 0; n < articles; n++) {
                        long due = start + (long) (n * 1e9 / rate);
                        while (System.nanoTime() < due) {
                            TopicCounter.sleep(1);
                        }
                        EnrichedArticle e = SyntheticArticles.enriched(n, Instant.now().minusSeconds(60), Duration.ofMinutes(1));
                        publishedAt.put(e.getArticle().getId(), System.nanoTime());
                        producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), e.getArticle().getId(), e));
                        producer.flush();
                    }
                }
                long expectedPush = (long) articles * pushPartners;
                long expectedPull = (long) articles * pullPartners;
                while (push.nanos.size() < expectedPush || pull.nanos.size() < expectedPull || log.nanos.size() < articles) {
                    check(deadline, String.format("deliveries (push %d/%d, pull %d/%d, log %d/%d)", push.nanos.size(),
                            expectedPush, pull.nanos.size(), expectedPull, log.nanos.size(), articles));
                    TopicCounter.sleep(100);
                }
                report.columns("received by", "deliveries", "deliveries/s", "p50 ms", "p99 ms", "max ms");
                row(report, "syndication.versions consumer (baseline)", log, start);
                row(report, pushPartners + " push partners", push, start);
                row(report, pullPartners + " long-polling partners (wait=15)", pull, start);
                report.note(String.format("**p99 publish → partner receipt: push %.0f ms, pull %.0f ms (goal < 1000 ms);"
                                + " push p99 − baseline p99: %.0f ms**", push.percentileMillis(99), pull.percentileMillis(99),
                        push.percentileMillis(99) - log.percentileMillis(99)));
                report.note(String.format("%,d articles published at %d/s (one enriched version each, ninjs-2.2); every partner"
                        + " takes every version; publish time = the producer's send of the enriched version", articles, rate));
                report.note("one JVM holds broker, registry, renderer (Streams exactly-once, commit every 200 ms), Jetty, the"
                        + " receivers and the pollers: they share the cores");
            }
        } finally {
            receivers.forEach(r -> r.stop(0));
            pollers.forEach(Thread::interrupt);
            executors.forEach(ExecutorService::shutdownNow);
        }
        report.print();
    }

    private static void row(Report report, String label, Latencies l, long start) {
        double seconds = (l.lastReceipt.get() - start) / 1e9;
        report.row(label, l.nanos.size(), Report.perSecond(l.nanos.size() / seconds), String.format("%.0f", l.percentileMillis(50)),
                String.format("%.0f", l.percentileMillis(99)), String.format("%.0f", l.percentileMillis(100)));
    }

    private static void longPoll(HttpClient http, String base, String key, Map<String, Long> publishedAt, Latencies pull) {
        String cursor = null;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/syndication/v1/feed?limit=200&wait=15"
                        + (cursor == null ? "" : "&cursor=" + cursor))).header("x-api-key", key).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    Thread.sleep(100);
                    continue;
                }
                JsonNode body = JSON.readTree(r.body());
                for (JsonNode item : body.get("items")) {
                    Long at = publishedAt.get(item.get("id").asText());
                    if (at != null) {
                        pull.add(at);
                    }
                }
                cursor = body.get("next").asText();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private static void readLog(ServiceContext context, Topics topics, Map<String, Long> publishedAt, Latencies log) {
        Properties p = context.consumerProperties("bench-log");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topics.syndicationVersions().name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(20))) {
                    Long at = publishedAt.get(r.key());
                    if (at != null) {
                        log.add(at);
                    }
                }
            }
        } catch (InterruptException e) {
            // stopped
        }
    }

    private static String admin(HttpClient http, String base, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/syndication/v1/admin/partners"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("partner not added: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not done within --max-seconds: " + what);
        }
    }
}
