package io.inkstream.ingest.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.ingest.IngestService;
import io.inkstream.platform.ServiceContext;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feed polling against a real local HTTP server whose RSS feed changes between polls, and the
 * real broker and registry; polls are triggered with pollNow(), never waited for.
 */
@InkstreamTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedPollChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ATOM_LAST_MODIFIED = "Tue, 12 Jul 2016 18:30:02 GMT";

    private TestCluster cluster;
    private Topics topics;
    private Map<String, String> settings;
    private HttpServer server;
    private IngestService ingest;
    private final AtomicReference<String> rssBody = new AtomicReference<>();
    private final AtomicReference<String> rssEtag = new AtomicReference<>();
    private final List<String> rssIfNoneMatch = new CopyOnWriteArrayList<>();
    private String rssUrl;

    @BeforeAll
    void start(TestCluster cluster) throws IOException {
        this.cluster = cluster;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", this::rss);
        server.createContext("/atom", FeedPollChannelTest::atom);
        server.createContext("/broken", exchange -> send(exchange, 200, "application/xml", "<notafeed/>"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        rssUrl = base + "/rss";
        rssBody.set(rss(item("a", "Alpha story", "Alpha body."), item("b", "Beta story", "Beta body."),
                item("c", "Gamma story", "Gamma body.")));
        rssEtag.set("\"v1\"");
        settings = Map.of("ingest.poll.feeds", rssUrl + ", " + base + "/atom," + base + "/broken",
                "ingest.poll.interval", "1h"); // only the poll at start runs by itself; the test triggers the rest
        ServiceContext context = cluster.context(settings);
        topics = context.topics();
        ingest = new IngestService(context);
        ingest.start();
    }

    @AfterAll
    void stop() {
        ingest.close();
        server.stop(0);
    }

    @Test
    @Order(1)
    void firstPollSendsEachEntryOfRssAndAtomFeedsAsItsOwnItem() {
        ingest.feedPoller().pollNow(); // the scheduled first poll may have run already: then this one is a 304

        List<Article> articles = cluster.awaitRecords(topics.articlesIngested(), 5, WAIT).stream().map(kv -> kv.value).toList();
        assertThat(articles).extracting(Article::getHeadline).containsExactlyInAnyOrder(
                "Alpha story", "Beta story", "Gamma story", "Giant pandas celebrate birthday in Chengdu", "Plain text entry");
        Article alpha = articles.stream().filter(a -> a.getHeadline().equals("Alpha story")).findFirst().orElseThrow();
        assertThat(alpha.getProvenance().getFeed()).isEqualTo("poll:" + rssUrl);
        assertThat(alpha.getSourceAgency()).isEqualTo("Test Wire"); // the channel title travels with each entry
        assertThat(alpha.getParagraphs()).containsExactly("Alpha body.");

        List<WireItem> items = pollItems();
        assertThat(items).hasSize(6).allSatisfy(i -> assertThat(i.getChannel()).isEqualTo(Channel.POLL));
        WireItem broken = items.stream().filter(i -> i.getSourceUrl().endsWith("/broken")).findFirst().orElseThrow();
        WireRejection rejection = cluster.awaitValue(topics.wireRejected(), broken.getItemId(), r -> true, WAIT);
        assertThat(rejection.getCode()).isEqualTo("unknown-format");
    }

    @Test
    @Order(2)
    void changedFeedSendsOnlyNewAndChangedEntriesAndADroppedEntryIsNoKill() {
        rssBody.set(rss(item("a", "Alpha story", "Alpha body."), item("b", "Beta story", "Beta body, corrected."),
                item("d", "Delta story", "Delta body.")));
        rssEtag.set("\"v2\"");

        FeedPollChannel.PollResult result = ingest.feedPoller().pollNow();

        assertThat(result).isEqualTo(new FeedPollChannel.PollResult(2, 1, 0, 2)); // rss + broken fetched, atom 304
        assertThat(rssIfNoneMatch).last().isEqualTo("\"v1\"");
        Article beta = cluster.awaitValue(topics.articlesIngested(), id("Beta story"), a -> a.getVersion() == 2, WAIT);
        assertThat(beta.getParagraphs()).containsExactly("Beta body, corrected.");
        cluster.awaitValue(topics.articlesIngested(), id("Delta story"), a -> a.getVersion() == 1, WAIT);
        assertThat(pollItems()).hasSize(8);
        assertThat(cluster.readCommitted(topics.articlesIngested()))
                .noneMatch(a -> a.getPubStatus() == PubStatus.canceled)
                .filteredOn(a -> a.getHeadline().equals("Gamma story")).singleElement()
                .satisfies(gamma -> assertThat(gamma.getVersion()).isEqualTo(1));
    }

    @Test
    @Order(3)
    void unchangedFeedAnswers304AndNothingIsSent() {
        FeedPollChannel.PollResult result = ingest.feedPoller().pollNow();

        assertThat(result).isEqualTo(new FeedPollChannel.PollResult(1, 2, 0, 0)); // broken has no validators: refetched
        assertThat(rssIfNoneMatch).last().isEqualTo("\"v2\"");
        assertThat(pollItems()).hasSize(8);
    }

    @Test
    @Order(4)
    void restartResumesFromTheStateKeptInKafka() {
        ingest.close();
        int requestsBefore = rssIfNoneMatch.size();
        rssEtag.set("\"v2-reissued\""); // same content under a new ETag: only the seen entries keep it from being re-sent

        ingest = new IngestService(cluster.context(topics, settings));
        ingest.start();
        FeedPollChannel.PollResult result = ingest.feedPoller().pollNow();

        assertThat(rssIfNoneMatch.get(requestsBefore)).isEqualTo("\"v2\"");
        assertThat(result.failed()).isZero();
        assertThat(result.itemsSent()).isZero();
        assertThat(pollItems()).hasSize(8);
    }

    private String id(String headline) {
        return cluster.readCommitted(topics.articlesIngested()).stream().filter(a -> a.getHeadline().equals(headline))
                .findFirst().orElseThrow().getId();
    }

    private List<WireItem> pollItems() {
        return cluster.readCommitted(topics.wireReceived()).stream().filter(i -> i.getChannel() == Channel.POLL).toList();
    }

    private void rss(HttpExchange exchange) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        rssIfNoneMatch.add(String.valueOf(ifNoneMatch));
        String etag = rssEtag.get();
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ifNoneMatch)) {
            send(exchange, 304, null, null);
        } else {
            send(exchange, 200, "application/rss+xml; charset=utf-8", rssBody.get());
        }
    }

    private static void atom(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Last-Modified", ATOM_LAST_MODIFIED);
        if (ATOM_LAST_MODIFIED.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
            send(exchange, 304, null, null);
            return;
        }
        try (var in = FeedPollChannelTest.class.getResourceAsStream("/feeds/atom.xml")) {
            send(exchange, 200, "application/atom+xml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test Wire</title>"
                + "<language>en</language>" + String.join("", items) + "</channel></rss>";
    }

    private static String item(String guid, String title, String body) {
        return "<item><title>" + title + "</title><guid isPermaLink=\"false\">" + guid + "</guid>"
                + "<pubDate>Tue, 12 Jul 2016 08:05:00 GMT</pubDate><description>&lt;p&gt;" + body + "&lt;/p&gt;</description></item>";
    }
}
