package io.inkstream.renderer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.inkstream.events.PageView;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.platform.Service;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import io.inkstream.renderer.beacon.BeaconCollector;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;
import io.javalin.Javalin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer's HTTP surface on the project's real shared server, without Kafka. */
class SiteRoutesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2015-09-25T03:00:00Z"));
    private final ArticleStore articles = new ArticleStore(clock);
    private final RankingStore rankings = new RankingStore();
    private final List<PageView> views = new CopyOnWriteArrayList<>();
    private final SiteConfig site = new SiteConfig("https://news.example.com", "Inkstream", ZoneId.of("Asia/Shanghai"),
            SiteConfig.DEFAULT_MENU, 2);
    /** What the sink answers each view with: acknowledged at once, unless a test says otherwise. */
    private final AtomicReference<CompletableFuture<?>> acknowledgement =
            new AtomicReference<>(CompletableFuture.completedFuture(null));
    private final SiteRoutes routes = new SiteRoutes(articles, rankings, site,
            new BeaconCollector(articles, "test-salt", clock, view -> {
                views.add(view);
                return acknowledgement.get();
            }), clock, "*");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;

    @BeforeEach
    void start() {
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        server = HttpServer.start("127.0.0.1", 0, List.of(new RoutesOnly()), null);
    }

    @AfterEach
    void stop() {
        server.close();
        routes.close();
    }

    /** Just the routes, as the app adds them to the shared server. */
    private final class RoutesOnly implements Service {
        private final SiteRoutes served;
        RoutesOnly() { this(routes); }
        RoutesOnly(SiteRoutes served) { this.served = served; }
        public String name() { return "renderer"; }
        public void start() { }
        public boolean ready() { return true; }
        public void routes(Javalin app) { served.register(app); }
        public void close() { }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String userAgent) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

    @Test
    void articlePageIsServedWithStrictSecurityHeadersAndRevalidates() throws Exception {
        HttpResponse<String> r = get(TestArticles.XI_PATH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(Jsoup.parse(r.body()).selectFirst("h1").text()).isEqualTo("Xi urges constructive cyberspace talks");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(get(TestArticles.XI_PATH, "If-None-Match", etag).statusCode()).isEqualTo(304);
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get(TestArticles.XI_PATH, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        articles.apply(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:02:00Z"), a -> a.setHeadline("Changed")));
        assertThat(get(TestArticles.XI_PATH, "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void pageLinksItsStylesheetAndScriptWhichAreServedFromTheClasspath() throws Exception {
        Document d = Jsoup.parse(get(TestArticles.XI_PATH).body());
        String css = d.selectFirst("link[rel=stylesheet]").attr("href");
        String js = d.selectFirst("script[src]").attr("src");
        HttpResponse<String> cssResponse = get(css);
        assertThat(cssResponse.statusCode()).isEqualTo(200);
        assertThat(cssResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(cssResponse.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(get(js).body()).contains("sendBeacon").contains("localStorage").contains("EventSource");
        assertThat(get("/static/..%2Fsecret").statusCode()).isEqualTo(404);
    }

    @Test
    void oldPathRedirectsPermanentlyAndKilledArticleAnswersGone() throws Exception {
        HttpResponse<String> moved = get("/politics/2015-09-25/xi-cyberspace-3f2a9c.html");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(TestArticles.XI_PATH);
        articles.apply(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:02:00Z"), a -> a.setPubStatus(PubStatus.canceled)));
        HttpResponse<String> gone = get(TestArticles.XI_PATH);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).selectFirst("h1").text()).isEqualTo("Article removed");
        assertThat(get("/no/such/page.html").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/articles/" + TestArticles.XI_ID).statusCode()).isEqualTo(410);
    }

    @Test
    void sectionPageListsNewestFirstAndPaginates() throws Exception {
        articles.apply("urn:inkstream:article:p2", TestArticles.simple("p2", "Politics", "Second politics story",
                Instant.parse("2015-09-25T01:00:00Z"), 5));
        articles.apply("urn:inkstream:article:p3", TestArticles.simple("p3", "Politics", "Third politics story",
                Instant.parse("2015-09-25T02:00:00Z"), 5));
        articles.apply("urn:inkstream:article:b1", TestArticles.simple("b1", "Business", "Business story",
                Instant.parse("2015-09-25T02:30:00Z"), 5));
        Document first = Jsoup.parse(get("/politics/").body());
        assertThat(first.selectFirst("h1").text()).isEqualTo("Politics");
        assertThat(first.select(".article-list h2").eachText())
                .containsExactly("Third politics story", "Second politics story");
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/politics/?page=2");
        Document second = Jsoup.parse(get("/politics/?page=2").body());
        assertThat(second.select(".article-list h2").eachText()).containsExactly("Xi urges constructive cyberspace talks");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/politics/");
        assertThat(get("/politics/?page=3").statusCode()).isEqualTo(404);
        assertThat(get("/politics").statusCode()).isEqualTo(301);
        assertThat(Jsoup.parse(get("/").body()).select(".article-list h2").eachText())
                .containsExactly("Business story", "Third politics story");
        assertThat(get("/nonsense-section/").statusCode()).isEqualTo(404);
    }

    @Test
    void beaconBecomesPageViewWithHashedVisitorAndNoRawAddress() throws Exception {
        HttpResponse<String> r = post("/v1/beacon",
                "{\"articleId\":\"" + TestArticles.XI_ID + "\",\"visitor\":\"3b2f9a1c-aaaa-4bbb-8ccc-123456789abc\","
                        + "\"referrer\":\"https://www.google.com/search?q=xi\"}", BROWSER);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(views).hasSize(1);
        PageView v = views.get(0);
        assertThat(v.getArticleId()).isEqualTo(TestArticles.XI_ID);
        assertThat(v.getSection()).isEqualTo("politics");
        assertThat(v.getBot()).isFalse();
        assertThat(v.getReferrer()).isEqualTo("www.google.com");
        assertThat(v.getViewedAt()).isEqualTo(clock.instant());
        assertThat(v.getVisitorHash()).matches("[0-9a-f]{64}").doesNotContain("3b2f9a1c");
        assertThat(v.toString()).doesNotContain("127.0.0.1");
        post("/v1/beacon", "{\"articleId\":\"" + TestArticles.XI_ID + "\",\"visitor\":\"3b2f9a1c-aaaa-4bbb-8ccc-123456789abc\"}", BROWSER);
        assertThat(views.get(1).getVisitorHash()).isEqualTo(v.getVisitorHash());
    }

    @Test
    void beaconAnswers204OnlyAfterTheViewIsAcknowledged() throws Exception {
        CompletableFuture<Object> broker = new CompletableFuture<>();
        acknowledgement.set(broker);
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/beacon"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\":\"" + TestArticles.XI_ID + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the view reached the sink, but the broker has not acknowledged it: no answer yet
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (views.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(views).hasSize(1);
        Thread.sleep(200);
        assertThat(answer).isNotDone();
        broker.complete(null);
        assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    }

    @Test
    void beaconNotAcknowledgedAnswers503WithRetryAfter() throws Exception {
        acknowledgement.set(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException(
                "Expiring 1 record(s): 10000 ms has passed since batch creation")));
        HttpResponse<String> r = post("/v1/beacon", "{\"articleId\":\"" + TestArticles.XI_ID + "\"}", BROWSER);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(new ObjectMapper().readTree(r.body()).path("error").asText()).isEqualTo("unavailable");
    }

    @Test
    void whileTheStoresLoadPagesAndApisAnswer503WithRetryAfterNot404() throws Exception {
        SiteRoutes loading = new SiteRoutes(articles, rankings, site, new BeaconCollector(articles, "test-salt", clock,
                view -> CompletableFuture.completedFuture(null)), clock, "*", () -> false);
        try (HttpServer starting = HttpServer.start("127.0.0.1", 0, List.of(new RoutesOnly(loading)), null)) {
            for (String path : List.of("/", "/some/article/path.html", "/api/v1/articles/urn:x:1", "/feeds/rss.xml")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + starting.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(r.body()).as(path).contains("\"error\":\"loading\"");
            }
        } finally {
            loading.close();
        }
    }

    @Test
    void headIsAnsweredLikeGetWithoutTheBodyOnEveryKindOfRoute() throws Exception {
        for (String path : List.of(TestArticles.XI_PATH, "/", "/politics/", "/feeds/rss.xml", "/feeds/feed.json",
                "/api/v1/articles", "/api/v1/articles/" + TestArticles.XI_ID, "/api/v1/articles?ninjs=1.5",
                "/api/v1/articles/" + TestArticles.XI_ID + "?format=newsml-g2", "/api/v1/articles/" + TestArticles.XI_ID + "?format=nitf",
                "/api/v1/articles?format=nitf", "/api/v1/articles?ninjs=9", "/sitemap.xml", "/widgets/popular.json",
                "/no/such/page.html")) {
            HttpResponse<String> get = get(path);
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            for (String header : List.of("Content-Type", "Content-Length", "ETag", "Last-Modified")) {
                assertThat(head.headers().firstValue(header)).as(path + " " + header).isEqualTo(get.headers().firstValue(header));
            }
        }
        String etag = get(TestArticles.XI_PATH).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> conditional = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + TestArticles.XI_PATH)).header("If-None-Match", etag)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(conditional.statusCode()).isEqualTo(304);
    }

    @Test
    void beaconFromCrawlerIsMarkedBot() throws Exception {
        post("/v1/beacon", "{\"articleId\":\"" + TestArticles.XI_ID + "\"}",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        post("/v1/beacon", "{\"articleId\":\"" + TestArticles.XI_ID + "\"}", "curl/8.5.0");
        assertThat(views).extracting(PageView::getBot).containsExactly(true, true);
    }

    @Test
    void badBeaconAnswers400WithReasonAndProducesNothing() throws Exception {
        HttpResponse<String> notJson = post("/v1/beacon", "articleId=1", BROWSER);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(notJson.body()).path("message").asText()).contains("not JSON");
        HttpResponse<String> missing = post("/v1/beacon", "{\"visitor\":\"abcdefgh\"}", BROWSER);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("articleId is required");
        HttpResponse<String> unknown = post("/v1/beacon", "{\"articleId\":\"urn:x:nope\"}", BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown article");
        assertThat(post("/v1/beacon", "{\"articleId\":\"" + "x".repeat(3000) + "\"}", BROWSER).statusCode())
                .isIn(400, 413);
        assertThat(views).isEmpty();
    }

    @Test
    void popularWidgetAndJsonShowTheRankingOfAScope() throws Exception {
        rankings.apply("politics", ranking("politics", TestArticles.XI_ID));
        JsonNode json = new ObjectMapper().readTree(get("/widgets/popular.json?scope=politics").body());
        assertThat(json.path("scope").asText()).isEqualTo("politics");
        assertThat(json.path("items").get(0).path("headline").asText()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(json.path("items").get(0).path("url").asText()).isEqualTo("https://news.example.com" + TestArticles.XI_PATH);
        HttpResponse<String> widget = get("/widgets/popular?scope=politics");
        assertThat(widget.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        assertThat(Jsoup.parse(widget.body()).select("#popular-list a").eachText())
                .containsExactly("Xi urges constructive cyberspace talks");
        assertThat(get("/widgets/popular.json?scope=%3Cscript%3E").statusCode()).isEqualTo(400);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void liveStreamSendsTheCurrentRankingThenEachNewOne() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/popular/stream?scope=all")).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            JsonNode first = nextRanking(lines);
            assertThat(first.path("items")).isEmpty();
            rankings.apply("politics", ranking("politics", TestArticles.XI_ID)); // another scope: not sent
            rankings.apply("all", ranking("all", TestArticles.XI_ID));
            JsonNode next = nextRanking(lines);
            assertThat(next.path("scope").asText()).isEqualTo("all");
            assertThat(next.path("items").get(0).path("href").asText()).isEqualTo(TestArticles.XI_PATH);
        }
    }

    private static JsonNode nextRanking(BufferedReader lines) throws Exception {
        String line;
        boolean inRanking = false;
        while ((line = lines.readLine()) != null) {
            if (line.equals("event: ranking")) {
                inRanking = true;
            } else if (inRanking && line.startsWith("data: ")) {
                return new ObjectMapper().readTree(line.substring(6));
            }
        }
        throw new AssertionError("stream ended");
    }

    @Test
    void rssAndAtomFeedsParseBackWithRome() throws Exception {
        for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/politics/rss.xml", "/feeds/politics/atom.xml")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
            assertThat(feed.getEntries()).as(path).hasSize(1);
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Xi urges constructive cyberspace talks");
            assertThat(feed.getEntries().get(0).getLink()).isEqualTo("https://news.example.com" + TestArticles.XI_PATH);
            assertThat(feed.getEntries().get(0).getPublishedDate().toInstant()).isEqualTo(TestArticles.XI_PUBLISHED);
        }
        assertThat(get("/feeds/rss.xml").headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(get("/feeds/nowhere/rss.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(get("/feeds/feed.json").body());
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(TestArticles.XI_ID);
        assertThat(item.path("title").asText()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(item.path("date_published").asText()).isEqualTo("2015-09-25T00:34:00Z");
        assertThat(item.path("content_html").asText()).contains("<p>President Xi Jinping");
    }

    @Test
    void ninjsApiGivesOneArticleAndFiltersTheList() throws Exception {
        HttpResponse<String> one = get("/api/v1/articles/" + TestArticles.XI_ID);
        assertThat(one.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/json").contains("profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"");
        JsonNode n = new ObjectMapper().readTree(one.body());
        assertThat(n.path("uri").asText()).isEqualTo(TestArticles.XI_ID);
        assertThat(n.path("standard").path("version").asText()).isEqualTo("2.2");
        assertThat(n.path("headlines").get(0).path("value").asText()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(n.path("pubstatus").asText()).isEqualTo("usable");
        assertThat(n.path("copyrightholder").asText()).isEqualTo("China Daily");
        assertThat(n.path("associations").get(0).path("copyrightholder").asText()).isEqualTo(TestArticles.CREDIT);
        articles.apply("urn:inkstream:article:b1", TestArticles.simple("b1", "Business", "Business story",
                Instant.parse("2015-09-25T02:30:00Z"), 5));
        JsonNode politics = new ObjectMapper().readTree(get("/api/v1/articles?section=politics").body());
        assertThat(politics.path("items")).hasSize(1);
        JsonNode since = new ObjectMapper().readTree(get("/api/v1/articles?since=2015-09-25T02:00:00Z").body());
        assertThat(since.path("items").get(0).path("headlines").get(0).path("value").asText()).isEqualTo("Business story");
        assertThat(since.path("items")).hasSize(1);
        assertThat(get("/api/v1/articles?since=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/articles/urn:nope").statusCode()).isEqualTo(404);
    }

    @Test
    void apiAnswersTheNinjsVersionAskedForByQueryOrAcceptProfile() throws Exception {
        String path = "/api/v1/articles/" + TestArticles.XI_ID;
        JsonNode v15 = new ObjectMapper().readTree(get(path + "?ninjs=1.5").body());
        assertThat(v15.path("$standard").path("version").asText()).isEqualTo("1.5");
        assertThat(v15.path("headline").asText()).isEqualTo("Xi urges constructive cyberspace talks");
        JsonNode v31 = new ObjectMapper().readTree(get(path, "Accept",
                "application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#\"").body());
        assertThat(v31.path("standard").path("version").asText()).isEqualTo("3.1");
        assertThat(v31.path("pubStatus").asText()).isEqualTo("usable");
        assertThat(new ObjectMapper().readTree(get(path + "?format=ninjs-3.1").body()).path("standard").path("version").asText())
                .isEqualTo("3.1");
        JsonNode list = new ObjectMapper().readTree(get("/api/v1/articles?ninjs=1.5").body());
        assertThat(list.path("items").get(0).path("$standard").path("version").asText()).isEqualTo("1.5");
        HttpResponse<String> plain = get(path, "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(new ObjectMapper().readTree(plain.body()).path("standard").path("version").asText()).isEqualTo("2.2");
        assertThat(plain.headers().firstValue("Vary").orElseThrow()).contains("Accept");
    }

    @Test
    void apiAnswersNewsMlG2AndNitfXmlForOneArticle() throws Exception {
        String path = "/api/v1/articles/" + TestArticles.XI_ID;
        HttpResponse<String> g2 = get(path + "?format=newsml-g2");
        assertThat(g2.statusCode()).isEqualTo(200);
        assertThat(g2.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.iptc.g2.newsitem+xml");
        org.w3c.dom.Document item = xml(g2.body());
        assertThat(item.getDocumentElement().getLocalName()).isEqualTo("newsItem");
        assertThat(item.getDocumentElement().getAttribute("guid")).isEqualTo(TestArticles.XI_ID);
        HttpResponse<String> byAccept = get(path, "Accept", "application/vnd.iptc.g2.newsitem+xml");
        assertThat(byAccept.body()).isEqualTo(g2.body());

        HttpResponse<String> nitf = get(path, "Accept", "application/nitf+xml");
        assertThat(nitf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/nitf+xml");
        assertThat(xml(nitf.body()).getDocumentElement().getAttribute("version")).isEqualTo("-//IPTC//DTD NITF 3.6//EN");
        assertThat(get(path + "?format=nitf").body()).isEqualTo(nitf.body());
    }

    @Test
    void apiListAsNewsMlG2IsANewsMessageAndAsNitfIsNotAcceptable() throws Exception {
        HttpResponse<String> message = get("/api/v1/articles?format=newsml-g2");
        assertThat(message.statusCode()).isEqualTo(200);
        org.w3c.dom.Document d = xml(message.body());
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("newsMessage");
        assertThat(d.getElementsByTagNameNS("http://iptc.org/std/nar/2006-10-01/", "newsItem").getLength()).isEqualTo(1);
        HttpResponse<String> nitf = get("/api/v1/articles", "Accept", "application/nitf+xml");
        assertThat(nitf.statusCode()).isEqualTo(406);
        assertThat(new ObjectMapper().readTree(nitf.body()).path("message").asText()).contains("/api/v1/articles/{id}?format=nitf");
    }

    @Test
    void unknownFormatsAndVersionsAreRefusedWithTheAcceptedValues() throws Exception {
        String path = "/api/v1/articles/" + TestArticles.XI_ID;
        for (String query : List.of("?ninjs=4.0", "?format=newsml-1.2", "?format=nitf&ninjs=2.2")) {
            HttpResponse<String> r = get(path + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(r.body()).path("message").asText()).as(query).isNotBlank();
        }
        HttpResponse<String> badProfile = get(path, "Accept", "application/json;profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json\"");
        assertThat(badProfile.statusCode()).isEqualTo(400);
        assertThat(badProfile.body()).contains("bad_ninjs_version").contains("1.5, 2.2, 3.1");
        HttpResponse<String> none = get(path, "Accept", "text/csv");
        assertThat(none.statusCode()).isEqualTo(406);
        assertThat(none.body()).contains("application/nitf+xml");
    }

    @Test
    void sitemapsListArticlesAndRecentNews() throws Exception {
        org.w3c.dom.Document sitemap = xml(get("/sitemap.xml").body());
        List<String> locs = texts(sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"));
        assertThat(locs).contains("https://news.example.com/", "https://news.example.com/politics/",
                "https://news.example.com" + TestArticles.XI_PATH);
        org.w3c.dom.Document news = xml(get("/sitemap-news.xml").body());
        assertThat(texts(news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title")))
                .containsExactly("Xi urges constructive cyberspace talks");
        clock.set(Instant.parse("2015-09-28T00:00:00Z"));
        assertThat(texts(xml(get("/sitemap-news.xml").body())
                .getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title"))).isEmpty();
    }

    private static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static Ranking ranking(String scope, String articleId) {
        return Ranking.newBuilder().setScope(scope)
                .setWindowStart(Instant.parse("2015-09-24T03:00:00Z"))
                .setWindowEnd(Instant.parse("2015-09-25T03:00:00Z"))
                .setComputedAt(Instant.parse("2015-09-25T03:00:01Z"))
                .setEntries(List.of(RankingEntry.newBuilder().setRank(1).setArticleId(articleId).setViews(42)
                        .setVisitors(40).build())).build();
    }

}
