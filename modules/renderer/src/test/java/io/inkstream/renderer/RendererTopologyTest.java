package io.inkstream.renderer;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.streams.JsonSerde;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.KilledArticle;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What syndication partners receive on articles.published for each enriched version. */
class RendererTopologyTest {

    private final Topics topics = Topics.withPrefix("");
    private final EventSerdes serdes = EventSerdes.forRegistry("mock://renderer-topology");
    private final MutableClock clock = new MutableClock(Instant.parse("2015-09-25T03:00:00Z"));
    private final TopologyTestDriver driver = new TopologyTestDriver(
            RendererTopology.build(topics, serdes, SiteConfig.defaults("https://news.example.com/"), clock),
            props());
    private final TestInputTopic<String, EnrichedArticle> enriched = TopologyTests.input(driver, serdes, topics.articlesEnriched());
    private final TestOutputTopic<String, PublishedArticle> published = TopologyTests.output(driver, serdes, topics.articlesPublished());
    private final TestOutputTopic<String, KilledArticle> killed = driver.createOutputTopic(
            KilledArticle.topic(topics).name(), serdes.keySerde().deserializer(),
            new JsonSerde<>(KilledArticle.class).deserializer());

    private static Properties props() {
        return TopologyTests.driverProperties("renderer-test", tempStateDir());
    }

