package io.inkstream.app.e2e;

import io.inkstream.app.EmbeddedStack;
import io.inkstream.app.Services;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.TopicSpec;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import io.inkstream.testkit.Fixtures;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole pipeline in this JVM (real KRaft broker, registry, services, HTTP) fed over real HTTP,
 * and the article page checked in headless Chromium for what a reader sees and can do.
 * One stack and one browser for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticlePageBrowserTest {

    private static final Duration THROUGH_PIPELINE = Duration.ofSeconds(60);
    private static final String RELATED_SEATTLE = "Xi arrives in Seattle on first state visit to the U.S.";
    private static final String RELATED_CYBERCRIME = "China and U.S. reach consensus on combating cybercrime";

    private Path dataDir;
    private EmbeddedStack stack;
    private SiteClient site;
    private HeadlessChromium chromium;
    private String cybercrimeId;
    private String cybercrimePath;
    private String articlePath;

    @BeforeAll
    void startPipelineAndBrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        dataDir = Files.createTempDirectory("inkstream-e2e-");
        Settings settings = Settings.ofOverrides(Map.of(
                CommonConfig.DATA_DIR.key(), dataDir.toString(),
                CommonConfig.HTTP_PORT.key(), "0",
                CommonConfig.KAFKA_PORT.key(), "0",
                CommonConfig.REGISTRY_PORT.key(), "0",
                // The fixture is from 2015; enrich relates only articles within this window of its stream time (now).
                "enrich.related.window", "36500d"));
        stack = EmbeddedStack.start(settings, servicesButPopularity(), System.out);
        assertThat(stack.awaitReady(THROUGH_PIPELINE)).as("every service ready").isTrue();
        site = new SiteClient("http://127.0.0.1:" + stack.httpPort());

        // Enrich relates an article to earlier ones it has already seen: the related stories go first.
        String seattleId = site.ingest(resource("related-xi-seattle.json"), "application/json", "xi-seattle.json");
        cybercrimeId = site.ingest(resource("related-cybercrime-consensus.json"), "application/json", "cybercrime.json");
        site.awaitArticlePath(seattleId, THROUGH_PIPELINE);
        cybercrimePath = site.awaitArticlePath(cybercrimeId, THROUGH_PIPELINE);
        String articleId = FixtureArticle.ingest(site);
        articlePath = site.awaitArticlePath(articleId, THROUGH_PIPELINE);

        chromium = HeadlessChromium.start();
    }

    /**
     * Without popularity this test's Ranking record is the only one on popularity.top24h, so what
     * the widget shows is known; the process test covers views becoming a ranking.
     */
    private static List<String> servicesButPopularity() {
        return Services.names().stream().filter(name -> !"popularity".equals(name)).toList();
    }

    @AfterAll
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
            JarProcess.deleteRecursively(dataDir);
        }
    }

    @BeforeEach
    void newTab() {
        chromium.freshTab();
    }

    @Test
    void readerSeesTheFixtureArticleWithoutTheSourcePagesNoise() {
        ArticlePage page = ArticlePage.open(driver(), site.url(articlePath));

        FixtureArticle.assertReaderSeesTheArticle(page);
        assertThat(driver().getTitle()).startsWith(FixtureArticle.HEADLINE);
    }

    @Test
    void relatedNewsMostPopularAndTopNewsPanelsAreShown() {
        ArticlePage page = ArticlePage.open(driver(), site.url(articlePath));

        assertThat(page.panelHeadings()).contains("Related news", "Most popular in 24h", "Top news");
        assertThat(page.panelItems("related")).contains(RELATED_SEATTLE, RELATED_CYBERCRIME);
        assertThat(page.panelItems("top-news")).contains(FixtureArticle.HEADLINE);
    }

    @Test
    void textSizeControlChangesTheBodyTextAndIsRememberedAfterReload() {
        ArticlePage page = ArticlePage.open(driver(), site.url(articlePath));
        page.chooseTextSize("medium");
        double medium = page.bodyFontSizePx();

        page.chooseTextSize("large");
        double large = page.bodyFontSizePx();
        page.chooseTextSize("small");
        double small = page.bodyFontSizePx();
        page.chooseTextSize("large");
        page.reload();

        assertThat(large).isGreaterThan(medium);
        assertThat(small).isLessThan(medium);
        assertThat(page.pressedTextSize()).isEqualTo("large");
        assertThat(page.bodyFontSizePx()).isEqualTo(large);
        page.chooseTextSize("medium"); // leave the shared browser as a new reader finds it
    }

    @Test
    void printLinkOpensThePrintView() {
        ArticlePage page = ArticlePage.open(driver(), site.url(articlePath));

        page.followPrintLink();

        assertThat(URI.create(driver().getCurrentUrl()).getPath()).isEqualTo("/print" + articlePath);
        assertThat(driver().findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(FixtureArticle.HEADLINE);
        assertThat(driver().findElements(By.cssSelector("#article-body p"))).hasSize(FixtureArticle.PARAGRAPHS);
        assertThat(driver().findElements(By.cssSelector(".side, #popular, .site-header"))).isEmpty();
        assertThat(driver().findElement(By.linkText("Back to the article")).getAttribute("href")).endsWith(articlePath);
    }

    @Test
    void hostileNinjsBodyRunsNoScriptInTheReadersBrowser() {
        String id = site.ingest(resource("hostile.json"), "application/json", "hostile.json");
        String path = site.awaitArticlePath(id, THROUGH_PIPELINE);

        ArticlePage page = ArticlePage.open(driver(), site.url(path));

        assertNoScriptRan(page);
        assertThat(page.bodyParagraphs()).contains("Readers must see this paragraph.");
        assertThat(page.headline()).startsWith("Harmless headline");
    }

    @Test
    void hostileHtmlPageRunsNoScriptInTheReadersBrowser() {
        String id = site.ingest(resource("hostile.html"), "text/html; charset=utf-8", "hostile.html");
        String path = site.awaitArticlePath(id, THROUGH_PIPELINE);

        ArticlePage page = ArticlePage.open(driver(), site.url(path));

        assertNoScriptRan(page);
        assertThat(page.bodyParagraphs()).contains("Readers must see this page paragraph.");
    }

    @Test
    void mostPopularWidgetChangesWithoutReloadWhenARankingArrives() {
        ArticlePage page = ArticlePage.open(driver(), site.url(articlePath));
        assertThat(page.popularHeadlines()).doesNotContain(RELATED_CYBERCRIME);
        page.markDocument();

        produceRanking(RankingEntry.newBuilder().setRank(1).setArticleId(cybercrimeId).setViews(42).setVisitors(40)
                .setHeadline(RELATED_CYBERCRIME).setCanonicalPath(cybercrimePath).setSection("Politics").build());

        new WebDriverWait(driver(), Duration.ofSeconds(5))
                .withMessage("the live Most popular list showing the ranked article")
                .until(d -> page.popularHeadlines().contains(RELATED_CYBERCRIME));
        assertThat(page.stillMarkedDocument()).as("same document, not reloaded").isTrue();
        assertThat(driver().findElement(By.cssSelector("#popular-list li a")).getAttribute("href"))
                .endsWith(cybercrimePath);
    }

    /**
     * A reader clicking from article to article: each page must load. Chrome keeps the pages left
     * behind (back/forward cache) with their live "Most popular" EventSources open, two per article
     * page; on HTTP/1.1 six connections per host are all there is, so the fourth page never loads.
     */
    @Test
    void readerCanGoFromArticleToArticle() {
        driver().manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
        try {
            for (int i = 0; i < 8; i++) {
                String path = i % 2 == 0 ? articlePath : cybercrimePath;
                ArticlePage page = ArticlePage.open(driver(), site.url(path));
                assertThat(page.headline()).isEqualTo(i % 2 == 0 ? FixtureArticle.HEADLINE : RELATED_CYBERCRIME);
            }
        } finally {
            driver().manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
    }

    private void assertNoScriptRan(ArticlePage page) {
        assertThatThrownBy(() -> driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(page.js("return typeof window.__pwned;")).isEqualTo("undefined");
        assertThat(page.js("return document.querySelectorAll('#main script, #main iframe, #main svg,"
                + " #main [onerror], #main [onload], #main [onmouseover], #main a[href^=\"javascript:\"]').length;"))
                .as("active content left in the page").isEqualTo(0L);
    }

    private void produceRanking(RankingEntry... entries) {
        ServiceContext context = stack.context();
        TopicSpec<Ranking> topic = context.topics().popularityTop24h();
        Instant now = Instant.now();
        Ranking ranking = Ranking.newBuilder().setScope("all").setWindowStart(now.minus(Duration.ofHours(24)))
                .setWindowEnd(now).setComputedAt(now).setEntries(List.of(entries)).build();
        try (KafkaProducer<String, Ranking> producer = new KafkaProducer<>(context.producerProperties("e2e-ranking"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(topic).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "all", ranking));
            producer.flush();
        }
    }

    private WebDriver driver() {
        return chromium.driver();
    }

    private static byte[] resource(String name) {
        return Fixtures.resource("/e2e/" + name);
    }
}
