package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.PubStatus;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** A NITF, NewsML 1.2 or Ritzau kill, sent after its story, is the canceled version of the same article. */
class AgencyXmlKillsTest {

    private static final Instant T0 = Instant.parse("2026-04-02T10:00:00Z");

    @ParameterizedTest(name = "{1} kills {0}")
    @CsvSource({"/nitf/story.xml, /nitf/kill.xml", "/newsml12/story.xml, /newsml12/canceled.xml", "/ritzau/flash.xml, /ritzau/canceled.xml"})
    void aKillIsTheCanceledVersionOfTheArticleItKills(String story, String kill, @TempDir Path stateDir) {
        Topics topics = Topics.withPrefix("");
        EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://agency-kills-" + UUID.randomUUID()));
        WireItems wireItems = new WireItems(WireFormats.standard(), 1024 * 1024);
        try (TopologyTestDriver driver = new TopologyTestDriver(IngestTopology.build(topics, serdes,
                new WireItemParser(WireFormats.standard()), Clock.fixed(T0, ZoneOffset.UTC)),
                TopologyTests.driverProperties("agency-kills-test", stateDir))) {
            var received = TopologyTests.input(driver, serdes, topics.wireReceived());
            var ingested = TopologyTests.output(driver, serdes, topics.articlesIngested());
            for (String resource : List.of(story, kill)) {
                WireItem item = wireItems.receive(bytes(resource), "http", Channel.HTTP, null, null, null, null, T0);
                received.pipeInput(item.getItemId(), item, T0);
            }

            List<Article> out = ingested.readValuesToList();
            assertThat(out).extracting(Article::getVersion, Article::getPubStatus)
                    .containsExactly(tuple(1, PubStatus.usable), tuple(2, PubStatus.canceled));
            assertThat(out.get(1).getId()).isEqualTo(out.get(0).getId());
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = AgencyXmlKillsTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
