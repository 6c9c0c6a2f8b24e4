package io.inkstream.enrich;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RelatedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0033: an earlier article's related list is refreshed when a strongly related article arrives, and
 * when one it lists is killed: at most K lists per new article, each at most once per interval (wall clock,
 * the driver's), always the article's latest version, never a killed one.
 */
class RelatedRefreshTopologyTest {

    private static final Instant T0 = Instant.parse("2015-09-25T00:34:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> ingested;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    private void start(EnrichConfig config) {
        Topics topics = Topics.withPrefix("");
        EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://refresh-" + UUID.randomUUID()));
        driver = new TopologyTestDriver(EnrichTopology.build(config, topics, serdes),
                TopologyTests.driverProperties("refresh-test", stateDir));
        ingested = driver.createInputTopic(topics.articlesIngested().name(), new StringSerializer(),
                serdes.valueSerde(topics.articlesIngested()).serializer());
        enriched = driver.createOutputTopic(topics.articlesEnriched().name(), new StringDeserializer(),
                serdes.valueSerde(topics.articlesEnriched()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aStronglyRelatedLaterArticleJoinsTheEarlierOnesListInTheSameVersion() {
        start(EnrichConfig.defaults());
        Article a = cyber("urn:a:1", 0);
        Article b = cyber("urn:a:2", 1);
        send(a, 0);
        send(b, 60);

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();

        assertThat(out).extracting(kv -> kv.key).containsExactly("urn:a:1", "urn:a:2", "urn:a:1");
        assertThat(ids(out.get(0).value)).isEmpty();
        assertThat(ids(out.get(1).value)).containsExactly("urn:a:1");
        EnrichedArticle refreshed = out.get(2).value;
        assertThat(refreshed.getArticle()).as("the same version, as it was").isEqualTo(a);
        assertThat(refreshed.getCanonicalPath()).isEqualTo(out.get(0).value.getCanonicalPath());
        assertThat(refreshed.getEnrichedAt()).isEqualTo(out.get(0).value.getEnrichedAt());
        assertThat(ids(refreshed)).containsExactly("urn:a:2");
        RelatedArticle link = refreshed.getRelated().get(0);
        assertThat(link.getCanonicalPath()).isEqualTo(out.get(1).value.getCanonicalPath());
        assertThat(link.getScore()).isEqualTo(out.get(1).value.getRelated().get(0).getScore());
        assertThat(link.getScore()).isGreaterThanOrEqualTo(EnrichConfig.defaults().refresh().minScore());
        assertThat(refreshed.getRelatedUpdatedAt()).isNotNull();
        assertThat(out.get(0).value.getRelatedUpdatedAt()).isNull();
    }

    @Test
    void aNewArticleRefreshesAtMostKEarlierListsTheStrongestItLists() {
        start(EnrichConfig.defaults().withRefresh(new EnrichConfig.Refresh(2, Duration.ZERO, 0.0, Duration.ofDays(2))));
        for (int i = 0; i < 3; i++) {
            send(cyber("urn:a:" + i, i), 60L * i);
        }
        enriched.readKeyValuesToList();
        Article late = cyber("urn:a:late", 3);
        send(late, 600);

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();

        EnrichedArticle own = out.get(0).value;
        assertThat(ids(own)).hasSize(3);
        assertThat(out).hasSize(3);
        assertThat(out.subList(1, 3)).extracting(kv -> kv.key).as("the two it lists first")
                .containsExactlyElementsOf(ids(own).subList(0, 2));
        assertThat(out.subList(1, 3)).allSatisfy(kv -> assertThat(ids(kv.value)).contains("urn:a:late"));
    }

    @Test
    void aListIsReEmittedAtMostOnceAMinuteWithWhatArrivedMeanwhileTogether() {
        start(EnrichConfig.defaults());
        send(cyber("urn:a:1", 0), 0);
        send(cyber("urn:a:2", 1), 10);
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("urn:a:1", "urn:a:2", "urn:a:1");

        send(cyber("urn:a:3", 2), 20);
        List<KeyValue<String, EnrichedArticle>> meanwhile = enriched.readKeyValuesToList();
        assertThat(meanwhile).extracting(kv -> kv.key).as("urn:a:2's first refresh; urn:a:1's waits")
                .containsExactly("urn:a:3", "urn:a:2");

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(enriched.isEmpty()).as("not yet a minute").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        List<KeyValue<String, EnrichedArticle>> due = enriched.readKeyValuesToList();
        assertThat(due).extracting(kv -> kv.key).containsExactly("urn:a:1");
        assertThat(ids(due.get(0).value)).containsExactlyInAnyOrder("urn:a:2", "urn:a:3");
    }

    @Test
    void aKilledArticleLeavesTheListsItWasOn() {
        start(EnrichConfig.defaults());
        Article b = cyber("urn:a:2", 1);
        send(cyber("urn:a:1", 0), 0);
        send(b, 10);
        assertThat(ids(enriched.readKeyValuesToList().get(2).value)).containsExactly("urn:a:2");
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        ingested.pipeInput(b.getId(), Article.newBuilder(b).setVersion(2).setPubStatus(PubStatus.canceled).build(),
                T0.plusSeconds(100));

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("urn:a:2", "urn:a:2", "urn:a:1");
        assertThat(out.get(1).value).isNull();
        assertThat(out.get(2).value.getArticle().getVersion()).isEqualTo(1);
        assertThat(ids(out.get(2).value)).as("the kill left its list").isEmpty();
    }

    @Test
    void aRefreshReEmitsTheLatestVersionNeverAnOlderOne() {
        Article a = threeRelatedTheFirstsSecondRefreshWaiting();
        Article corrected = Article.newBuilder(a).setVersion(2).setHeadline("Xi and Microsoft discuss cybersecurity")
                .setVersionCreated(T0.plusSeconds(30)).build();
        ingested.pipeInput(a.getId(), corrected, T0.plusSeconds(30)); // still published at T0
        List<KeyValue<String, EnrichedArticle>> correction = enriched.readKeyValuesToList();
        assertThat(correction).extracting(kv -> kv.value.getArticle().getVersion()).containsExactly(2);
        assertThat(ids(correction.get(0).value)).as("as enriched: earlier articles only").isEmpty();

        driver.advanceWallClockTime(Duration.ofSeconds(61));

        List<KeyValue<String, EnrichedArticle>> due = enriched.readKeyValuesToList();
        assertThat(due).extracting(kv -> kv.key).containsExactly("urn:a:1");
        assertThat(due.get(0).value.getArticle()).isEqualTo(corrected);
        assertThat(ids(due.get(0).value)).containsExactlyInAnyOrder("urn:a:2", "urn:a:3");
    }

    @Test
    void aKilledArticleIsNotReEmittedByARefreshThatWasWaiting() {
        Article a = threeRelatedTheFirstsSecondRefreshWaiting();
        ingested.pipeInput(a.getId(), Article.newBuilder(a).setVersion(2).setPubStatus(PubStatus.canceled).build(),
                T0.plusSeconds(30));
        List<KeyValue<String, EnrichedArticle>> kill = enriched.readKeyValuesToList();
        assertThat(kill.stream().filter(kv -> kv.key.equals("urn:a:1")).map(kv -> kv.value)).hasSize(2).last().isNull();

        driver.advanceWallClockTime(Duration.ofSeconds(61));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).doesNotContain("urn:a:1");
    }

    @Test
    void withRefreshingOffEveryListStaysAsEnriched() {
        start(EnrichConfig.defaults().withRefresh(EnrichConfig.Refresh.OFF));
        send(cyber("urn:a:1", 0), 0);
        send(cyber("urn:a:2", 1), 10);
        driver.advanceWallClockTime(Duration.ofSeconds(61));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("urn:a:1", "urn:a:2");
    }

    /** urn:a:1, then two articles related to it 10 s apart: its list was refreshed once, the second waits for the minute. */
    private Article threeRelatedTheFirstsSecondRefreshWaiting() {
        start(EnrichConfig.defaults());
        Article a = cyber("urn:a:1", 0);
        send(a, 0);
        send(cyber("urn:a:2", 1), 10);
        send(cyber("urn:a:3", 2), 20);
        enriched.readKeyValuesToList();
        return a;
    }

    private void send(Article article, long atSeconds) {
        ingested.pipeInput(article.getId(), Article.newBuilder(article).setPublishedAt(T0.plusSeconds(atSeconds)).build(),
                T0.plusSeconds(atSeconds));
    }

    private static List<String> ids(EnrichedArticle e) {
        return e.getRelated().stream().map(RelatedArticle::getId).toList();
    }

    /** Stories of one event, each told in its own words: strongly related, never copies. */
    static Article cyber(String id, int variant) {
        String[] leads = {
                "President Xi Jinping met Microsoft executives in Seattle to discuss cybersecurity and internet "
                        + "cooperation between China and the United States.",
                "Cybersecurity cooperation between China and the United States will continue, officials said after "
                        + "President Xi Jinping visited Microsoft in Seattle.",
                "Technology leaders in Seattle welcomed the cybersecurity pledges President Xi Jinping made at Microsoft, "
                        + "hoping for internet cooperation between China and the United States.",
                "After the Seattle forum at Microsoft, President Xi Jinping's cybersecurity proposals drew praise from "
                        + "internet companies seeking cooperation between China and the United States.",
        };
        String[] closers = {
                "The talks covered hacking, data and the internet industry forum.",
                "Both sides agreed that hacking threatens the internet industry and trade.",
                "Executives said cybercrime and hacking hurt every internet company.",
                "Analysts said the forum showed hacking remains the main issue for the internet industry.",
        };
        return TestArticles.article(id, "Cybersecurity talks, part " + (variant + 1), leads[variant], closers[variant])
                .setSection("Politics").setPublishedAt(T0).build();
    }
}
