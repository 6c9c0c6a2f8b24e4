package io.inkstream.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Counts the committed records that reach some topics from now on (read_committed, as a downstream
 * service would see them), so a driver can tell when the stage it measures has delivered its output.
 */
final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final BiPredicate<String, byte[]> inspector;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** Starts counting at the current end of every partition of {@code topics}. */
    TopicCounter(String bootstrapServers, List<String> topics) {
        this(bootstrapServers, topics, (topic, value) -> { });
    }

    /** Also hands every counted record's value to {@code inspector} (on the counting thread). */
    TopicCounter(String bootstrapServers, List<String> topics, BiConsumer<String, byte[]> inspector) {
        this(bootstrapServers, topics, (topic, value) -> {
            inspector.accept(topic, value);
            return true;
        });
    }

    /** Hands every record's value to {@code counted} (on the counting thread), and counts those it answers true for. */
    TopicCounter(String bootstrapServers, List<String> topics, BiPredicate<String, byte[]> counted) {
        this.inspector = counted;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 12 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            counts.put(topic, new AtomicLong());
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, before anything is produced
        thread = new Thread(this::run, "bench-topic-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    if (inspector.test(r.topic(), r.value())) {
                        counts.get(r.topic()).incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    long count(String topic) {
        return counts.get(topic).get();
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * Waits until the records counted on all topics reach {@code target}, printing progress every few
     * seconds; returns false when {@code timeout} passed first.
     */
    boolean awaitTotal(long target, Duration timeout, String label) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastPrint = start;
        long lastCount = total();
        while (total() < target) {
            if (failure != null) {
                throw failure;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                Report.progress(label + ": timed out at " + total() + "/" + target + " after " + timeout.toSeconds() + " s");
                return false;
            }
            if (now - lastPrint >= 5_000_000_000L) {
                long count = total();
                Report.progress(String.format("%s: %,d/%,d (%s/s over the last %.0f s)", label, count, target,
                        Report.perSecond((count - lastCount) / ((now - lastPrint) / 1e9)), (now - lastPrint) / 1e9));
                lastPrint = now;
                lastCount = count;
            }
            sleep(5);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
