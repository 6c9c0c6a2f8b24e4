package io.inkstream.enrich;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.junit.jupiter.api.Test;

/** The enrich topology's shape, pinned in EnrichTopology.describe.txt beside this test (see TopologyTests). */
class EnrichTopologyShapeTest {

    @Test
    void shapeIsThePinnedOne() {
        TopologyTests.assertShape(EnrichTopology.build(EnrichConfig.defaults(), Topics.withPrefix(""),
                EventSerdes.forRegistry("mock://enrich-shape")), EnrichTopologyShapeTest.class, "EnrichTopology.describe.txt");
    }
}
