package io.inkstream.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.testkit.SharedMaterial;
import io.inkstream.testkit.TempDirs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator runs it: {@code java -jar inkstream.jar up} as a real process on
 * free ports, fed the fixture page over HTTP, read in headless Chromium, counted through the reader
 * beacon into the live "Most popular in 24h" list, then stopped with SIGTERM. Runs after package
 * (failsafe, {@code mvn verify}); the tests share the one process and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InkstreamProcessIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration THROUGH_PIPELINE = Duration.ofSeconds(60);

    private Path dataDir;
    private Process process;
    private Path log;
    private int kafkaPort;
    private int registryPort;
    private SiteClient site;
    private HeadlessChromium chromium;
    private String articleId;
    private String articlePath;

    @BeforeAll
    void startTheJar() throws IOException {
        // failsafe (mvn verify) names the jar it just packaged; a surefire run picked by -Dtest has no fresh jar.
        String packaged = System.getProperty("inkstream.jar");
        Assumptions.assumeTrue(packaged != null, "runs in mvn verify, after package (failsafe sets inkstream.jar)");
        HeadlessChromium.requireInstalled();
        Path jar = Path.of(packaged);
        assertThat(jar).as("the packaged jar (mvn package builds it before this test)").isRegularFile();
        dataDir = Files.createTempDirectory("inkstream-e2e-process-");
        // To a file, not a pipe: Process.destroy() closes the pipes at once, and the last lines matter here.
        log = jar.toAbsolutePath().getParent().resolve("inkstream-process-it.log");
        int httpPort = JarProcess.freePort();
        kafkaPort = JarProcess.freePort();
        registryPort = JarProcess.freePort();
        process = JarProcess.up(jar, dataDir, httpPort, kafkaPort, registryPort, log);

        new FluentWait<>(this).withTimeout(START).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "\"Inkstream is up\" from the process; it printed:\n" + tail())
                .until(test -> {
                    assertThat(process.isAlive()).as("process running; it printed:\n%s", tail()).isTrue();
                    return outputText().contains("Inkstream is up");
                });
        site = new SiteClient("http://127.0.0.1:" + httpPort);
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            TempDirs.deleteTree(dataDir);
        }
    }

    @Test
    @Order(1)
    void readerSeesTheIngestedFixtureArticle() {
        articleId = FixtureArticle.ingest(site);
        articlePath = site.awaitArticlePath(articleId, THROUGH_PIPELINE);

        ArticlePage page = ArticlePage.open(chromium.driver(), site.url(articlePath));

        FixtureArticle.assertReaderSeesTheArticle(page);
        assertThat(page.panelHeadings()).contains("Most popular in 24h", "Top news");
    }

    @Test
    @Order(2)
    void readersViewsReachTheMostPopularListWithoutReload() {
        chromium.freshTab();
        ArticlePage page = ArticlePage.open(chromium.driver(), site.url(articlePath)); // its script sends a view
        page.markDocument();

        site.beacon(articleId, "e2e-reader-0001");
        site.beacon(articleId, "e2e-reader-0002");
        site.beacon(articleId, "e2e-reader-0002"); // the same reader again within minutes counts once

        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                .withMessage("the live Most popular list showing the article the readers read")
                .until(d -> page.popularHeadlines().contains(FixtureArticle.HEADLINE));
        assertThat(page.stillMarkedDocument()).as("same document, not reloaded").isTrue();
        long views = new FluentWait<>(site).withTimeout(THROUGH_PIPELINE).pollingEvery(Duration.ofMillis(300))
                .withMessage("3 counted views (the browser's, reader 1, reader 2 once)")
                .until(s -> {
                    JsonNode counted = SiteClient.json(s.get("/v1/popular/articles/" + articleId).body());
                    return counted.path("views").asLong() == 3 ? 3L : null;
                });
        assertThat(views).isEqualTo(3);
        assertThat(latestRanking("all")).as("the Ranking on popularity.top24h, read with Confluent's wire format")
                .hasValueSatisfying(r -> assertThat(r.getEntries()).extracting(RankingEntry::getArticleId)
                        .contains(articleId));
    }

    /**
     * IPTC's examples carry one story ("Captain of wrecked cruise ship on trial in Italy") as three items
     * in five files of three ninjs versions; the site shows it once, and each version names the others.
     */
    @Test
    @Order(3)
    void oneStoryInThreeFormatsIsOneEntryOnTheFrontPage() throws IOException {
        Path wire = sharedWire();
        List<String> files = List.of("ninjs/iptc-1.4/ninjsExComplex1.json", "ninjs/iptc-2.1/ninjsExSimpleText_2.json",
                "ninjs/iptc-2.2/005_complex_text_article.json", "ninjs/superdesk/ninjsExMediumText1.json",
                "ninjs/superdesk/ninjsExSimpleText1.json");
        Set<String> ids = new LinkedHashSet<>();
        for (String file : files) {
            Path path = wire.resolve(file);
            ids.add(site.ingest(Files.readAllBytes(path), "application/json", path.getFileName().toString()));
        }
        assertThat(ids).as("three items (two files repeat an item's uri)").hasSize(3);
        List<String> paths = ids.stream().map(id -> site.awaitArticlePath(id, THROUGH_PIPELINE)).toList();

        String front = site.get("/").body();
        Document page = Jsoup.parse(front);
        assertThat(page.select("main a").eachText().stream().filter(t -> t.equals(STORY)).count())
                .as("the story's links on the front page's list").isEqualTo(1);
        Document first = Jsoup.parse(site.get(paths.get(0)).body());
        assertThat(first.select(".also-from a")).as("the other versions under Also from").hasSize(2);
    }

    private static final String STORY = "Captain of wrecked cruise ship on trial in Italy";

    /** {@code ../shared/wire} beside the repository, or the test is skipped: those files are other projects' data. */
    private static Path sharedWire() {
        return SharedMaterial.folder("wire", wire -> Files.isRegularFile(wire.resolve("README.md")),
                "IPTC's example files are not in this repository, so this test is skipped");
    }

    @Test
    @Order(4)
    void sigtermStopsEverythingWithinTenSeconds() throws InterruptedException {
        process.destroy(); // SIGTERM, as Ctrl-C or a service manager would

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s; it printed:\n%s", tail()).isTrue();
        assertThat(outputText()).contains("Stopping Inkstream", "Stopped");
    }

    /** The newest ranking of a scope on popularity.top24h, as any Kafka client with the registry reads it. */
    private Optional<Ranking> latestRanking(String scope) {
        TopicSpec<Ranking> topic = Topics.withPrefix("").popularityTop24h();
        AtomicReference<Ranking> latest = new AtomicReference<>();
        CommittedRecords.readAll(kafkaPort, registryPort, topic, record -> {
            if (scope.equals(record.key()) && record.value() != null) {
                latest.set(record.value());
            }
        });
        return Optional.ofNullable(latest.get());
    }

    /** What the process printed so far (its whole log stays in target/inkstream-process-it.log). */
    private String outputText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        List<String> lines = outputText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n(whole log: " + log + ")";
    }
}
