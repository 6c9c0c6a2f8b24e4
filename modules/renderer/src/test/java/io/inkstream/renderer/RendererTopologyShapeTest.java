package io.inkstream.renderer;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.testkit.TopologyTests;
import org.junit.jupiter.api.Test;

import java.time.Clock;

/** The renderer's publishing topology's shape, pinned in RendererTopology.describe.txt beside this test (see TopologyTests). */
class RendererTopologyShapeTest {

    @Test
    void shapeIsThePinnedOne() {
        TopologyTests.assertShape(RendererTopology.build(Topics.withPrefix(""), EventSerdes.forRegistry("mock://renderer-shape"),
                SiteConfig.defaults("https://news.example.com"), Clock.systemUTC()), RendererTopologyShapeTest.class,
                "RendererTopology.describe.txt");
    }
}
