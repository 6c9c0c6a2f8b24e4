package io.inkstream.popularity;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.TopologyTests;
import org.junit.jupiter.api.Test;

/** The popularity topology's shape, pinned in PopularityTopology.describe.txt beside this test (see TopologyTests). */
class PopularityTopologyShapeTest {

    @Test
    void shapeIsThePinnedOne() {
        TopologyTests.assertShape(PopularityTopology.build(PopularityConfig.defaults(), Topics.withPrefix(""),
                EventSerdes.forRegistry("mock://popularity-shape")), PopularityTopologyShapeTest.class,
                "PopularityTopology.describe.txt");
    }
}
