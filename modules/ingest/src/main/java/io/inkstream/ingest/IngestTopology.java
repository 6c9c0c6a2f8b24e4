package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.format.WireFormats;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The ingest topology: every raw item on wire.received is parsed; items that cannot be
 * read go to wire.rejected with the reason and the raw item; the articles they hold are
 * re-keyed by article id and versioned (duplicates dropped, changes and kills as new
 * versions) onto articles.ingested.
 */
public final class IngestTopology {

    private IngestTopology() {
    }

    public static Topology build(Topics topics, EventSerdes serdes, WireFormats formats, Clock clock) {
        Serde<String> keys = serdes.keySerde();
        Serde<Article> articles = serdes.valueSerde(topics.articlesIngested());
        WireItemParser parser = new WireItemParser(formats);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ArticleVersioning.STORE), keys, VersionState.serde()));

        Map<String, KStream<String, ParseOutcome>> outcomes = builder
                .stream(topics.wireReceived().name(), Consumed.with(keys, serdes.valueSerde(topics.wireReceived())).withName("wire-received"))
                .mapValues((WireItem item) -> parser.parse(item, clock.instant()), Named.as("parse"))
                .split(Named.as("parse-"))
                .branch((itemId, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("parsed"));

        outcomes.get("parse-rejected")
                .mapValues(ParseOutcome::rejection, Named.as("rejection"))
                .to(topics.wireRejected().name(), Produced.<String, WireRejection>with(keys, serdes.valueSerde(topics.wireRejected()))
                        .withName("wire-rejected"));

        outcomes.get("parse-parsed")
                .flatMap((itemId, outcome) -> byArticleId(outcome.drafts()), Named.as("key-by-article-id"))
                // one article's versions must meet the same store, whatever item or partition they came in on
                .repartition(Repartitioned.with(keys, articles).withName("by-article-id"))
                .process(ArticleVersioning::new, Named.as("version"), ArticleVersioning.STORE)
                .to(topics.articlesIngested().name(), Produced.with(keys, articles).withName("articles-ingested"));

        return builder.build();
    }

    private static List<KeyValue<String, Article>> byArticleId(List<Article> drafts) {
        return drafts.stream().map(a -> KeyValue.pair(a.getId(), a)).toList();
    }
}
