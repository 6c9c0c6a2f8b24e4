package io.inkstream.app.e2e;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a topic of a running Inkstream process from the beginning to its end, committed records only, as any client would. */
final class CommittedRecords {

    private CommittedRecords() {
    }

    /** Every committed record of {@code topic} now on the broker at {@code kafkaPort}, in order per partition. */
    static <V> void readAll(int kafkaPort, int registryPort, TopicSpec<V> topic, Consumer<ConsumerRecord<String, V>> each) {
        readAll("127.0.0.1:" + kafkaPort, "http://127.0.0.1:" + registryPort, topic, each);
    }

    /** Every committed record of {@code topic} now on the brokers at {@code bootstrapServers}, in order per partition. */
    static <V> void readAll(String bootstrapServers, String registryUrl, TopicSpec<V> topic,
                            Consumer<ConsumerRecord<String, V>> each) {
        EventSerdes serdes = EventSerdes.forRegistry(registryUrl);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config,
                serdes.keySerde().deserializer(), serdes.valueSerde(topic).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    each.accept(record);
                }
            }
        }
    }
}
