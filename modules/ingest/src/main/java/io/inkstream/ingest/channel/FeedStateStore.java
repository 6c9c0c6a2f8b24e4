package io.inkstream.ingest.channel;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.kafka.TopicProvisioner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps each polled feed's {@link FeedState} in the compacted topic {@code <prefix>ingest.feed-state}
 * (key: the feed URL, value: the state as JSON), and reads it whole at start so a restarted
 * ingest resumes where it stopped. The topic is ingest's own: a JSON string value keeps it out
 * of the shared Avro contract.
 */
public final class FeedStateStore implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    public FeedStateStore(ServiceContext context) {
        TopicSpec<String> spec = topic(context.topics());
        TopicProvisioner.ensure(context.bootstrapServers(), List.of(spec));
        this.bootstrapServers = context.bootstrapServers();
        this.topic = spec.name();
        this.producer = new KafkaProducer<>(context.producerProperties("ingest-feed-state"), new StringSerializer(), new StringSerializer());
    }

    /** The internal topic: one partition (a handful of feeds), compacted (only the latest state per feed matters). */
    public static TopicSpec<String> topic(Topics topics) {
        return new TopicSpec<>(topics.prefix() + "ingest.feed-state", String.class, 1, "compact", TopicSpec.INFINITE, Map.of());
    }

    /** Every feed's latest state, read from the beginning of the topic to its current end. */
    public Map<String, FeedState> loadAll() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, FeedState> states = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        states.remove(r.key());
                    } else {
                        states.put(r.key(), FeedState.fromJson(r.value()));
                    }
                }
            }
        }
        return states;
    }

    /** Stores a feed's state; returns once the broker acknowledged it. */
    public void save(String feedUrl, FeedState state) {
        try {
            producer.send(new ProducerRecord<>(topic, feedUrl, state.toJson())).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the state of " + feedUrl, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the state of " + feedUrl + " was not stored: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
