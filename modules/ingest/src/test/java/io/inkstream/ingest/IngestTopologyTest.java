package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RejectionStage;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.testkit.Fixtures;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IngestTopologyTest {

    private static final Instant T0 = Instant.parse("2015-09-25T01:00:00Z");

    private final Topics topics = Topics.withPrefix("");
    private final EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://ingest-topology-" + UUID.randomUUID()));
    private final WireItems wireItems = new WireItems(WireFormats.standard(), 10L * 1024 * 1024);
    private TopologyTestDriver driver;
    private TestInputTopic<String, WireItem> received;
    private TestOutputTopic<String, Article> ingested;
    private TestOutputTopic<String, WireRejection> rejected;

    @BeforeEach
    void start(@org.junit.jupiter.api.io.TempDir Path stateDir) {
        driver = new TopologyTestDriver(IngestTopology.build(topics, serdes, WireFormats.standard(), Clock.fixed(T0, ZoneOffset.UTC)),
                TopologyTests.driverProperties("ingest-test", stateDir));
        IngestTestTopics io = IngestTestTopics.on(driver, topics, serdes);
        received = io.received();
        ingested = io.ingested();
        rejected = io.rejected();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private WireItem send(byte[] bytes, String format, Instant at) {
        WireItem item = wireItems.receive(bytes, "http", Channel.HTTP, format, null, null, null, at);
        received.pipeInput(item.getItemId(), item, at);
        return item;
    }

    @Test
    void fixturePageBecomesVersionOneArticleWithProvenance() {
        WireItem item = send(resource("/fixtures/ecns-page-xi-cyberspace.txt"), null, T0);

        List<org.apache.kafka.streams.test.TestRecord<String, Article>> out = ingested.readRecordsToList();
        assertThat(out).hasSize(1);
        Article a = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo(a.getId()).startsWith("urn:inkstream:article:");
        assertThat(a.getVersion()).isEqualTo(1);
        assertThat(a.getFirstCreated()).isEqualTo(T0);
        assertThat(a.getVersionCreated()).isEqualTo(T0);
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getHeadline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(a.getSection()).isEqualTo("Politics");
        assertThat(a.getSourceAgency()).isEqualTo("China Daily");
        assertThat(a.getEditor()).isEqualTo("Wang Fan");
        assertThat(a.getPublishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(a.getPublishedOffset()).isEqualTo("Asia/Shanghai");
        assertThat(a.getParagraphs()).hasSize(10);
        assertThat(a.getMedia()).singleElement().satisfies(m -> {
            assertThat(m.getCaption()).startsWith("Chinese President Xi Jinping talks with tech executives");
            assertThat(m.getCredit()).isEqualTo("Lao Jiang/Provided to chinadaily.com.cn");
        });
        assertThat(a.getProvenance().getFeed()).isEqualTo("http");
        assertThat(a.getProvenance().getFormat()).isEqualTo("page-text");
        assertThat(a.getProvenance().getRawItemId()).isEqualTo(item.getItemId());
        assertThat(a.getProvenance().getContentHash()).hasSize(64);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void sameContentTwiceIsCountedAsDuplicateNotRepublished() {
        send(resource("/fixtures/ecns-page-xi-cyberspace.txt"), null, T0);
        send(resource("/fixtures/ecns-page-xi-cyberspace.txt"), "page-text", T0.plusSeconds(60));

        assertThat(ingested.readValuesToList()).hasSize(1);
        assertThat(duplicatesTotal()).isEqualTo(1.0);
    }

    @Test
    void changedContentIsNextVersionKeepingFirstCreated() {
        String page = new String(resource("/fixtures/ecns-page-xi-cyberspace.txt"), StandardCharsets.UTF_8);
        send(page.getBytes(StandardCharsets.UTF_8), null, T0);
        send(page.replace("It was the third time", "It was the 3rd time").getBytes(StandardCharsets.UTF_8), null, T0.plusSeconds(600));

        List<Article> out = ingested.readValuesToList();
        assertThat(out).extracting(Article::getVersion).containsExactly(1, 2);
        assertThat(out.get(1).getId()).isEqualTo(out.get(0).getId());
        assertThat(out.get(1).getFirstCreated()).isEqualTo(T0);
        assertThat(out.get(1).getVersionCreated()).isEqualTo(T0.plusSeconds(600));
        assertThat(out.get(1).getParagraphs().get(1)).startsWith("It was the 3rd time");
    }

    @Test
    void canceledItemPublishesCanceledVersionOfTheSameArticle() {
        send(resource("/newsml/newsitem-text.xml"), null, T0);
        send(resource("/newsml/newsitem-canceled.xml"), null, T0.plusSeconds(3600));

        List<Article> out = ingested.readValuesToList();
        assertThat(out).extracting(Article::getVersion, Article::getPubStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, PubStatus.usable), org.assertj.core.groups.Tuple.tuple(2, PubStatus.canceled));
        assertThat(out.get(1).getId()).isEqualTo(out.get(0).getId());
        assertThat(out.get(0).getProvenance().getSourceId()).isEqualTo("urn:newsml:ecns.cn:20150925:xi-cyberspace");
    }

    @Test
    void embargoedItemCarriesEmbargoUntil() {
        send(resource("/newsml/newsitem-text.xml"), "newsml-g2", T0);

        assertThat(ingested.readValue().getEmbargoUntil()).isEqualTo(OffsetDateTime.parse("2015-09-25T12:00+08:00").toInstant());
    }

    @Test
    void feedWithSeveralItemsGivesOneArticleEach() {
        send(resource("/feeds/rss.xml"), null, T0);

        assertThat(ingested.readValuesToList()).extracting(Article::getHeadline)
                .containsExactlyInAnyOrder("Xi urges constructive cyberspace talks", "Pandas celebrate birthday");
    }

    @Test
    void unreadableItemsGoToWireRejectedWithReasonAndRawItem() {
        WireItem xxe = send(resource("/newsml/xxe.xml"), null, T0);
        WireItem garbage = send(resource("/page-text/binary-garbage.bin"), null, T0);
        WireItem noBody = send(resource("/page-text/headline-only.txt"), null, T0);

        List<org.apache.kafka.streams.test.TestRecord<String, WireRejection>> out = rejected.readRecordsToList();
        assertThat(out).extracting(r -> r.key()).containsExactly(xxe.getItemId(), garbage.getItemId(), noBody.getItemId());
        assertThat(out).extracting(r -> r.value().getCode()).containsExactly("hostile-xml", "unknown-format", "missing-body");
        assertThat(out.get(2).value().getStage()).isEqualTo(RejectionStage.VALIDATE);
        assertThat(out.get(0).value().getReason()).contains("DOCTYPE");
        assertThat(out.get(0).value().getItem()).isEqualTo(xxe);
        assertThat(ingested.isEmpty()).isTrue();
    }

    @Test
    void oversizedItemIsKeptTruncatedAndRejectedAsTooLarge() {
        WireItems small = new WireItems(WireFormats.standard(), 100);
        WireItem item = small.receive(resource("/fixtures/ecns-page-xi-cyberspace.txt"), "http", Channel.HTTP, null, null, null, null, T0);
        received.pipeInput(item.getItemId(), item, T0);

        WireRejection r = rejected.readValue();
        assertThat(r.getCode()).isEqualTo("too-large");
        assertThat(r.getStage()).isEqualTo(RejectionStage.RECEIVE);
        assertThat(r.getItem().getTruncated()).isTrue();
        assertThat(r.getItem().getSize()).isGreaterThan(100);
    }

    @Test
    void poisonPillGoesToWireRejectedWithItsBytesAndTheStreamGoesOn() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topics.wireReceived().name(),
                serdes.keySerde().serializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        byte[] pill = "not avro at all".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("pill-1", pill, T0);
        WireItem next = send(resource("/fixtures/ecns-page-xi-cyberspace.txt"), null, T0);

        org.apache.kafka.streams.test.TestRecord<String, WireRejection> r = rejected.readRecord();
        assertThat(r.key()).isEqualTo("pill-1");
        assertThat(r.value().getCode()).isEqualTo("undeserializable");
        assertThat(r.value().getStage()).isEqualTo(RejectionStage.PARSE);
        assertThat(r.value().getItem()).isNull();
        assertThat(r.value().getRawRecord()).isEqualTo(java.nio.ByteBuffer.wrap(pill));
        assertThat(ingested.readValue().getProvenance().getRawItemId()).isEqualTo(next.getItemId());
    }

    private double duplicatesTotal() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("duplicates-total") && e.getKey().group().equals("stream-ingest-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    static byte[] resource(String path) {
        return Fixtures.resource(path);
    }
}
