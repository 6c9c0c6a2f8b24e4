package io.inkstream.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.TopicSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the fault tests push at a running stack and how they count it afterwards: distinct wire items and reader
 * beacons over HTTP, remembering what was acknowledged (202, 204) and every answer's status; and the committed
 * records of a topic, read from outside as any client would.
 */
final class PipelineLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    private final int httpPort;
    private final String tag;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Items answered 202: article id to the time of the answer. */
    final Map<String, Long> ackedItems = new ConcurrentHashMap<>();
    /** Visitors whose one view was answered 204. */
    final Set<String> ackedViews = ConcurrentHashMap.newKeySet();
    /** Answers by status. */
    final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    /** Requests that got no answer at all (nobody listening, or no answer within the request's timeout). */
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicInteger visitors = new AtomicInteger();

    /** @param tag what item uris, headlines and visitor ids start with, so that runs never collide */
    PipelineLoad(int httpPort, String tag, Random random) {
        this.httpPort = httpPort;
        this.tag = tag;
        this.random = random;
    }

    /** Posts items, one each 150 ms, until {@link #loading} is false. */
    void itemLoad() {
        int n = 0;
        while (loading.get()) {
            postItem(tag + "-item-" + (n++));
            sleep(150);
        }
    }

    /** Sends one view each of a new visitor, every 5 ms, until {@link #loading} is false. */
    void beaconLoad(String articleId) {
        while (loading.get()) {
            String visitor = tag + "-visitor-" + visitors.incrementAndGet();
            String body = JSON.createObjectNode().put("articleId", articleId).put("visitor", visitor).toString();
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/beacon")).header("User-Agent", BROWSER)
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r != null && r.statusCode() == 204) {
                ackedViews.add(visitor);
            }
            sleep(5);
        }
    }

    /** Posts a distinct ninjs item; its article id when answered 202, else null. */
    String postItem(String name) {
        String uri = "urn:inkstream:" + tag + ":" + name;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        String item = JSON.createObjectNode().put("uri", uri).put("type", "text").put("version", "1")
                .put("versioncreated", "2026-12-01T10:00:00Z").put("pubstatus", "usable").put("language", "en")
                .put("headline", tag + " " + name + " " + WORDS[random.nextInt(WORDS.length)])
                .put("body_text", body.toString()).toString();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/items?filename=" + name + ".json"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(item)));
        if (r == null || r.statusCode() != 202) {
            return null;
        }
        String articleId = json(r.body()).path("articleId").asText();
        ackedItems.put(articleId, System.nanoTime());
        return articleId;
    }

    /** Waits until the article's API answers 200. */
    void awaitPublished(String articleId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isPublished(articleId)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(articleId + " not published within " + timeout);
    }

    /**
     * Waits for the first item acknowledged after {@code sinceNanos}, then for its page: ms from {@code sinceNanos} to
     * that 202, and from the 202 to the page; {@code stillRunning} is checked on every round (it fails the test when
     * the stack died).
     */
    long[] awaitAnItemAcceptedAndPublishedAfter(long sinceNanos, Duration timeout, Runnable stillRunning)
            throws InterruptedException {
        long deadline = sinceNanos + timeout.toNanos();
        String probe = null;
        long acceptedAt = 0;
        while (System.nanoTime() < deadline) {
            stillRunning.run();
            if (probe == null) {
                Map.Entry<String, Long> first = ackedItems.entrySet().stream().filter(e -> e.getValue() > sinceNanos)
                        .min(Map.Entry.comparingByValue()).orElse(null);
                if (first != null) {
                    probe = first.getKey();
                    acceptedAt = first.getValue();
                }
            }
            if (probe != null && isPublished(probe)) {
                return new long[] {(acceptedAt - sinceNanos) / 1_000_000, (System.nanoTime() - acceptedAt) / 1_000_000};
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no item accepted after the restart was published within " + timeout
                + " (probe " + probe + "; answers " + answers + ")");
    }

    /** Whether the article's API answers 200 (a probe of the test's own: not counted in {@link #answers}). */
    boolean isPublished(String articleId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/articles/" + articleId)).GET(), false);
        return r != null && r.statusCode() == 200;
    }

    /** Sends a request and counts its answer's status; null when there was no answer. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean counted) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (counted) {
                answers.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            }
            return r;
        } catch (IOException e) {
            if (counted) {
                unanswered.incrementAndGet();
            }
            return null; // the process is down (killed, or not listening yet): not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    int answered(int status) {
        AtomicInteger n = answers.get(status);
        return n == null ? 0 : n.get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Counts committed records of a topic by key (or by {@code by} of the value), read as any client would. */
    static <V> void countByKey(String bootstrapServers, String registryUrl, TopicSpec<V> topic, Predicate<V> which,
                               Function<V, String> by, Map<String, Integer> counts) {
        CommittedRecords.readAll(bootstrapServers, registryUrl, topic, record -> {
            if (record.value() != null && which.test(record.value())) {
                counts.merge(by == null ? record.key() : by.apply(record.value()), 1, Integer::sum);
            }
        });
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String[] WORDS = ("harbour council budget river festival railway vaccine satellite drought "
            + "election tariff museum orchestra glacier typhoon startup semiconductor wheat pension bridge airport "
            + "library theatre marathon reactor vineyard coral tunnel market shipyard telescope archive").split(" ");
}
