package io.inkstream.enrich;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;
import io.inkstream.events.Keyword;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.RelatedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EnrichTopologyTest {

    private static final Instant T0 = Instant.parse("2015-09-25T00:34:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> ingested;
    private TestInputTopic<String, byte[]> ingestedBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, WireRejection> rejected;

    @BeforeEach
    void startDriver() {
        start(EnrichConfig.defaults());
    }

    private void start(EnrichConfig config) {
        if (driver != null) {
            driver.close();
        }
        Topics topics = Topics.withPrefix("");
        EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://enrich-" + UUID.randomUUID()));
        driver = new TopologyTestDriver(EnrichTopology.build(config, topics, serdes),
                TopologyTests.driverProperties("enrich-test", stateDir));
        ingested = driver.createInputTopic(topics.articlesIngested().name(), new StringSerializer(),
                serdes.valueSerde(topics.articlesIngested()).serializer());
        ingestedBytes = driver.createInputTopic(topics.articlesIngested().name(), new StringSerializer(),
                new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.articlesEnriched().name(), new StringDeserializer(),
                serdes.valueSerde(topics.articlesEnriched()).deserializer());
        rejected = driver.createOutputTopic(topics.wireRejected().name(), new StringDeserializer(),
                serdes.valueSerde(topics.wireRejected()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void fixtureArticleIsEnrichedWithEverythingThePageNeeds() {
        Article article = TestArticles.fixture().build();
        ingested.pipeInput(article.getId(), article, T0);

        EnrichedArticle result = enriched.readValue();

        assertThat(result.getArticle()).isEqualTo(article);
        assertThat(result.getCanonicalPath())
                .isEqualTo("/politics/2015-09-25/xi-urges-constructive-cyberspace-talks-3f2a9c.html");
        assertThat(result.getSlug()).isEqualTo("xi-urges-constructive-cyberspace-talks");
        assertThat(result.getPreviousPaths()).isEmpty();
        assertThat(result.getSummary()).startsWith("President Xi Jinping called for China and the United States")
                .hasSizeLessThanOrEqualTo(200);
        assertThat(result.getParagraphCount()).isEqualTo(10);
        assertThat(result.getPhotoCount()).isEqualTo(1);
        assertThat(result.getWordCount()).isBetween(270, 280);
        assertThat(result.getReadingMinutes()).isEqualTo(1);
        assertThat(result.getLanguage()).isEqualTo("en");
        assertThat(result.getLanguageConfidence()).isGreaterThan(0.9);
        assertThat(result.getEntities()).extracting(Entity::getName, Entity::getKind).contains(
                tuple("Xi Jinping", EntityKind.PERSON),
                tuple("China Daily", EntityKind.ORGANIZATION),
                tuple("Microsoft", EntityKind.ORGANIZATION),
                tuple("The Wall Street Journal", EntityKind.ORGANIZATION),
                tuple("Seattle", EntityKind.PLACE),
                tuple("China", EntityKind.PLACE),
                tuple("U.S.", EntityKind.PLACE));
        assertThat(result.getKeywords()).extracting(Keyword::getTerm).contains("cyberspace").hasSizeLessThanOrEqualTo(8);
        assertThat(result.getRelated()).isEmpty();
        assertThat(result.getDuplicateOf()).isNull();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void editedHeadlineKeepsTheFirstPathAndRedirectsTheNewOne() {
        Article v1 = TestArticles.fixture().build();
        Article v2 = TestArticles.fixture().setVersion(2).setHeadline("Xi calls for cyberspace dialogue").build();
        ingested.pipeInput(v1.getId(), v1, T0);
        ingested.pipeInput(v2.getId(), v2, T0.plusSeconds(600));

        List<EnrichedArticle> versions = enriched.readValuesToList();

        assertThat(versions).hasSize(2);
        EnrichedArticle second = versions.get(1);
        assertThat(second.getArticle().getVersion()).isEqualTo(2);
        assertThat(second.getCanonicalPath()).isEqualTo(versions.get(0).getCanonicalPath());
        assertThat(second.getSlug()).isEqualTo("xi-urges-constructive-cyberspace-talks");
        assertThat(second.getPreviousPaths())
                .containsExactly("/politics/2015-09-25/xi-calls-for-cyberspace-dialogue-3f2a9c.html");
    }

    @Test
    void everyPartitionsWindowGoesThroughEnrichFingerprintsWithTheInputOffsetAsStamp() {
        TestOutputTopic<String, byte[]> window = driver.createOutputTopic(Topics.withPrefix("").enrichFingerprints().name(),
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        Article first = story("urn:a:1", "Xi meets Microsoft executives in Seattle",
                "President Xi Jinping met Microsoft executives in Seattle to discuss cybersecurity.");
        ingested.pipeInput(first.getId(), first, T0);
        ingested.pipeInput(first.getId(), Article.newBuilder(first).setVersion(2).setPubStatus(PubStatus.canceled).build(),
                T0.plusSeconds(60));

        List<org.apache.kafka.streams.test.TestRecord<String, byte[]>> writes = window.readRecordsToList();

        assertThat(writes).extracting(org.apache.kafka.streams.test.TestRecord::key).containsExactly("urn:a:1", "urn:a:1");
        assertThat(new String(writes.get(0).value(), StandardCharsets.UTF_8)).contains("\"headline\":\"Xi meets Microsoft");
        assertThat(writes.get(1).value()).as("a kill leaves the window: tombstone").isNull();
        assertThat(writes).extracting(w -> java.nio.ByteBuffer.wrap(w.headers().lastHeader("inkstream-enrich-stamp").value()).getLong())
                .containsExactly(0L, 1L);
    }

    @Test
    void killedArticleBecomesACanceledVersionThenATombstoneAndIsNoLongerRelated() {
        Article first = story("urn:a:1", "Xi meets Microsoft executives in Seattle",
                "President Xi Jinping met Microsoft executives in Seattle to discuss cybersecurity and internet "
                        + "cooperation between China and the United States.");
        Article killed = Article.newBuilder(first).setVersion(2).setPubStatus(PubStatus.canceled).build();
        Article later = story("urn:a:2", "Cybersecurity talks continue after Seattle forum",
                "Officials said cybersecurity cooperation between China and the United States would continue "
                        + "after President Xi Jinping visited Seattle and Microsoft.");
        ingested.pipeInput(first.getId(), first, T0);
        ingested.pipeInput(killed.getId(), killed, T0.plusSeconds(60));
        ingested.pipeInput(later.getId(), Article.newBuilder(later).setPublishedAt(T0.plusSeconds(120)).build(),
                T0.plusSeconds(120));

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();

        assertThat(out).hasSize(4);
        assertThat(out.get(1).key).isEqualTo("urn:a:1");
        EnrichedArticle notice = out.get(1).value;
        assertThat(notice.getArticle().getPubStatus()).as("the kill, for partners").isEqualTo(PubStatus.canceled);
        assertThat(notice.getCanonicalPath()).isEqualTo(out.get(0).value.getCanonicalPath());
        assertThat(notice.getArticle().getParagraphs()).as("nothing of the killed text").isEmpty();
        assertThat(out.get(2).key).isEqualTo("urn:a:1");
        assertThat(out.get(2).value).isNull();
        assertThat(out.get(3).value.getRelated()).isEmpty();
    }

    @Test
    void similarEarlierArticleIsRelatedAndACopyFromAnotherAgencyIsMarkedDuplicate() {
        String body = "President Xi Jinping called for China and the United States to embark on constructive "
                + "dialogues on cybersecurity, saying no one can stay out of this affair. It was the third time in "
                + "three days that Xi, who is making his first state visit to the U.S., had addressed the issue. "
                + "He made the remarks to key delegates at the eighth China-U.S. Internet Industry Forum at the "
                + "headquarters of Microsoft in Seattle on Wednesday.";
        Article original = story("urn:a:orig", "Xi urges constructive cyberspace talks", body);
        Article copy = Article.newBuilder(story("urn:a:copy", "Xi calls for cyber dialogue with U.S.",
                "SEATTLE, Sept 23 (Xinhua) -- " + body.replace("on Wednesday", "on Wednesday local time")))
                .setSourceAgency("Xinhua").setPublishedAt(T0.plusSeconds(300)).build();
        Article related = Article.newBuilder(story("urn:a:rel", "China and U.S. agree to fight cybercrime",
                "China and the United States reached consensus on combating cybercrime and cyberattacks, "
                        + "after talks on cybersecurity between officials. Xi Jinping's envoy Meng Jianzhu led the "
                        + "Chinese delegation to Washington."))
                .setPublishedAt(T0.plusSeconds(600)).build();
        ingested.pipeInput(original.getId(), original, T0);
        ingested.pipeInput(copy.getId(), copy, T0.plusSeconds(300));
        ingested.pipeInput(related.getId(), related, T0.plusSeconds(600));

        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out.get(1).getDuplicateOf()).isEqualTo("urn:a:orig");
        assertThat(out.get(1).getRelated()).extracting(RelatedArticle::getId).doesNotContain("urn:a:orig");
        EnrichedArticle third = out.get(2);
        assertThat(third.getDuplicateOf()).isNull();
        assertThat(third.getRelated()).extracting(RelatedArticle::getId).contains("urn:a:orig");
        RelatedArticle first = third.getRelated().get(0);
        assertThat(first.getCanonicalPath()).endsWith(".html");
        assertThat(first.getScore()).isBetween(0.0, 1.0);
    }

    /**
     * One event as two agencies file it: each writes its own headline, dateline, lead and closing
     * line around the same reported facts, one an hour after the other. The MinHash bands find the
     * earlier one without scoring every article, and the later is marked as the same story.
     */
    @Test
    void twoAgenciesVersionsOfOneStoryAreMarkedAsOneStory() {
        List<String> facts = List.of(
                "The captain of the cruise ship that ran aground off the island of Giglio went on trial on Tuesday "
                        + "in the Tuscan town of Grosseto, charged with manslaughter, causing a shipwreck and abandoning "
                        + "ship before all of the passengers and crew had been taken off.",
                "Thirty-two people died when the liner struck a reef and capsized in January 2012 with more than "
                        + "four thousand people on board, many of whom spent hours waiting for lifeboats in the dark.",
                "Prosecutors say the captain steered the ship too close to the shore in a manoeuvre meant to salute "
                        + "the islanders, and then delayed the order to evacuate for almost an hour.",
                "The captain denies the charges and says the reef was not on the charts used by the bridge, and that "
                        + "his manoeuvre after the impact saved many lives by bringing the ship closer to the harbour.",
                "The trial is being held in a theatre to make room for the hundreds of survivors, relatives and "
                        + "lawyers who have joined the case as civil parties, and it is expected to last for months.");
        Article first = Article.newBuilder(story("urn:wire-a:giglio", "Captain of wrecked cruise ship on trial in Italy",
                        paragraphs("GROSSETO, Italy, July 9 (Wire A) - A crowd of survivors watched as the hearing opened.",
                                facts, "Wire A's reporters in the courtroom said the hearing was adjourned until next week.")))
                .setSourceAgency("Wire A").setSection("World").build();
        Article second = Article.newBuilder(story("urn:wire-b:costa-trial", "Cruise ship captain goes on trial over Giglio wreck",
                        paragraphs("Rome (Wire B) - Italy's most awaited trial in years began on Tuesday.",
                                facts, "The court will hear the first witnesses in September, Wire B has learned.")))
                .setSourceAgency("Wire B").setSection("World").setPublishedAt(T0.plus(Duration.ofHours(1))).build();
        Article unrelated = Article.newBuilder(story("urn:wire-b:floods", "Floods force thousands from their homes",
                        "Heavy rain flooded villages along the river, and rescue teams evacuated thousands of residents "
                                + "by boat as the water rose through the night."))
                .setSourceAgency("Wire B").setSection("World").setPublishedAt(T0.plus(Duration.ofHours(2))).build();

        ingested.pipeInput(first.getId(), first, T0);
        ingested.pipeInput(unrelated.getId(), unrelated, T0.plus(Duration.ofMinutes(30)));
        ingested.pipeInput(second.getId(), second, T0.plus(Duration.ofHours(1)));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).extracting(e -> e.getArticle().getId()).containsExactly(first.getId(), unrelated.getId(), second.getId());
        assertThat(out.get(0).getDuplicateOf()).isNull();
        assertThat(out.get(1).getDuplicateOf()).isNull();
        assertThat(out.get(2).getDuplicateOf()).isEqualTo(first.getId());
        assertThat(out.get(2).getRelated()).extracting(RelatedArticle::getId).doesNotContain(first.getId());
    }

    private static String[] paragraphs(String lead, List<String> facts, String closing) {
        List<String> all = new java.util.ArrayList<>();
        all.add(lead);
        all.addAll(facts);
        all.add(closing);
        return all.toArray(String[]::new);
    }

    /**
     * IPTC's example items are dated 2013 and arrive today, one after another, each a copy of the first:
     * the window runs from when an item arrived, so the first is still there for its copies.
     */
    @Test
    void copiesOfAnItemDatedYearsAgoArrivingTodayAreFound() {
        Instant today = T0.plus(Duration.ofDays(3650));
        String body = "GROSSETO, Italy - The trial of the captain of the shipwrecked cruise liner opened on Tuesday "
                + "in a theatre converted into a courtroom, with survivors and relatives of the thirty-two people "
                + "who died among the hundreds of civil parties. The captain is charged with manslaughter, causing "
                + "the shipwreck and abandoning ship before all passengers were evacuated.";
        Article first = story("urn:iptc:cplx123", "Captain of wrecked cruise ship on trial in Italy", body);
        Article second = story("urn:iptc:simp123", "Captain of wrecked cruise ship on trial in Italy", body);
        Article third = story("urn:iptc:med123", "Captain of wrecked cruise ship on trial in Italy", body);
        ingested.pipeInput("urn:today:1", story("urn:today:1", "Markets close higher", "Shares rose in late trading."),
                today);
        ingested.pipeInput(first.getId(), first, today.plusSeconds(1));
        ingested.pipeInput(second.getId(), second, today.plusSeconds(2));
        ingested.pipeInput(third.getId(), third, today.plusSeconds(3));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).extracting(EnrichedArticle::getDuplicateOf).containsExactly(null, null, first.getId(), first.getId());
    }

    @Test
    void articleOutsideTheWindowIsNotRelated() {
        start(new EnrichConfig(Duration.ofDays(30), 5, 0.05, 0.5, 8));
        Article old = story("urn:a:old", "Cybersecurity talks between China and the U.S.",
                "China and the United States held talks on cybersecurity and cybercrime.");
        Article recent = Article.newBuilder(story("urn:a:new", "New cybersecurity talks between China and the U.S.",
                "China and the United States held new talks on cybersecurity, cybercrime and hacking."))
                .setPublishedAt(T0.plus(Duration.ofDays(31))).build();
        ingested.pipeInput(old.getId(), old, T0);
        ingested.pipeInput(recent.getId(), recent, T0.plus(Duration.ofDays(31)));

        assertThat(enriched.readValuesToList().get(1).getRelated()).isEmpty();
    }

    @Test
    void keywordsFavourTermsTheCorpusRarelyUses() {
        for (int i = 0; i < 5; i++) {
            Article filler = story("urn:a:f" + i, "Government meeting " + i,
                    "The government held a meeting on the economy and officials discussed the government budget.");
            ingested.pipeInput(filler.getId(), filler, T0.plusSeconds(i));
        }
        Article pandas = story("urn:a:panda", "Government meeting on pandas",
                "The government held a meeting on pandas. Officials discussed panda reserves, bamboo and the "
                        + "government budget for pandas.");
        ingested.pipeInput(pandas.getId(), pandas, T0.plusSeconds(10));

        List<EnrichedArticle> out = enriched.readValuesToList();
        // the pandas article, not an earlier one whose related list it refreshed after it (decision 0033)
        EnrichedArticle last = out.stream().filter(e -> e.getArticle().getId().equals(pandas.getId())).findFirst().orElseThrow();
        List<String> terms = last.getKeywords().stream().map(Keyword::getTerm).toList();

        assertThat(terms.get(0)).isEqualTo("panda");
        assertThat(terms.indexOf("bamboo")).isLessThan(terms.indexOf("government"));
    }

    @Test
    void unreadableRecordIsRejectedAndTheNextArticleStillFlows() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        ingestedBytes.pipeInput("urn:a:bad", garbage, T0);
        Article good = TestArticles.fixture().build();
        ingested.pipeInput(good.getId(), good, T0.plusSeconds(1));

        WireRejection rejection = rejected.readValue();
        assertThat(rejection.getStage()).isEqualTo(RejectionStage.ENRICH);
        assertThat(rejection.getCode()).isEqualTo("undeserializable");
        assertThat(rejection.getItemId()).isEqualTo("urn:a:bad");
        assertThat(rejection.getReason()).isNotBlank();
        assertThat(rejection.getRawRecord().array()).isEqualTo(garbage);
        assertThat(enriched.readValue().getArticle().getId()).isEqualTo(good.getId());
    }

    @Test
    void declaredLanguageWinsOverDetection() {
        // IPTC's example text item declares en-US over filler text that n-grams take for Catalan
        Article declared = Article.newBuilder(story("urn:inkstream:article:lang-declared", "Lorem ipsum dolor sit amet",
                        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."))
                .setLanguage("en-US").build();
        Article undeclared = Article.newBuilder(story("urn:inkstream:article:lang-short", "Ok", "Si. No. Ok."))
                .setLanguage(null).build();
        ingested.pipeInput(declared.getId(), declared, T0);
        ingested.pipeInput(undeclared.getId(), undeclared, T0);

        EnrichedArticle first = enriched.readValue();
        EnrichedArticle second = enriched.readValue();
        assertThat(first.getLanguage()).isEqualTo("en-US");
        assertThat(first.getLanguageConfidence()).isEqualTo(1.0);
        assertThat(second.getLanguage()).as("too little text to guess from").isEqualTo("und");
    }

    private static Article story(String id, String headline, String... paragraphs) {
        return TestArticles.article(id, headline, paragraphs).setSection("Politics").setPublishedAt(T0).build();
    }
}
