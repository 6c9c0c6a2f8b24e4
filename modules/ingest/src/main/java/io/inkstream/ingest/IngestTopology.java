package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.ingest.stream.ArticleVersioning;
import io.inkstream.ingest.stream.ParseStep;
import io.inkstream.ingest.stream.StoreNames;
import io.inkstream.ingest.stream.VersionState;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.List;

/**
 * The ingest topology: every raw item on wire.received is parsed; items that cannot be
 * read go to wire.rejected with the reason and the raw item (or, for a record that is not a
 * WireItem at all, its raw bytes); the articles they hold are
 * re-keyed by article id and versioned (duplicates dropped, changes and kills as new
 * versions) onto articles.ingested.
 */
public final class IngestTopology {

    private IngestTopology() {
    }

    /** With the built-in section map (tests). */
    public static Topology build(Topics topics, EventSerdes serdes, WireFormats formats, Clock clock) {
        return build(topics, serdes, new WireItemParser(formats), clock);
    }

    public static Topology build(Topics topics, EventSerdes serdes, WireItemParser parser, Clock clock) {
        Serde<String> keys = serdes.keySerde();
        Serde<Article> articles = serdes.valueSerde(topics.articlesIngested());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ARTICLE_VERSIONS), keys, VersionState.serde()));

        Deserializer<WireItem> wireItems = serdes.valueSerde(topics.wireReceived()).deserializer();
        String receivedTopic = topics.wireReceived().name();

        KStream<String, ParseOutcome> outcomes = builder
                // raw bytes: a value that does not deserialize is rejected with its bytes, not a poison pill
                .stream(receivedTopic, Consumed.with(keys, Serdes.ByteArray()).withName("wire-received"))
                .filter((itemId, bytes) -> bytes != null, Named.as("skip-empty"))
                .processValues(() -> new ParseStep(parser, wireItems, receivedTopic, clock), Named.as("parse"));

        // a file of several items may give both: each refused entry is a rejection of its own
        outcomes
                .flatMapValues(ParseOutcome::rejections, Named.as("rejections"))
                .to(topics.wireRejected().name(), Produced.<String, WireRejection>with(keys, serdes.valueSerde(topics.wireRejected()))
                        .withName("wire-rejected"));

        outcomes
                .flatMap((itemId, outcome) -> byArticleId(outcome.drafts()), Named.as("key-by-article-id"))
                // one article's versions must meet the same store, whatever item or partition they came in on
                .repartition(Repartitioned.with(keys, articles).withName("by-article-id"))
                .process(ArticleVersioning::new, Named.as("version"), StoreNames.ARTICLE_VERSIONS)
                .to(topics.articlesIngested().name(), Produced.with(keys, articles).withName("articles-ingested"));

        return builder.build();
    }

    private static List<KeyValue<String, Article>> byArticleId(List<Article> drafts) {
        return drafts.stream().map(a -> KeyValue.pair(a.getId(), a)).toList();
    }
}
