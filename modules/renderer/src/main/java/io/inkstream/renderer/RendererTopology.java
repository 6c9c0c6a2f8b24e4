package io.inkstream.renderer;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PublishedArticle;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.streams.JsonSerde;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.publish.PublishedArticles;
import io.inkstream.renderer.store.KilledArticle;
import io.inkstream.renderer.stream.EmbargoHold;
import io.inkstream.renderer.stream.KilledPathsRecorder;
import io.inkstream.renderer.stream.StoreNames;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * articles.enriched -> articles.published: every enriched version becomes its public version for
 * syndication (kills as a canceled version then a tombstone; embargoed versions once the embargo lifts),
 * exactly once, partitioned by article id; the same versions, without tombstones, to syndication.versions; and
 * every kill, with all the article's paths, to the renderer's own compacted renderer.killed-articles, so that
 * its pages answer 410 for ever (decision 0025).
 */
public final class RendererTopology {

    private RendererTopology() {
    }

    public static Topology build(Topics topics, EventSerdes serdes, SiteConfig site, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EMBARGO_HELD),
                serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_PATHS),
                serdes.keySerde(), new JsonSerde<>(KilledPathsRecorder.KnownPaths.class)));
        KStream<String, EnrichedArticle> enriched = builder.stream(topics.articlesEnriched().name(),
                Consumed.with(serdes.keySerde(), serdes.valueSerde(topics.articlesEnriched())));
        // Null values are tombstones and pass through as tombstones; embargoed versions wait.
        KStream<String, PublishedArticle> versions = enriched.process(() -> new EmbargoHold(site, clock),
                StoreNames.EMBARGO_HELD);
        versions.to(topics.articlesPublished().name(), Produced.with(serdes.keySerde(),
                serdes.valueSerde(topics.articlesPublished())));
        // The partners' log: every public version, a kill's canceled version included, in the same transaction
        // (docs/decisions/0019); tombstones only matter to the compacted topic.
        // A refresh of a version's related list (decision 0033) is the same version: not a new one for partners.
        versions.filter((id, version) -> version != null && !PublishedArticles.isRelatedRefresh(version),
                        Named.as("syndication-versions"))
                .to(topics.syndicationVersions().name(), Produced.with(serdes.keySerde(),
                        serdes.valueSerde(topics.syndicationVersions())));
        // Kills are also kept lastingly, with every path, where compaction of articles.enriched cannot remove them.
        TopicSpec<KilledArticle> killed = KilledArticle.topic(topics);
        enriched.process(KilledPathsRecorder::new, Named.as("killed-paths"), StoreNames.ARTICLE_PATHS)
                .to(killed.name(), Produced.with(serdes.keySerde(), new JsonSerde<>(KilledArticle.class))
                        .withName("killed-articles"));
        return builder.build();
    }
}
