package io.inkstream.renderer.partner;

import io.inkstream.events.PublishedArticle;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Fills the {@link VersionLog} and the {@link PartnerRegistry} from syndication.versions, syndication.partners and
 * syndication.state, from the beginning on every start and then live, on every instance (like the renderer's
 * StoreFeeder: all partitions assigned, no group, committed records only).
 */
public final class SyndicationFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyndicationFeeder.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Properties consumerProperties;
    private final TopicSpec<PublishedArticle> versionsTopic;
    private final String partnersTopic;
    private final String stateTopic;
    private final Deserializer<PublishedArticle> versionValues;
    private final VersionLog versions;
    private final PartnerRegistry partners;
    private final Runnable onCaughtUp;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param consumerProperties bootstrap servers and security; group and offsets are set here
     * @param onCaughtUp         run once, when everything on the topics at start has been applied
     */
    public SyndicationFeeder(Properties consumerProperties, Topics topics, EventSerdes serdes, VersionLog versions,
                             PartnerRegistry partners, Runnable onCaughtUp) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProperties = p;
        this.versionsTopic = topics.syndicationVersions();
        this.partnersTopic = topics.syndicationPartners().name();
        this.stateTopic = topics.syndicationState().name();
        this.versionValues = serdes.valueSerde(versionsTopic).deserializer();
        this.versions = versions;
        this.partners = partners;
        this.onCaughtUp = onCaughtUp;
        this.thread = new Thread(this::run, "renderer-syndication-feeder");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> all = new ArrayList<>();
            all.addAll(partitionsOf(c, versionsTopic.name()));
            all.addAll(partitionsOf(c, partnersTopic));
            all.addAll(partitionsOf(c, stateTopic));
            c.assign(all);
            c.seekToBeginning(all);
            Map<TopicPartition, Long> startEnds = c.endOffsets(all);
            List<TopicPartition> versionPartitions = all.stream().filter(tp -> tp.topic().equals(versionsTopic.name())).toList();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    apply(r);
                }
                for (TopicPartition tp : versionPartitions) {
                    versions.advanceEnd(c.position(tp));
                }
                if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("syndication loaded: {} partners, {} versions", partners.all().size(), versions.size());
                    onCaughtUp.run();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("syndication feeder stopped", e);
            throw e;
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist; provision topics before starting");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        try {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            if (r.topic().equals(versionsTopic.name())) {
                if (r.value() != null) {
                    versions.append(r.offset(), Instant.ofEpochMilli(r.timestamp()), versionValues.deserialize(r.topic(), r.value()));
                }
            } else if (r.topic().equals(partnersTopic)) {
                partners.apply(key, r.value() == null ? null : PartnerRecords.PARTNERS.deserializer().deserialize(r.topic(), r.value()));
            } else {
                partners.applyPosition(key, r.value() == null ? null
                        : PartnerRecords.POSITIONS.deserializer().deserialize(r.topic(), r.value()).position());
            }
        } catch (RuntimeException e) {
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
