package io.inkstream.renderer.store;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.streams.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Fills this instance's stores from the whole of articles.enriched, popularity.top24h and the renderer's own
 * renderer.killed-articles (the kills, which outlive compaction of articles.enriched), from the
 * beginning on every start and then live (like a GlobalKTable: every instance serves every page).
 *
 * <p>A plain consumer with all partitions assigned and no group: nothing to commit, since the compacted
 * topics are the stores' backup, and each record reaches the ranking listeners (the live widget) within
 * one poll. Reads committed records only, as the producers upstream are exactly-once.
 */
public final class StoreFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreFeeder.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Properties consumerProperties;
    private final TopicSpec<EnrichedArticle> enriched;
    private final TopicSpec<Ranking> rankingsTopic;
    private final TopicSpec<KilledArticle> killedTopic;
    private final Deserializer<String> keys;
    private final Deserializer<EnrichedArticle> articleValues;
    private final Deserializer<Ranking> rankingValues;
    private final Deserializer<KilledArticle> killedValues = new JsonSerde<>(KilledArticle.class).deserializer();
    private final ArticleStore articles;
    private final RankingStore rankings;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** @param consumerProperties bootstrap servers and security; group and offsets are set here */
    public StoreFeeder(Properties consumerProperties, Topics topics, EventSerdes serdes, ArticleStore articles,
                       RankingStore rankings) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProperties = p;
        this.enriched = topics.articlesEnriched();
        this.rankingsTopic = topics.popularityTop24h();
        this.killedTopic = KilledArticle.topic(topics);
        this.keys = serdes.keySerde().deserializer();
        this.articleValues = serdes.valueSerde(enriched).deserializer();
        this.rankingValues = serdes.valueSerde(rankingsTopic).deserializer();
        this.articles = articles;
        this.rankings = rankings;
        this.thread = new Thread(this::run, "renderer-store-feeder");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once everything on the topics at start has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = new ArrayList<>();
            partitions.addAll(partitionsOf(c, enriched.name()));
            partitions.addAll(partitionsOf(c, rankingsTopic.name()));
            partitions.addAll(partitionsOf(c, killedTopic.name()));
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnds = c.endOffsets(partitions);
            log.info("renderer stores loading from {} partitions", partitions.size());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    apply(r);
                }
                if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("renderer stores loaded");
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("renderer store feeder stopped", e);
            throw e;
        }
    }

    /** The topic's partitions, waiting up to 30 s for a topic just created to show in the metadata. */
    private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> c, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline && running) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist; provision topics before starting");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
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
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
