package io.inkstream.ingest.channel;

import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.events.Topics;
import io.inkstream.ingest.WireItemParser;
import io.inkstream.ingest.WireItems;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.testkit.Fixtures;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FolderChannelTest {

    private final Topics topics = Topics.withPrefix("");
    private final EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://folder-" + UUID.randomUUID()));
    // Kafka's own in-memory producer: records what would be acknowledged, no broker needed for file handling
    private final MockProducer<String, WireItem> producer = new MockProducer<>(true, null, new StringSerializer(),
            serdes.valueSerde(topics.wireReceived()).serializer());

    private FolderChannel channel(Path root) {
        WireFormats formats = WireFormats.standard();
        return new FolderChannel(root, new WireItems(formats, 10L * 1024 * 1024), new WireItemParser(formats),
                new WireItemWriter(producer, topics.wireReceived().name()), Clock.systemUTC());
    }

    @Test
    void droppedFileIsStoredThenMovedToDone(@TempDir Path root) throws Exception {
        FolderChannel folder = channel(root);
        Files.write(root.resolve("inbox/xi.txt"), Fixtures.ecnsPageBytes());

        assertThat(folder.scanOnce()).isEqualTo(1);

        assertThat(root.resolve("inbox/xi.txt")).doesNotExist();
        assertThat(root.resolve("done/xi.txt")).exists();
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.value().getFilename()).isEqualTo("xi.txt");
            assertThat(r.value().getChannel()).isEqualTo(Channel.FOLDER);
            assertThat(r.value().getFormat()).isEqualTo("page-text");
            assertThat(r.key()).isEqualTo(r.value().getItemId());
        });
    }

    @Test
    void unreadableFileGoesToFailedWithTheReasonAndIsStillStored(@TempDir Path root) throws Exception {
        FolderChannel folder = channel(root);
        Files.writeString(root.resolve("inbox/bad.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss>&e;</rss>");

        folder.scanOnce();

        assertThat(root.resolve("failed/bad.xml")).exists();
        assertThat(Files.readString(root.resolve("failed/bad.xml.error"))).startsWith("hostile-xml: ");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void aSecondScanOrARestartDoesNotIngestTwiceAndPartialFilesWait(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("inbox"));
        Files.write(root.resolve("inbox/xi.txt"), Fixtures.ecnsPageBytes());
        Files.write(root.resolve("inbox/next.txt.part"), new byte[] {1});
        channel(root).scanOnce();

        assertThat(channel(root).scanOnce()).isZero();
        assertThat(producer.history()).hasSize(1);
        assertThat(root.resolve("inbox/next.txt.part")).exists();
    }

    @Test
    void unacknowledgedFileStaysInTheInbox(@TempDir Path root) throws Exception {
        MockProducer<String, WireItem> failing = new MockProducer<>(false, null, new StringSerializer(),
                serdes.valueSerde(topics.wireReceived()).serializer());
        WireFormats formats = WireFormats.standard();
        FolderChannel folder = new FolderChannel(root, new WireItems(formats, 1024 * 1024), new WireItemParser(formats),
                new WireItemWriter(failing, topics.wireReceived().name()), Clock.systemUTC());
        Files.write(root.resolve("inbox/xi.txt"), Fixtures.ecnsPageBytes());
        Thread errorer = new Thread(() -> {
            while (!failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"))) {
                Thread.onSpinWait();
            }
        });
        errorer.start();

        assertThat(folder.scanOnce()).isZero();
        errorer.join();
        assertThat(root.resolve("inbox/xi.txt")).exists();
    }
}
