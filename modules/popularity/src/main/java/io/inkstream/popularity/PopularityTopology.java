package io.inkstream.popularity;

import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.streams.JsonSerde;
import io.inkstream.popularity.rank.ArticleCount;
import io.inkstream.popularity.stream.ArticleInfo;
import io.inkstream.popularity.stream.ArticleProcessor;
import io.inkstream.popularity.stream.PublishedRanking;
import io.inkstream.popularity.stream.RankingProcessor;
import io.inkstream.popularity.stream.StoreNames;
import io.inkstream.popularity.stream.ViewCountProcessor;
import io.inkstream.popularity.stream.ViewPlacement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Page views in, "Most popular in 24h" rankings out: views are counted per article (partitioned by
 * article id, like articles.enriched, which tells headlines and cancellations), changed counts are
 * repartitioned by scope ("all" and each section), and each scope's top N is published to
 * popularity.top24h when it changes.
 */
public final class PopularityTopology {

    private PopularityTopology() {
    }

    public static Topology build(PopularityConfig config, Topics topics, EventSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = serdes.keySerde();
        JsonSerde<ArticleCount> counts = new JsonSerde<>(ArticleCount.class);

        // Counting stage, per article: every store is changelogged, so a restart rebuilds it.
        builder.addStateStore(keyValue(StoreNames.MINUTE_BUCKETS, Serdes.Long()));
        builder.addStateStore(keyValue(StoreNames.ARTICLE_VIEWS, Serdes.Long()));
        builder.addStateStore(keyValue(StoreNames.VISITOR_SKETCHES, Serdes.ByteArray()));
        builder.addStateStore(keyValue(StoreNames.ARTICLES, new JsonSerde<>(ArticleInfo.class)));
        builder.addStateStore(keyValue(StoreNames.CHANGED_ARTICLES, Serdes.Long()));
        // The clock moves with nearly every view; caching folds those writes into one per commit.
        builder.addStateStore(keyValue(StoreNames.VIEW_CLOCK, Serdes.Long()).withCachingEnabled());
        // A counted view can only match views within the dedup window, and views older than the grace are dropped.
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.COUNTED_VIEWS,
                        config.dedupWindow().multipliedBy(2).plus(config.grace()), config.dedupWindow(), false),
                Serdes.String(), Serdes.Long()));
        // Ranking stage, per scope.
        builder.addStateStore(keyValue(StoreNames.SCOPE_MEMBERS, counts));
        builder.addStateStore(keyValue(StoreNames.SCOPE_INDEX, counts));
        builder.addStateStore(keyValue(StoreNames.PUBLISHED, new JsonSerde<>(PublishedRanking.class)));

        builder.stream(topics.articlesEnriched().name(), Consumed.with(keys, serdes.valueSerde(topics.articlesEnriched()))
                        .withName("articles-enriched"))
                .process(ArticleProcessor::new, Named.as("article-catalog"), StoreNames.ARTICLES, StoreNames.CHANGED_ARTICLES);

        // Counting must not depend on the producer's partitioner (docs/decisions/0021): a view on another partition
        // than its article's goes through a repartition topic keyed by article id to the task that counts it.
        int partitions = topics.pageviews().partitions();
        Serde<PageView> views = serdes.valueSerde(topics.pageviews());
        KStream<String, PageView> received = builder.stream(topics.pageviews().name(), Consumed.with(keys, views)
                .withTimestampExtractor(new ViewedAt()).withName("pageviews"));
        KStream<String, PageView> rerouted = received
                .process(() -> ViewPlacement.misplaced(partitions), Named.as("views-misplaced"))
                .repartition(Repartitioned.with(keys, views).withName("views-by-article").withNumberOfPartitions(partitions));
        received.process(() -> ViewPlacement.inPlace(partitions), Named.as("views-in-place"))
                .merge(rerouted, Named.as("views-by-article"))
                .process(() -> new ViewCountProcessor(config), Named.as("view-counter"),
                        StoreNames.MINUTE_BUCKETS, StoreNames.ARTICLE_VIEWS, StoreNames.VISITOR_SKETCHES, StoreNames.COUNTED_VIEWS,
                        StoreNames.ARTICLES, StoreNames.CHANGED_ARTICLES, StoreNames.VIEW_CLOCK)
                .repartition(Repartitioned.with(keys, counts).withName("scope-counts"))
                .process(() -> new RankingProcessor(config), Named.as("scope-ranker"),
                        StoreNames.SCOPE_MEMBERS, StoreNames.SCOPE_INDEX, StoreNames.PUBLISHED)
                .to(topics.popularityTop24h().name(), Produced.with(keys, serdes.valueSerde(topics.popularityTop24h()))
                        .withName("popularity-top24h"));
        return builder.build();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** Event time of a view is when it happened, so partitions are interleaved by view time. */
    static final class ViewedAt implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof PageView view && view.getViewedAt() != null) {
                return view.getViewedAt().toEpochMilli();
            }
            return record.timestamp();
        }
    }
}
