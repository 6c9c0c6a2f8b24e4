package io.inkstream.enrich;

import io.inkstream.enrich.path.PathHistory;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedFinder;
import io.inkstream.enrich.stream.EnrichOutcome;
import io.inkstream.enrich.stream.EnrichProcessor;
import io.inkstream.enrich.stream.RefreshPlanner;
import io.inkstream.enrich.stream.RefreshProcessor;
import io.inkstream.enrich.stream.RefreshRequest;
import io.inkstream.enrich.stream.RefreshState;
import io.inkstream.enrich.stream.StoreNames;
import io.inkstream.enrich.stream.WindowIndex;
import io.inkstream.enrich.stream.WindowProcessor;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Topics;
import io.inkstream.platform.streams.JsonSerde;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.common.serialization.Serde;
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
 *
 * <p>Each partition of articles.ingested is enriched by its own task; related news and originals come
 * from the window of every partition, which each instance indexes from enrich.fingerprints (a global
 * store) and each task writes its own articles to. Earlier articles' related lists are refreshed when a
 * strongly related article arrives or a listed one is killed, by the task that owns each (decision 0033).
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(EnrichConfig config, Topics topics, EventSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<Fingerprint> fingerprintSerde = new JsonSerde<>(Fingerprint.class);
        // one per Streams instance built from this topology: the global processor opens it, the tasks share it
        WindowIndex window = new WindowIndex(new RelatedFinder(config.relatedWindow(), config.maxRelated(),
                config.minRelatedScore(), config.duplicateResemblance()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WINDOW),
                                Serdes.String(), fingerprintSerde).withLoggingDisabled(),
                topics.enrichFingerprints().name(),
                Consumed.with(Serdes.String(), fingerprintSerde).withName("enrich-fingerprints-in"),
                () -> new WindowProcessor(window));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PATHS),
                Serdes.String(), new JsonSerde<>(PathHistory.class)));
        // every article moves the counts of its ~150 terms, mostly the same common ones: the cache folds those
        // writes into one per term per commit (changelog records and RocksDB writes), and serves the reads
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CORPUS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.TERMS),
                Serdes.String(), JsonSerde.listOf(String.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OWN_WINDOW),
                Serdes.String(), Serdes.Long()));

        KStream<String, EnrichOutcome> outcomes = builder
                // raw bytes: a value that does not deserialize is rejected by the processor, not a poison pill
                .stream(topics.articlesIngested().name(), Consumed.with(serdes.keySerde(), Serdes.ByteArray())
                        .withName("articles-ingested"))
                .process(() -> new EnrichProcessor(config, topics, serdes, window), Named.as("enrich"),
                        StoreNames.PATHS, StoreNames.CORPUS, StoreNames.TERMS, StoreNames.OWN_WINDOW);

        outcomes.filter((id, outcome) -> outcome instanceof EnrichOutcome.Rejected, Named.as("rejected"))
                .mapValues(outcome -> ((EnrichOutcome.Rejected) outcome).rejection(), Named.as("rejection"))
                .to(topics.wireRejected().name(),
                        Produced.with(serdes.keySerde(), serdes.valueSerde(topics.wireRejected())));
        outcomes.filter((id, outcome) -> outcome instanceof EnrichOutcome.WindowWrite, Named.as("window-writes"))
                .mapValues(outcome -> ((EnrichOutcome.WindowWrite) outcome).fingerprint(), Named.as("fingerprint-or-tombstone"))
                .to(topics.enrichFingerprints().name(), Produced.with(Serdes.String(), fingerprintSerde));
        outcomes.filter((id, outcome) -> outcome instanceof EnrichOutcome.Enriched || outcome instanceof EnrichOutcome.Removed,
                        Named.as("accepted"))
                .mapValues(EnrichOutcome::enrichedOrTombstone, Named.as("enriched-or-tombstone"))
                .to(topics.articlesEnriched().name(),
                        Produced.with(serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())));
        if (config.refresh().enabled()) {
            refreshEarlierLists(builder, outcomes, config, topics, serdes, window);
        }
        return builder.build();
    }

    /**
     * Decision 0033: each enrichment asks for the refresh of the lists it should change, keyed by their
     * articles and repartitioned like articles.ingested, so the task that owns each article (and its latest
     * version, in enrich-recent) re-emits it with its new list. Planner and refresher share the stores, so
     * they are one sub-topology with the enrichment; the refresh topic is its own internal topic.
     */
    private static void refreshEarlierLists(StreamsBuilder builder, KStream<String, EnrichOutcome> outcomes,
                                            EnrichConfig config, Topics topics, EventSerdes serdes, WindowIndex window) {
        Serde<EnrichedArticle> enriched = serdes.valueSerde(topics.articlesEnriched());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RECENT),
                serdes.keySerde(), enriched));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REFRESH),
                Serdes.String(), new JsonSerde<>(RefreshState.class)));
        outcomes.filter((id, outcome) -> outcome instanceof EnrichOutcome.Enriched || outcome instanceof EnrichOutcome.Removed,
                        Named.as("refresh-triggers"))
                .process(() -> new RefreshPlanner(config.refresh(), window), Named.as("refresh-plan"),
                        StoreNames.RECENT, StoreNames.REFRESH)
                .repartition(Repartitioned.with(serdes.keySerde(), new JsonSerde<>(RefreshRequest.class))
                        .withName("refresh-requests")
                        .withNumberOfPartitions(topics.articlesIngested().partitions()))
                .process(() -> new RefreshProcessor(config, window), Named.as("refresh"),
                        StoreNames.RECENT, StoreNames.REFRESH)
                .to(topics.articlesEnriched().name(), Produced.with(serdes.keySerde(), enriched).withName("refreshed"));
    }
}
