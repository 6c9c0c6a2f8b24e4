package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.streams.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Fills this instance's stores from the whole of articles.enriched, popularity.top24h and the renderer's own
 * renderer.killed-articles (the kills, which outlive compaction of articles.enriched), from the
 * beginning on every start and then live (like a GlobalKTable: every instance serves every page).
 *
 * <p>A plain consumer with all partitions assigned and no group ({@link TopicFollower}): nothing to commit, since
 * the compacted topics are the stores' backup, and each record reaches the ranking listeners (the live widget)
 * within one poll. Reads committed records only, as the producers upstream are exactly-once.
 */
public final class StoreFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreFeeder.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final TopicSpec<EnrichedArticle> enriched;
    private final TopicSpec<KilledArticle> killedTopic;
    private final Deserializer<String> keys;
    private final Deserializer<EnrichedArticle> articleValues;
    private final Deserializer<Ranking> rankingValues;
    private final Deserializer<KilledArticle> killedValues = new JsonSerde<>(KilledArticle.class).deserializer();
    private final ArticleStore articles;
    private final RankingStore rankings;
    private final TopicFollower follower;

    /** @param consumerProperties bootstrap servers and security; group and offsets are set here */
    public StoreFeeder(Properties consumerProperties, Topics topics, EventSerdes serdes, ArticleStore articles,
                       RankingStore rankings) {
        this.enriched = topics.articlesEnriched();
        this.killedTopic = KilledArticle.topic(topics);
        this.keys = serdes.keySerde().deserializer();
        this.articleValues = serdes.valueSerde(enriched).deserializer();
        this.rankingValues = serdes.valueSerde(topics.popularityTop24h()).deserializer();
        this.articles = articles;
        this.rankings = rankings;
        this.follower = new TopicFollower("renderer-store-feeder", consumerProperties,
                List.of(enriched.name(), topics.popularityTop24h().name(), killedTopic.name()), POLL, this::apply, positions -> { }, () -> { });
    }

    public void start() {
        follower.start();
    }

    /** True once everything on the topics at start has been applied. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        try {
            String key = keys.deserialize(r.topic(), r.key());
            if (r.topic().equals(enriched.name())) {
                articles.apply(key, r.value() == null ? null : articleValues.deserialize(r.topic(), r.value()));
            } else if (r.topic().equals(killedTopic.name())) {
                articles.applyKilled(key, killedValues.deserialize(r.topic(), r.value()));
            } else {
                rankings.apply(key, r.value() == null ? null : rankingValues.deserialize(r.topic(), r.value()));
            }
            log.debug("applied {} {} @{}", r.topic(), key, r.offset());
        } catch (RuntimeException e) {
            // One unreadable record must not take the site down; the next version of the key repairs it.
            log.warn("skipped unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
