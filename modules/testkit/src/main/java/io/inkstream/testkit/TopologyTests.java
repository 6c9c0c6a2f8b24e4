package io.inkstream.testkit;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every topology test shares (as Kafka's own {@code StreamsTestUtils.getStreamsConfig} does for its tests):
 * the TopologyTestDriver's properties, its topics with the catalogue's serdes, and the check that a topology still has the shape pinned beside its test.
 */
public final class TopologyTests {

    /** Set to true to rewrite the pinned descriptions instead of comparing with them. */
    public static final String UPDATE_PROPERTY = "inkstream.topology.update";

    private TopologyTests() {
    }

    /**
     * Properties for a TopologyTestDriver: the application id, no broker, state under {@code stateDir},
     * exactly-once as in production.
     */
    public static Properties driverProperties(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }

    /** The driver's topic to pipe events into, keys and values serialized as the services write them. */
    public static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, EventSerdes serdes, TopicSpec<V> topic) {
        return driver.createInputTopic(topic.name(), serdes.keySerde().serializer(), serdes.valueSerde(topic).serializer());
    }

    /** The driver's topic to read what the topology wrote, with the serdes the services read it with. */
    public static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver, EventSerdes serdes, TopicSpec<V> topic) {
        return driver.createOutputTopic(topic.name(), serdes.keySerde().deserializer(), serdes.valueSerde(topic).deserializer());
    }

    /**
     * Asserts that {@code topology.describe()} is the text pinned in {@code resource} beside {@code testClass}
     * (under src/test/resources in the test's package). A renamed processor or a new repartition changes the
     * names of internal topics in production, so the change must show as a diff of that file in review.
     */
    public static void assertShape(Topology topology, Class<?> testClass, String resource) {
        String actual = topology.describe().toString();
        Path source = Path.of("src/test/resources", testClass.getPackageName().replace('.', '/'), resource);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(source, actual);
            return;
        }
        String expected = read(testClass, resource);
        assertThat(actual)
                .as("""
                        the shape of the topology changed, and with it possibly the names of its internal topics \
                        (changelogs, repartitions): a running application would lose or orphan their state.
                        If the change is intended, rewrite the pinned text and review its diff:
                          mvn -pl modules/%s -am verify -Dsurefire.failIfNoSpecifiedTests=false \
                        -Dtest=%s -D%s=true
                        (the file is %s)""", Path.of("").toAbsolutePath().getFileName(), testClass.getSimpleName(),
                        UPDATE_PROPERTY, source.toAbsolutePath())
                .isEqualTo(expected);
    }

    private static String read(Class<?> testClass, String resource) {
        try (InputStream in = testClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no pinned topology " + resource + " beside " + testClass.getName()
                        + "; create it with -D" + UPDATE_PROPERTY + "=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
