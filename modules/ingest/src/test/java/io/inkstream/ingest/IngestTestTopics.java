package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The ingest topology's three topics on a TopologyTestDriver: wire.received in, articles.ingested
 * and wire.rejected out, with the topic catalogue's serdes. For the topology tests and
 * {@code realwire.RealWire}.
 */
public record IngestTestTopics(TestInputTopic<String, WireItem> received, TestOutputTopic<String, Article> ingested,
                               TestOutputTopic<String, WireRejection> rejected) {

    public static IngestTestTopics on(TopologyTestDriver driver, Topics topics, EventSerdes serdes) {
        return new IngestTestTopics(
                TopologyTests.input(driver, serdes, topics.wireReceived()),
                TopologyTests.output(driver, serdes, topics.articlesIngested()),
                TopologyTests.output(driver, serdes, topics.wireRejected()));
    }
}
