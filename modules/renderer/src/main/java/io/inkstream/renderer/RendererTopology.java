package io.inkstream.renderer;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.stream.EmbargoHold;
import io.inkstream.renderer.stream.StoreNames;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * articles.enriched -> articles.published: every enriched version becomes its public version for
 * syndication (kills as a canceled version then a tombstone; embargoed versions once the embargo lifts),
 * exactly once, partitioned by article id.
 */
public final class RendererTopology {

    private RendererTopology() {
    }

    public static Topology build(Topics topics, EventSerdes serdes, SiteConfig site, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EMBARGO_HELD),
                serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())));
        builder.stream(topics.articlesEnriched().name(),
                        Consumed.with(serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())))
                // Null values are tombstones and pass through as tombstones; embargoed versions wait.
                .process(() -> new EmbargoHold(site, clock), StoreNames.EMBARGO_HELD)
                .to(topics.articlesPublished().name(),
                        Produced.with(serdes.keySerde(), serdes.valueSerde(topics.articlesPublished())));
        return builder.build();
    }
}