    private static java.nio.file.Path tempStateDir() {
        try {
            return java.nio.file.Files.createTempDirectory("renderer-topology");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void usableArticleIsPublishedWithAbsoluteUrlAndSanitizedBody() {
        EnrichedArticle e = TestArticles.xiCyberspace();
        e.getArticle().setBodyHtml("<p>Safe <em>text</em></p><script>alert(1)</script><p onclick=x()>More</p>");
        enriched.pipeInput(TestArticles.XI_ID, e);
        KeyValue<String, PublishedArticle> out = published.readKeyValue();
        assertThat(out.key).isEqualTo(TestArticles.XI_ID);
        PublishedArticle p = out.value;
        assertThat(p.getUrl()).isEqualTo("https://news.example.com" + TestArticles.XI_PATH);
        assertThat(p.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(p.getHeadline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(p.getSourceAgency()).isEqualTo("China Daily");
        assertThat(p.getEditor()).isEqualTo("Wang Fan");
        assertThat(p.getBodyHtml()).isEqualTo("<p>Safe <em>text</em></p><p>More</p>");
        assertThat(p.getPeople()).containsExactly("Xi Jinping");
        assertThat(p.getOrganisations()).containsExactly("Microsoft");
        assertThat(p.getPlaces()).containsExactly("Seattle");
        assertThat(p.getKeywords()).containsExactly("cyberspace");
        assertThat(p.getMedia().get(0).getCredit()).isEqualTo(TestArticles.CREDIT);
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void paragraphsBecomeEscapedHtmlWithInlineLinks() {
        EnrichedArticle e = TestArticles.xiCyberspace();
        e.getArticle().setParagraphs(List.of("Tom & Jerry <b>not bold</b> [Special coverage]", "Second."));
        enriched.pipeInput(TestArticles.XI_ID, e);
        Document body = Jsoup.parseBodyFragment(published.readValue().getBodyHtml());
        assertThat(body.select("p").eachText()).containsExactly("Tom & Jerry <b>not bold</b> Special coverage", "Second.");
        assertThat(body.select("b")).isEmpty();
        assertThat(body.select("a").attr("href")).isEqualTo("https://www.example.com/special/xi-us-visit");
    }

    @Test
    void killedArticleIsPublishedAsCanceledThenTombstone() {
        enriched.pipeInput(TestArticles.XI_ID, TestArticles.xiCyberspace());
        enriched.pipeInput(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:00:00Z"), a -> a.setPubStatus(PubStatus.canceled)));
        enriched.pipeInput(TestArticles.XI_ID, null);
        List<KeyValue<String, PublishedArticle>> out = published.readKeyValuesToList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0).value.getPubStatus()).isEqualTo(PubStatus.usable);
        PublishedArticle canceled = out.get(1).value;
        assertThat(canceled.getPubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(canceled.getVersion()).isEqualTo(2);
        assertThat(canceled.getBodyHtml()).isEmpty();
        assertThat(out.get(2).value).isNull();
        assertThat(out.get(3).value).isNull();
    }

    @Test
    void killIsRecordedOnceWithEveryPathTheArticleHadAndForgottenWhenItComesBack() {
        EnrichedArticle moved = TestArticles.nextVersion(TestArticles.xiCyberspace(), Instant.parse("2015-09-25T01:00:00Z"),
                a -> a.setHeadline("Xi urges talks on cyberspace"));
        moved.setCanonicalPath("/politics/2015-09-25/xi-urges-talks-on-cyberspace-3f2a9c.html");
        moved.setPreviousPaths(List.of(TestArticles.XI_PATH));
        enriched.pipeInput(TestArticles.XI_ID, TestArticles.xiCyberspace());
        enriched.pipeInput(TestArticles.XI_ID, moved);
        assertThat(killed.isEmpty()).isTrue();

        enriched.pipeInput(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T02:00:00Z"), a -> a.setPubStatus(PubStatus.canceled)));
        enriched.pipeInput(TestArticles.XI_ID, null);
        List<KeyValue<String, KilledArticle>> kills = killed.readKeyValuesToList();
        assertThat(kills).hasSize(1);
        assertThat(kills.get(0).key).isEqualTo(TestArticles.XI_ID);
        assertThat(kills.get(0).value.headline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(kills.get(0).value.paths()).containsExactlyInAnyOrder(TestArticles.XI_PATH,
                "/politics/2015-09-25/xi-cyberspace-3f2a9c.html",
                "/politics/2015-09-25/xi-urges-talks-on-cyberspace-3f2a9c.html");

        enriched.pipeInput(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T05:00:00Z"), a -> a.setVersion(4)));
        KeyValue<String, KilledArticle> back = killed.readKeyValue();
        assertThat(back.key).isEqualTo(TestArticles.XI_ID);
        assertThat(back.value).isNull();
        assertThat(killed.isEmpty()).isTrue();
    }

    @Test
    void killOfAnArticleNeverSeenIsRecordedByIdAlone() {
        enriched.pipeInput("urn:inkstream:article:older", null);
        KeyValue<String, KilledArticle> kill = killed.readKeyValue();
        assertThat(kill.key).isEqualTo("urn:inkstream:article:older");
        assertThat(kill.value.paths()).isEmpty();
    }

    @Test
    void embargoedArticleIsSyndicatedOnceTheEmbargoLifts() {
        EnrichedArticle embargoed = TestArticles.xiCyberspace();
        embargoed.getArticle().setEmbargoUntil(Instant.parse("2015-09-25T04:00:00Z"));
        enriched.pipeInput(TestArticles.XI_ID, embargoed);
        assertThat(published.readValue()).isNull();
        clock.set(Instant.parse("2015-09-25T03:59:00Z"));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(20));
        assertThat(published.isEmpty()).isTrue();
        clock.set(Instant.parse("2015-09-25T04:00:00Z"));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(20));
        PublishedArticle p = published.readValue();
        assertThat(p.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(p.getHeadline()).isEqualTo("Xi urges constructive cyberspace talks");
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(20));
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void embargoedArticleKilledBeforeItLiftsIsNeverSyndicated() {
        EnrichedArticle embargoed = TestArticles.xiCyberspace();
        embargoed.getArticle().setEmbargoUntil(Instant.parse("2015-09-25T04:00:00Z"));
        enriched.pipeInput(TestArticles.XI_ID, embargoed);
        enriched.pipeInput(TestArticles.XI_ID, TestArticles.nextVersion(TestArticles.xiCyberspace(),
                Instant.parse("2015-09-25T03:30:00Z"), a -> a.setPubStatus(PubStatus.canceled)));
        enriched.pipeInput(TestArticles.XI_ID, null);
        clock.set(Instant.parse("2015-09-25T05:00:00Z"));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(20));
        assertThat(published.readValuesToList()).noneMatch(p -> p != null && p.getPubStatus() == PubStatus.usable);
    }

    @Test
    void withheldOrEmbargoedArticleIsNotSyndicated() {
        EnrichedArticle embargoed = TestArticles.xiCyberspace();
        embargoed.getArticle().setEmbargoUntil(Instant.parse("2015-09-25T04:00:00Z"));
        enriched.pipeInput(TestArticles.XI_ID, embargoed);
        EnrichedArticle withheld = TestArticles.xiCyberspace();
        withheld.getArticle().setPubStatus(PubStatus.withheld);
        enriched.pipeInput(TestArticles.XI_ID, withheld);
        List<KeyValue<String, PublishedArticle>> out = published.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.value).containsExactly(null, null);
    }

    /**
     * Decision 0033: enrich re-emits a version with a refreshed related list (relatedUpdatedAt set); it replaces
     * the compacted articles.published record with the new list, and is not a new version for partners' log.
     */
    @Test
    void aRefreshedRelatedListReachesArticlesPublishedButNotThePartnersLogOfVersions() {
        TestOutputTopic<String, PublishedArticle> versions = driver.createOutputTopic(topics.syndicationVersions().name(),
                serdes.keySerde().deserializer(), serdes.valueSerde(topics.syndicationVersions()).deserializer());
        EnrichedArticle first = TestArticles.xiCyberspace();
        EnrichedArticle refreshed = EnrichedArticle.newBuilder(first)
                .setRelated(List.of(io.inkstream.events.RelatedArticle.newBuilder().setId("urn:inkstream:article:later1")
                        .setHeadline("Xi leaves Seattle for Washington")
                        .setCanonicalPath("/politics/2015-09-25/xi-leaves-seattle-later1.html")
                        .setSection("Politics").setPublishedAt(Instant.parse("2015-09-25T02:00:00Z")).setScore(0.6).build(),
                        first.getRelated().get(0)))
                .setRelatedUpdatedAt(Instant.parse("2015-09-25T02:01:00Z")).build();
        enriched.pipeInput(TestArticles.XI_ID, first);
        enriched.pipeInput(TestArticles.XI_ID, refreshed);

        List<PublishedArticle> out = published.readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).getRelated()).extracting(io.inkstream.events.PublishedLink::getUrl)
                .containsExactly("https://news.example.com/politics/2015-09-23/xi-arrives-in-seattle-older1.html");
        assertThat(out.get(0).getRelatedUpdatedAt()).isNull();
        assertThat(out.get(1).getVersion()).isEqualTo(out.get(0).getVersion());
        assertThat(out.get(1).getRelated()).extracting(io.inkstream.events.PublishedLink::getHeadline)
                .containsExactly("Xi leaves Seattle for Washington", "Xi arrives in Seattle for state visit");
        assertThat(out.get(1).getRelatedUpdatedAt()).isEqualTo(Instant.parse("2015-09-25T02:01:00Z"));
        assertThat(versions.readValuesToList()).as("one version for partners").hasSize(1)
                .allSatisfy(v -> assertThat(v.getRelatedUpdatedAt()).isNull());
    }

    @Test
    void aVersionRefreshedWhileUnderEmbargoIsSyndicatedOnceAsANewVersionWhenItLifts() {
        TestOutputTopic<String, PublishedArticle> versions = driver.createOutputTopic(topics.syndicationVersions().name(),
                serdes.keySerde().deserializer(), serdes.valueSerde(topics.syndicationVersions()).deserializer());
        EnrichedArticle embargoed = TestArticles.xiCyberspace();
        embargoed.getArticle().setEmbargoUntil(Instant.parse("2015-09-25T04:00:00Z"));
        enriched.pipeInput(TestArticles.XI_ID, embargoed);
        enriched.pipeInput(TestArticles.XI_ID, EnrichedArticle.newBuilder(embargoed).setRelated(List.of())
                .setRelatedUpdatedAt(Instant.parse("2015-09-25T03:10:00Z")).build());
        clock.set(Instant.parse("2015-09-25T04:00:00Z"));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(20));
        List<PublishedArticle> partners = versions.readValuesToList();
        assertThat(partners).hasSize(1);
        assertThat(partners.get(0).getRelated()).isEmpty();
        assertThat(partners.get(0).getRelatedUpdatedAt()).isNull();
    }
}
