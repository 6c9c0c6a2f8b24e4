package io.inkstream.registry;

import io.inkstream.registry.SchemasTopicFormat.Change;
import io.inkstream.registry.SchemasTopicFormat.Encoded;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The schemas topic as the registry's source of truth: a reader thread applies every record to
 * the {@link RegistryState}, and a change is written to the topic and read back before it
 * counts.
 *
 * <p>Several instances may share the topic. Writes are linearised with a Kafka transactional
 * producer whose transactional id is the same for every instance of the topic: a producer
 * that initialises fences all earlier ones, so a write commits only if no other instance wrote
 * since this one read the topic to its end; a fenced write re-reads and decides again.
 */
final class KafkaSchemaStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 10;

    /** What a write decided from the current state: records to append, then the answer. */
    record Update<T>(List<Change> changes, T result) {
        static <T> Update<T> none(T result) {
            return new Update<>(List.of(), result);
        }
    }

    private final String bootstrapServers;
    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private volatile long readUpTo;
    private volatile boolean running = true;
    private volatile Throwable readerFailure;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaSchemaStore(String bootstrapServers, String topic, RegistryState state) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "inkstream-registry-reader"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::readForever, "registry-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /** Creates the topic if missing and returns once every record already in it is applied. */
    void start() {
        ensureTopic();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        reader.start();
        long end = endOffset();
        awaitRead(end);
        log.info("Schema registry store read topic {} up to offset {}", topic, end);
    }

    /**
     * Decides a change from the state as of the end of the topic, appends it and waits until
     * the reader applied it.
     *
     * @throws RegistryException thrown by {@code decide}, or 50001/50002 when Kafka fails
     */
    synchronized <T> T update(Function<RegistryState, Update<T>> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                KafkaProducer<byte[], byte[]> writer = producer();
                awaitRead(endOffset());
                Update<T> update = decide.apply(state);
                if (update.changes().isEmpty()) {
                    return update.result();
                }
                writer.beginTransaction();
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (Change change : update.changes()) {
                    Encoded e = SchemasTopicFormat.encode(change);
                    sent.add(writer.send(new ProducerRecord<>(topic, 0, e.key(), e.value())));
                }
                writer.commitTransaction();
                long last = sent.get(sent.size() - 1).get().offset();
                awaitRead(last + 1);
                return update.result();
            } catch (KafkaException | ExecutionException e) {
                closeProducer();
                if (fenced(e) && attempt < MAX_ATTEMPTS) {
                    log.debug("Another registry instance wrote to {} meanwhile; deciding again", topic);
                    continue;
                }
                throw RegistryException.storeError("Error while writing to the schemas topic " + topic + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryException.storeError("Interrupted while writing to " + topic, e);
            }
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    // One id for every instance of this topic: initialising fences the others.
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "inkstream-schema-registry-" + topic,
                    ProducerConfig.CLIENT_ID_CONFIG, "inkstream-registry-writer"),
                    new ByteArraySerializer(), new ByteArraySerializer());
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void readForever() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    readUpTo = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            log.error("Schema registry reader of {} stopped", topic, e);
            readerFailure = e;
            synchronized (progress) {
                progress.notifyAll();
            }
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        try {
            SchemasTopicFormat.decode(record.key(), record.value(), record.timestamp()).ifPresent(state::apply);
            log.debug("Applied record at offset {} of {}", record.offset(), topic);
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), topic, e.getMessage());
        }
    }

    private void awaitRead(long offset) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (progress) {
            while (readUpTo < offset) {
                if (readerFailure != null) {
                    throw RegistryException.storeError("The schemas topic reader failed", readerFailure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RegistryException(500, 50002, "Timed out reading the schemas topic " + topic
                            + " up to offset " + offset);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("Interrupted while reading " + topic, e);
                }
            }
        }
    }

    /** The end of committed data: nothing a finished write left is beyond it. */
    private long endOffset() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .partitionResult(partition).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            } catch (ExecutionException e) {
                // a topic just created may not be in every broker's metadata yet: that passes, so wait for it
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw RegistryException.storeError("Cannot find the end of the schemas topic " + topic + ": " + e, e);
                }
                sleepBeforeRetry();
            } catch (TimeoutException e) {
                throw RegistryException.storeError("Cannot find the end of the schemas topic " + topic + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryException.storeError("Interrupted while reading " + topic, e);
            }
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("Interrupted while reading " + topic, e);
        }
    }

    private void ensureTopic() {
        try {
            if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                if (description.partitions().size() != 1) {
                    throw new IllegalStateException("The schemas topic " + topic + " has "
                            + description.partitions().size() + " partitions; a schema registry needs exactly 1");
                }
                return;
            }
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            NewTopic newTopic = new NewTopic(topic, 1, (short) Math.min(3, brokers))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created schemas topic {} (compacted, 1 partition)", topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return; // another instance created it at the same moment
            }
            throw new IllegalStateException("Cannot create the schemas topic " + topic + " on "
                    + bootstrapServers + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing " + topic, e);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (reader.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO); // never started: the reader thread will not close it
        } else {
            consumer.wakeup();
        }
        try {
            reader.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProducer();
        admin.close(Duration.ZERO);
    }
}
