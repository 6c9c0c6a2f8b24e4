package io.inkstream.renderer.store;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Follows whole topics into memory on its own thread, from the beginning on every start and then live: a plain
 * consumer with all partitions assigned and no group (nothing to commit: the topics are the backup), committed
 * records only. What the renderer's in-memory copies share ({@link StoreFeeder}, the syndication feeder).
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final String name;
    private final Properties consumerProperties;
    private final List<String> topics;
    private final Duration poll;
    private final Consumer<ConsumerRecord<byte[], byte[]>> apply;
    private final Consumer<ToLongFunction<TopicPartition>> afterPoll;
    private final Runnable onCaughtUp;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param consumerProperties bootstrap servers and security; group and offsets are set here
     * @param apply              each record, in order per partition; a failure skips the record with a warning
     * @param afterPoll          after each poll's records, with the consumer's position per partition
     * @param onCaughtUp         once, when everything on the topics at start has been applied
     */
    public TopicFollower(String name, Properties consumerProperties, List<String> topics, Duration poll,
                         Consumer<ConsumerRecord<byte[], byte[]>> apply, Consumer<ToLongFunction<TopicPartition>> afterPoll,
                         Runnable onCaughtUp) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.name = name;
        this.consumerProperties = p;
        this.topics = List.copyOf(topics);
        this.poll = poll;
        this.apply = apply;
        this.afterPoll = afterPoll;
        this.onCaughtUp = onCaughtUp;
        this.thread = new Thread(this::run, name);
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
            for (String topic : topics) {
                partitions.addAll(partitionsOf(c, topic));
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnds = c.endOffsets(partitions);
            log.info("{} loading from {} partitions", name, partitions.size());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(poll)) {
                    try {
                        apply.accept(r);
                    } catch (RuntimeException e) {
                        // One unreadable record must not stop the copy; the next record of the key repairs it.
                        log.warn("skipped unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
                    }
                }
                afterPoll.accept(c::position);
                if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("{} loaded", name);
                    onCaughtUp.run();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("{} stopped", name, e);
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
