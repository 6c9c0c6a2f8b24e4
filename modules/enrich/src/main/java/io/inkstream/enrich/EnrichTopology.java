package io.inkstream.enrich;

import io.inkstream.enrich.path.PathHistory;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.stream.EnrichOutcome;
import io.inkstream.enrich.stream.EnrichProcessor;
import io.inkstream.enrich.stream.StoreNames;
import io.inkstream.events.Topics;
import io.inkstream.platform.streams.JsonSerde;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich service's data flow: every article version on articles.ingested becomes its
 * enriched version on articles.enriched (a tombstone when killed), and a record that cannot be
 * read or enriched becomes a WireRejection on wire.rejected while the stream goes on.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(EnrichConfig config, Topics topics, EventSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PATHS),
                Serdes.String(), new JsonSerde<>(PathHistory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CORPUS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.TERMS),
                Serdes.String(), JsonSerde.listOf(String.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.FINGERPRINTS),
                Serdes.String(), new JsonSerde<>(Fingerprint.class)));

        KStream<String, EnrichOutcome> outcomes = builder
                // raw bytes: a value that does not deserialize is rejected by the processor, not a poison pill
                .stream(topics.articlesIngested().name(), Consumed.with(serdes.keySerde(), Serdes.ByteArray())
                        .withName("articles-ingested"))
                // related news and corpus statistics compare every article with every other, so all
                // articles meet in one partition (and one task); news volumes are thousands a day
                .repartition(Repartitioned.<String, byte[]>as("enrich-all-articles")
                        .withKeySerde(serdes.keySerde())
                        .withValueSerde(Serdes.ByteArray())
                        .withNumberOfPartitions(1))
                .process(() -> new EnrichProcessor(config, topics, serdes), Named.as("enrich"),
                        StoreNames.PATHS, StoreNames.CORPUS, StoreNames.TERMS, StoreNames.FINGERPRINTS);

        outcomes.filter((id, outcome) -> outcome instanceof EnrichOutcome.Rejected, Named.as("rejected"))
                .mapValues(outcome -> ((EnrichOutcome.Rejected) outcome).rejection(), Named.as("rejection"))
                .to(topics.wireRejected().name(),
                        Produced.with(serdes.keySerde(), serdes.valueSerde(topics.wireRejected())));
        outcomes.filterNot((id, outcome) -> outcome instanceof EnrichOutcome.Rejected, Named.as("accepted"))
                .mapValues(EnrichOutcome::enrichedOrTombstone, Named.as("enriched-or-tombstone"))
                .to(topics.articlesEnriched().name(),
                        Produced.with(serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())));
        return builder.build();
    }
}
