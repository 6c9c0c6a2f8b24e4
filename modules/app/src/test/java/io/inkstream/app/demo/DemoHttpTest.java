package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo speaks the site's HTTP contracts: wire items to {@code POST /v1/items} (ingest's answer
 * read back) and views to {@code POST /v1/beacon} as a browser sends them. A JDK HTTP server on a
 * free port plays the site, answering as ingest and the renderer do.
 */
class DemoHttpTest {

    private record Request(String path, String query, String contentType, String userAgent, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer site;
    private String baseUrl;

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/v1/items", exchange -> {
            Request r = record(exchange);
            if (r.query().contains("broken")) {
                answer(exchange, 422, "{\"error\":\"missing-headline\",\"message\":\"The ninjs item has no headline.\",\"itemId\":\"i-9\"}");
            } else {
                answer(exchange, 202, "{\"itemId\":\"i-" + requests.size() + "\",\"articleId\":\"a-" + requests.size()
                        + "\",\"format\":\"ninjs\",\"duplicate\":false}");
            }
        });
        site.createContext("/v1/beacon", exchange -> {
            Request r = record(exchange);
            boolean known = JSON.readTree(r.body()).path("articleId").asText().startsWith("a-");
            answer(exchange, known ? 204 : 400, known ? "" : "{\"error\":\"bad_beacon\",\"message\":\"unknown article\"}");
        });
        site.start();
        baseUrl = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void storyIsPostedWithItsNameAndTypeAndTheArticleIdComesBack() {
        FeedItem story = DemoFeed.fromClasspath().items().stream().filter(FeedItem::isNinjs).findFirst().orElseThrow();

        FeedSender.Outcome outcome = new FeedSender(http, baseUrl).send(story);

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.articleId()).isEqualTo("a-1");
        Request sent = requests.get(0);
        assertThat(sent.query()).isEqualTo("filename=" + story.name());
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo(story.bytes());
    }

    @Test
    void pageTextIsPostedAsPlainText() {
        FeedItem page = DemoFeed.fromClasspath().items().stream().filter(i -> !i.isNinjs()).findFirst().orElseThrow();

        new FeedSender(http, baseUrl).send(page);

        assertThat(requests.get(0).contentType()).startsWith("text/plain");
    }

    @Test
    void refusalCarriesIngestsReason() {
        FeedItem broken = new FeedItem("broken.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        FeedSender.Outcome outcome = new FeedSender(http, baseUrl).send(broken);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.status()).isEqualTo(422);
        assertThat(outcome.message()).isEqualTo("The ninjs item has no headline.");
    }

    @Test
    void unreachableIngestIsReportedNotThrown() {
        site.stop(0);
        FeedSender.Outcome outcome = new FeedSender(http, baseUrl).send(new FeedItem("x.json", "application/json", new byte[]{'{', '}'}));
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).startsWith("cannot reach ingest");
    }

    @Test
    void viewIsSentLikeABrowserBeacon() throws IOException {
        View view = new View("a-7", "demo-0123456789abcdef", ReaderModel.BROWSERS.get(0), "www.google.com", false);

        assertThat(new BeaconSink(http, baseUrl).send(view)).isTrue();

        Request sent = requests.get(0);
        assertThat(sent.path()).isEqualTo("/v1/beacon");
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.userAgent()).isEqualTo(ReaderModel.BROWSERS.get(0));
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("articleId").asText()).isEqualTo("a-7");
        assertThat(body.path("visitor").asText()).isEqualTo("demo-0123456789abcdef");
        assertThat(body.path("referrer").asText()).isEqualTo("https://www.google.com/");
    }

    @Test
    void directVisitSendsNoReferrerAndARefusedBeaconIsCountedNotThrown() throws IOException {
        BeaconSink sink = new BeaconSink(http, baseUrl);
        assertThat(sink.send(new View("not-yet-rendered", "demo-0123456789abcdef", ReaderModel.BOTS.get(0), null, true))).isFalse();
        assertThat(JSON.readTree(requests.get(0).body()).has("referrer")).isFalse();
    }

    @Test
    void trafficDeliversTheViewsDueEachTickAndCountsRefusals() {
        ReaderModel readers = new ReaderModel(new java.util.Random(1), java.time.Instant::now);
        readers.addArticles(List.of("a-1", "a-2", "unknown"));
        ReaderTraffic traffic = new ReaderTraffic(readers, new BeaconSink(http, baseUrl), 50);

        for (int i = 0; i < 10; i++) {
            traffic.tick(); // ten ticks of 100 ms at 50 views/s: one second's worth
        }

        assertThat(traffic.sent() + traffic.refused()).isEqualTo(50);
        assertThat(requests).hasSize(50);
        assertThat(traffic.refused()).isEqualTo(requests.stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains("unknown")).count());
    }

    private Request record(HttpExchange exchange) throws IOException {
        Request r = new Request(exchange.getRequestURI().getPath(), String.valueOf(exchange.getRequestURI().getQuery()),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestBody().readAllBytes());
        requests.add(r);
        return r;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
