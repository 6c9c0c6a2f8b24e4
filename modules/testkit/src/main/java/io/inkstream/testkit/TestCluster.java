package io.inkstream.testkit;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real Kafka broker and a real schema registry for integration tests, started once per test
 * JVM, with helpers to make isolated topics, produce records and wait for records.
 */
public final class TestCluster implements AutoCloseable {

    private static final AtomicInteger TOPIC_SETS = new AtomicInteger();

    private final String bootstrapServers;
    private final String registryUrl;
    private final AutoCloseable resources;
    private final Path workDir;
    private final EventSerdes serdes;

    private TestCluster(String bootstrapServers, String registryUrl, AutoCloseable resources, Path workDir) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.resources = resources;
        this.workDir = workDir;
        this.serdes = EventSerdes.forRegistry(registryUrl);
    }

    /** Starts the cluster the environment asks for: embedded (default) or docker. */
    static TestCluster start() {
        String mode = Optional.ofNullable(System.getenv("INKSTREAM_TEST_CLUSTER"))
                .orElse(System.getProperty("inkstream.test.cluster", "embedded"));
        return "docker".equalsIgnoreCase(mode) ? startDocker() : startEmbedded();
    }

    private static TestCluster startEmbedded() {
        Path dir = tempDir();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        SchemaRegistryServer registry = SchemaRegistryServer.start(
                RegistryConfig.forKafka(kafka.bootstrapServers()).withPort(0));
        return new TestCluster(kafka.bootstrapServers(), registry.url(), () -> {
            registry.close();
            kafka.close();
        }, dir);
    }

    private static TestCluster startDocker() {
        Assumptions.assumeTrue(DockerCluster.dockerAvailable(),
                "INKSTREAM_TEST_CLUSTER=docker but no Docker engine is reachable: skipping");
        DockerCluster docker = DockerCluster.start();
        return new TestCluster(docker.bootstrapServers(), docker.registryUrl(), docker, tempDir());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** Serdes bound to this cluster's registry. */
    public EventSerdes serdes() {
        return serdes;
    }

    /** A fresh topic catalogue with a unique prefix, every topic already created. */
    public Topics uniqueTopics() {
        Topics topics = Topics.withPrefix("t" + TOPIC_SETS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6) + "-");
        TopicProvisioner.ensure(bootstrapServers, topics.all());
        return topics;
    }

    /** A service context on this cluster with fresh topics and a private state directory. */
    public ServiceContext context(Map<String, String> settings) {
        return context(uniqueTopics(), settings);
    }

    public ServiceContext context(Topics topics, Map<String, String> settings) {
        Path dataDir = workDir.resolve(topics.prefix() + UUID.randomUUID().toString().substring(0, 4));
        return ServiceContext.forTest(bootstrapServers, registryUrl, topics, dataDir, settings);
    }

    /** Produces one record (and waits for the broker's acknowledgement). */
    public <V> void produce(TopicSpec<V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), serdes.valueSerde(topic).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic.name(), e);
        }
    }

    /**
     * Produces one record to the given partition, whatever the key would hash to (another client's partitioner, as a
     * non-Java producer's), and waits for the broker's acknowledgement.
     */
    public <V> void produce(TopicSpec<V> topic, int partition, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), serdes.valueSerde(topic).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic.name() + " partition " + partition, e);
        }
    }

    /** Produces raw bytes (e.g. a poison pill that is not Avro). */
    public void produceRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until {@code count} records arrived (committed only). */
    public <V> List<KeyValue<String, V>> awaitRecords(TopicSpec<V> topic, int count, Duration timeout) {
        List<KeyValue<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = consumer(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
                    records.add(KeyValue.pair(r.key(), r.value()));
                }
            }
        }
        if (records.size() < count) {
            throw new AssertionError("expected " + count + " records on " + topic.name() + " within " + timeout
                    + " but got " + records.size() + ": " + records);
        }
        return records;
    }

    /** Waits for a record with {@code key} whose value satisfies {@code condition}; returns that value. */
    public <V> V awaitValue(TopicSpec<V> topic, String key, Predicate<V> condition, Duration timeout) {
        List<KeyValue<String, V>> seen = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = consumer(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
                    seen.add(KeyValue.pair(r.key(), r.value()));
                    if (key.equals(r.key()) && r.value() != null && condition.test(r.value())) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no matching record with key " + key + " on " + topic.name() + " within "
                + timeout + "; saw " + seen);
    }

    /** Every committed record value on the topic now, from the beginning to the current end. */
    public <V> List<V> readCommitted(TopicSpec<V> topic) {
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = consumer(topic)) {
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private <V> KafkaConsumer<String, V> consumer(TopicSpec<V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 12 * 1024 * 1024);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, serdes.keySerde().deserializer(),
                serdes.valueSerde(topic).deserializer());
        // Assign all partitions directly: no group, no rebalance wait.
        consumer.assign(consumer.partitionsFor(topic.name()).stream()
                .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 12 * 1024 * 1024);
        return p;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("inkstream-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }

}
