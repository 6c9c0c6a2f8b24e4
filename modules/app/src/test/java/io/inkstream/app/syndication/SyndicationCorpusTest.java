package io.inkstream.app.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.app.demo.DemoFeed;
import io.inkstream.app.demo.FeedItem;
import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.EnrichTopology;
import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.IngestConfig;
import io.inkstream.ingest.IngestTopology;
import io.inkstream.ingest.WireItems;
import io.inkstream.renderer.RendererConfig;
import io.inkstream.renderer.RendererTopology;
import io.inkstream.renderer.SyndicationDocuments;
import io.inkstream.testkit.IptcSchemas;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo corpus (every story of the demo feed and the fixture page) through the real pipeline, ingest,
 * enrich and the renderer's publish topology (TopologyTestDriver, no broker), then a correction and a kill
 * of some of them; every published version, in every syndication format, is valid against IPTC's schema
 * of that format's version (from ../shared/iptc; skipped with a message without it).
 */
class SyndicationCorpusTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PublishedArticle> PUBLISHED = new ArrayList<>();
    @TempDir
    static Path state;
    private static Pipeline pipeline;

    /** The three topologies, one after the other, as the services run them over the topics. */
    private static final class Pipeline implements AutoCloseable {
        private final Topics topics = Topics.withPrefix("");
        private final EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://corpus-" + UUID.randomUUID()));
        private final WireItems wireItems = WireItems.from(IngestConfig.defaults());
        private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        private final TopologyTestDriver ingest;
        private final TopologyTestDriver enrich;
        private final TopologyTestDriver render;
        private final TestInputTopic<String, WireItem> received;
        private final TestOutputTopic<String, Article> ingested;
        private final TestInputTopic<String, Article> toEnrich;
        private final TestOutputTopic<String, EnrichedArticle> enriched;
        private final TestInputTopic<String, EnrichedArticle> toRender;
        private final TestOutputTopic<String, PublishedArticle> published;

        Pipeline(Path stateDir) {
            ingest = new TopologyTestDriver(IngestTopology.build(topics, serdes, wireItems.parser(), clock),
                    TopologyTests.driverProperties("corpus-ingest", stateDir.resolve("ingest")), NOW);
            enrich = new TopologyTestDriver(EnrichTopology.build(EnrichConfig.defaults(), topics, serdes),
                    TopologyTests.driverProperties("corpus-enrich", stateDir.resolve("enrich")), NOW);
            render = new TopologyTestDriver(RendererTopology.build(topics, serdes, RendererConfig.defaults().site(), clock),
                    TopologyTests.driverProperties("corpus-render", stateDir.resolve("render")), NOW);
            received = TopologyTests.input(ingest, serdes, topics.wireReceived());
            ingested = TopologyTests.output(ingest, serdes, topics.articlesIngested());
            toEnrich = TopologyTests.input(enrich, serdes, topics.articlesIngested());
            enriched = TopologyTests.output(enrich, serdes, topics.articlesEnriched());
            toRender = TopologyTests.input(render, serdes, topics.articlesEnriched());
            published = TopologyTests.output(render, serdes, topics.articlesPublished());
        }

        /** One wire item through the three topologies; returns the enriched versions and collects what was published. */
        List<EnrichedArticle> push(FeedItem item) {
            WireItem wire = wireItems.receive(item.bytes(), "demo", Channel.HTTP, null, item.contentType(), item.name(), null, NOW);
            received.pipeInput(wire.getItemId(), wire, NOW);
            List<EnrichedArticle> out = new ArrayList<>();
            for (TestRecord<String, Article> a : ingested.readRecordsToList()) {
                toEnrich.pipeInput(a.key(), a.value(), NOW);
                for (TestRecord<String, EnrichedArticle> e : enriched.readRecordsToList()) {
                    if (e.value() != null) {
                        out.add(e.value());
                    }
                    publish(e.key(), e.value());
                }
            }
            return out;
        }

        /** A kill as ingest writes it (a canceled version of the article) through enrich and publish. */
        void kill(Article canceled) {
            toEnrich.pipeInput(canceled.getId(), canceled, NOW);
            for (TestRecord<String, EnrichedArticle> e : enriched.readRecordsToList()) {
                publish(e.key(), e.value());
            }
        }

        /** An enriched version into the publish topology; collects the published versions (tombstones left out). */
        void publish(String key, EnrichedArticle e) {
            toRender.pipeInput(key, e, NOW);
            published.readRecordsToList().stream().map(TestRecord::value).filter(Objects::nonNull).forEach(PUBLISHED::add);
        }

        @Override
        public void close() {
            ingest.close();
            enrich.close();
            render.close();
        }
    }

    @BeforeAll
    static void publishTheCorpusThenACorrectionAndAKill() throws Exception {
        IptcSchemas.root();
        pipeline = new Pipeline(state);
        List<FeedItem> stories = DemoFeed.fromClasspath().shiftedTo(NOW.minus(Duration.ofHours(1))).items();
        List<EnrichedArticle> last = new ArrayList<>();
        for (FeedItem item : stories) {
            last.addAll(pipeline.push(item));
        }
        // a correction through the real path: the same story again with a changed headline is its version 2
        FeedItem first = stories.stream().filter(FeedItem::isNinjs).findFirst().orElseThrow();
        ObjectNode corrected = (ObjectNode) JSON.readTree(first.bytes());
        corrected.put("headline", corrected.path("headline").asText() + " (corrected)");
        pipeline.push(new FeedItem(first.name(), first.contentType(), JSON.writeValueAsBytes(corrected)));
        // kills through the real path: enrich sends the canceled version on (then a tombstone), publish makes the notice
        for (EnrichedArticle e : last.subList(0, 3)) {
            pipeline.kill(Article.newBuilder(e.getArticle()).setVersion(e.getArticle().getVersion() + 1)
                    .setVersionCreated(NOW).setPubStatus(PubStatus.canceled).build());
        }
    }

    @AfterAll
    static void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theWholeCorpusWasPublishedWithACorrectionAndKills() {
        assertThat(PUBLISHED).hasSizeGreaterThanOrEqualTo(DemoFeed.fromClasspath().items().size());
        assertThat(PUBLISHED).anyMatch(p -> p.getVersion() > 1 && p.getPubStatus() == PubStatus.usable);
        assertThat(PUBLISHED.stream().filter(p -> p.getPubStatus() == PubStatus.canceled)).hasSize(3);
        assertThat(PUBLISHED).anyMatch(p -> p.getHeadline().toLowerCase().contains("cyberspace"));
    }

    @Test
    void everyPublishedVersionIsValidInEveryFormat() {
        List<String> failures = new ArrayList<>();
        for (String format : SyndicationDocuments.formatIds()) {
            for (PublishedArticle p : PUBLISHED) {
                byte[] doc = SyndicationDocuments.render(format, p);
                List<String> errors = switch (format) {
                    case "newsml-g2" -> IptcSchemas.newsMlG2Errors(doc);
                    case "nitf" -> IptcSchemas.nitfErrors(doc);
                    default -> IptcSchemas.ninjsErrors(SyndicationDocuments.standardVersion(format),
                            new String(doc, StandardCharsets.UTF_8));
                };
                errors.forEach(e -> failures.add(format + " " + p.getId() + " v" + p.getVersion() + ": " + e));
            }
        }
        assertThat(failures).isEmpty();
    }
}
