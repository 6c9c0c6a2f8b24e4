package io.inkstream.ingest;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.testkit.TopologyTests;
import org.junit.jupiter.api.Test;

import java.time.Clock;

/** The ingest topology's shape, pinned in IngestTopology.describe.txt beside this test (see TopologyTests). */
class IngestTopologyShapeTest {

    @Test
    void shapeIsThePinnedOne() {
        TopologyTests.assertShape(IngestTopology.build(Topics.withPrefix(""), EventSerdes.forRegistry("mock://ingest-shape"),
                WireFormats.standard(), Clock.systemUTC()), IngestTopologyShapeTest.class, "IngestTopology.describe.txt");
    }
}
