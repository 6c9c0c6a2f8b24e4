package io.inkstream.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.renderer.partner.PushSignature;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push against a real HTTP receiver that fails at random (5xx, answers later than the timeout, connections dropped)
 * and is down at first: every version arrives, in order per article, signed, and no key is accepted twice; a
 * partner whose receiver always fails ends on syndication.dead-letters with the reason.
 */
@InkstreamTest
class SyndicationPushTest {

    private static final String ADMIN = "admin-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A partner's receiver: dedups by Idempotency-Key, like a careful partner would. */
    static final class Receiver implements AutoCloseable {
        final String secret;
        final Random random = new Random(13);
        final double failRate;
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final List<String> acceptedInOrder = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger duplicatesAfterSuccess = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final Map<String, String> events = new ConcurrentHashMap<>();
        final int port;
        HttpServer server;

        Receiver(String secret, double failRate) throws IOException {
            this.secret = secret;
            this.failRate = failRate;
            try (ServerSocket s = new ServerSocket(0)) {
                this.port = s.getLocalPort();
            }
        }

        String url() {
            return "http://127.0.0.1:" + port + "/inbox";
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/inbox", this::handle);
            server.start();
        }

        private void handle(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            String signature = ex.getRequestHeaders().getFirst(PushSignature.HEADER);
            if (!PushSignature.verifies(secret, signature, body)
                    || Math.abs(PushSignature.timestamp(signature) - Instant.now().getEpochSecond()) > 300) {
                badSignatures.incrementAndGet();
                answer(ex, 401);
                return;
            }
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (roll < failRate / 3) {
                answer(ex, 503);
            } else if (roll < 2 * failRate / 3) {
                ex.close(); // dropped: no answer at all
            } else if (roll < failRate) {
                try {
                    Thread.sleep(1500); // past the pusher's 1 s timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(ex, 500);
            } else {
                if (!accepted.add(key)) {
                    duplicatesAfterSuccess.incrementAndGet();
                } else {
                    acceptedInOrder.add(key);
                    events.put(key, ex.getRequestHeaders().getFirst("X-Inkstream-Event"));
                }
                answer(ex, 200);
            }
        }

        private static void answer(HttpExchange ex, int status) throws IOException {
            ex.sendResponseHeaders(status, -1);
            ex.close();
        }

        @Override
        public void close() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void everyVersionReachesAFlakyPartnerThatWasDownOnceInOrderAndSigned(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN,
                SyndicationConfig.PUSH_BACKOFF.key(), "100ms", SyndicationConfig.PUSH_MAX_BACKOFF.key(), "1s",
                SyndicationConfig.PUSH_TIMEOUT.key(), "1s", SyndicationConfig.PUSH_MAX_ATTEMPTS.key(), "60"));
        Topics topics = context.topics();
        String secret = "iss_test-secret-0123456789abcdef";
        try (Receiver flaky = new Receiver(secret, 0.4);
             RendererService renderer = new RendererService(context);
             io.inkstream.platform.http.HttpServer server = io.inkstream.platform.http.HttpServer.start("127.0.0.1", 0,
                     List.of(renderer), null)) {
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            SyndicationFeedTest.awaitReady(renderer);
            HttpResponse<String> added = admin(base, "{\"id\":\"pushed\",\"delivery\":\"push\",\"url\":\"" + flaky.url()
                    + "\",\"secret\":\"" + secret + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.article("p" + i, "Politics"));
                expected.add("urn:inkstream:article:p" + i + ":1");
            }
            for (int i = 0; i < 3; i++) {
                SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.next(
                        SyndicationFeedTest.article("p" + i, "Politics"), 2, PubStatus.usable));
                expected.add("urn:inkstream:article:p" + i + ":2");
            }
            SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.next(
                    SyndicationFeedTest.article("p0", "Politics"), 3, PubStatus.canceled));
            cluster.produce(topics.articlesEnriched(), "urn:inkstream:article:p0", null);
            expected.add("urn:inkstream:article:p0:3");

            Thread.sleep(3000); // the receiver is down meanwhile: connections refused
            flaky.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (flaky.accepted.size() < expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(flaky.accepted).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(flaky.duplicatesAfterSuccess).hasValue(0);
            assertThat(flaky.badSignatures).hasValue(0);
            assertThat(flaky.requests.get()).as("failures were retried").isGreaterThan(expected.size());
            assertThat(flaky.events.get("urn:inkstream:article:p0:3")).isEqualTo("kill");
            for (int i = 0; i < 3; i++) {
                String id = "urn:inkstream:article:p" + i;
                assertThat(flaky.acceptedInOrder.stream().filter(k -> k.startsWith(id + ":")).toList())
                        .as("order of %s", id).isSorted();
            }
        }
    }

    @Test
    void aPartnerThatAlwaysFailsGetsItsItemsDeadLetteredWithTheReasonWithoutHoldingUpAnother(TestCluster cluster)
            throws Exception {
        ServiceContext context = cluster.context(Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN,
                SyndicationConfig.PUSH_BACKOFF.key(), "50ms", SyndicationConfig.PUSH_MAX_BACKOFF.key(), "200ms",
                SyndicationConfig.PUSH_TIMEOUT.key(), "1s", SyndicationConfig.PUSH_MAX_ATTEMPTS.key(), "3"));
        Topics topics = context.topics();
        String secret = "iss_test-secret-0123456789abcdef";
        try (Receiver broken = new Receiver(secret, 1.0);
             Receiver healthy = new Receiver(secret, 0.0);
             RendererService renderer = new RendererService(context);
             io.inkstream.platform.http.HttpServer server = io.inkstream.platform.http.HttpServer.start("127.0.0.1", 0,
                     List.of(renderer), null)) {
            broken.start();
            healthy.start();
            renderer.start();
            String base = "http://127.0.0.1:" + server.port();
            SyndicationFeedTest.awaitReady(renderer);
            for (Map.Entry<String, Receiver> p : Map.of("broken", broken, "healthy", healthy).entrySet()) {
                assertThat(admin(base, "{\"id\":\"" + p.getKey() + "\",\"delivery\":\"push\",\"url\":\""
                        + p.getValue().url() + "\",\"secret\":\"" + secret + "\"}").statusCode()).isEqualTo(201);
            }
            SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.article("d0", "Politics"));
            SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.article("d1", "Politics"));

            List<KeyValue<String, String>> letters = cluster.awaitRecords(topics.syndicationDeadLetters(), 2, Duration.ofSeconds(60));
            Map<String, JsonNode> byArticle = new LinkedHashMap<>();
            for (KeyValue<String, String> l : letters) {
                assertThat(l.key).isEqualTo("broken");
                JsonNode letter = JSON.readTree(l.value);
                byArticle.put(letter.get("articleId").asText(), letter);
                assertThat(letter.get("attempts").asInt()).isEqualTo(3);
                assertThat(letter.get("reason").asText()).isNotBlank();
            }
            assertThat(byArticle).containsOnlyKeys("urn:inkstream:article:d0", "urn:inkstream:article:d1");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (healthy.accepted.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(healthy.accepted).containsExactlyInAnyOrder("urn:inkstream:article:d0:1", "urn:inkstream:article:d1:1");
        }
    }

    /**
     * The in-JVM renderer closed mid-delivery and started again on the same data: the push loop resumes at its
     * committed position and nothing is lost (a version in flight at the stop may come again, under the same key).
     */
    @Test
    void aRendererRestartMidDeliveryLosesNoVersion(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of(SyndicationConfig.ADMIN_TOKEN.key(), ADMIN,
                SyndicationConfig.PUSH_BACKOFF.key(), "50ms", SyndicationConfig.PUSH_MAX_BACKOFF.key(), "200ms",
                SyndicationConfig.PUSH_TIMEOUT.key(), "2s"));
        Topics topics = context.topics();
        String secret = "iss_test-secret-0123456789abcdef";
        List<String> expected = new ArrayList<>();
        try (Receiver receiver = new Receiver(secret, 0.0)) {
            receiver.start();
            try (RendererService renderer = new RendererService(context);
                 io.inkstream.platform.http.HttpServer server = io.inkstream.platform.http.HttpServer.start("127.0.0.1", 0,
                         List.of(renderer), null)) {
                renderer.start();
                SyndicationFeedTest.awaitReady(renderer);
                assertThat(admin("http://127.0.0.1:" + server.port(), "{\"id\":\"r\",\"delivery\":\"push\",\"url\":\""
                        + receiver.url() + "\",\"secret\":\"" + secret + "\"}").statusCode()).isEqualTo(201);
                for (int i = 0; i < 30; i++) {
                    SyndicationFeedTest.produce(cluster, topics, SyndicationFeedTest.article("r" + i, "Politics"));
                    expected.add("urn:inkstream:article:r" + i + ":1");
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (receiver.accepted.size() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            int beforeRestart = receiver.accepted.size();
            try (RendererService renderer = new RendererService(context)) {
                renderer.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (receiver.accepted.size() < expected.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(beforeRestart).isLessThan(expected.size());
            assertThat(receiver.accepted).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(receiver.duplicatesAfterSuccess.get()).as("redelivered after the stop").isLessThanOrEqualTo(1);
        }
    }

    private HttpResponse<String> admin(String base, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/syndication/v1/admin/partners"))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
