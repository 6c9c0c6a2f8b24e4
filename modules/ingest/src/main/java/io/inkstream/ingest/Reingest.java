package io.inkstream.ingest;

import io.inkstream.events.Channel;
import io.inkstream.events.WireItem;
import io.inkstream.platform.ServiceContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Re-ingest: every item that reached wire.received in {@code [from, to)} is written to
 * wire.received again as a new receipt (new item id, channel REINGEST, the same payload, feed,
 * file name and content type), so the running topology parses it with today's parsers: an
 * item that parses as before is a duplicate and publishes nothing, one a parser now reads
 * differently becomes the article's next version. Only the items on the topic when the replay
 * starts are read, never its own copies; a truncated (oversized) item is skipped, as it can
 * never parse.
 */
public final class Reingest {

    private static final Logger log = LoggerFactory.getLogger(Reingest.class);
    private static final int REPORT_EVERY = 100;

    /** Told how far the replay is: records read of the total in range. */
    @FunctionalInterface
    public interface Progress {
        void report(long done, long total);
    }

    /**
     * @param read             records read in the range
     * @param replayed         items written again to wire.received
     * @param skippedTruncated oversized items kept truncated, not replayed
     * @param undeserializable records that are not WireItems (already on wire.rejected), not replayed
     * @param rejectedNow      replayed items that today's parsers reject (they go to wire.rejected again)
     */
    public record Result(long read, long replayed, long skippedTruncated, long undeserializable, long rejectedNow) {
    }

    private Reingest() {
    }

    /**
     * Replays the range and returns once every copy is acknowledged by the broker.
     *
     * @param from first receipt time to replay, or null for the beginning of the topic
     * @param to   receipt time to stop before, or null for everything on the topic now
     */
    public static Result run(ServiceContext context, Instant from, Instant to, Progress progress) {
        return run(context, from, to, progress, Clock.systemUTC());
    }

    static Result run(ServiceContext context, Instant from, Instant to, Progress progress, Clock clock) {
        String topic = context.topics().wireReceived().name();
        IngestConfig config = IngestConfig.from(context.settings());
        WireItemParser parser = WireItemParser.of(config);
        WireItems wireItems = new WireItems(parser.formats(), config.maxItemBytes());
        Deserializer<WireItem> deserializer = context.serdes().valueSerde(context.topics().wireReceived()).deserializer();
        long read = 0;
        long replayed = 0;
        long truncated = 0;
        long undeserializable = 0;
        long rejected = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(context),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, WireItem> producer = new KafkaProducer<>(context.producerProperties("ingest-reingest"),
                     context.serdes().keySerde().serializer(), context.serdes().valueSerde(context.topics().wireReceived()).serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // fixed now: our own copies come after it
            Map<TopicPartition, Long> start = from == null ? consumer.beginningOffsets(partitions) : offsetsAt(consumer, partitions, from, end);
            Map<TopicPartition, Long> stop = to == null ? end : offsetsAt(consumer, partitions, to, end);
            List<TopicPartition> ranged = partitions.stream().filter(tp -> start.get(tp) < stop.get(tp)).toList();
            long total = ranged.stream().mapToLong(tp -> stop.get(tp) - start.get(tp)).sum();
            log.info("re-ingesting {} record(s) of {} from {} to {}", total, topic, from == null ? "the beginning" : from,
                    to == null ? "now" : to);
            consumer.assign(ranged);
            ranged.forEach(tp -> consumer.seek(tp, start.get(tp)));
            progress.report(0, total);
            while (ranged.stream().anyMatch(tp -> consumer.position(tp) < stop.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= stop.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null) {
                        continue;
                    }
                    read++;
                    WireItem item;
                    try {
                        item = deserializer.deserialize(topic, r.value());
                    } catch (RuntimeException e) {
                        undeserializable++;
                        continue;
                    }
                    if (item.getTruncated()) {
                        truncated++;
                    } else {
                        WireItem copy = wireItems.receive(bytes(item.getPayload()), item.getFeed(), Channel.REINGEST,
                                item.getFormat(), item.getContentType(), item.getFilename(), item.getSourceUrl(), clock.instant());
                        producer.send(new ProducerRecord<>(topic, copy.getItemId(), copy), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                        replayed++;
                        if (parser.parse(copy, clock.instant()).isRejected()) {
                            rejected++;
                        }
                    }
                    if (read % REPORT_EVERY == 0) {
                        progress.report(read, total);
                    }
                }
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("re-ingest stopped: a copy was not stored: " + failure.get().getMessage(), failure.get());
            }
            progress.report(read, total);
        }
        Result result = new Result(read, replayed, truncated, undeserializable, rejected);
        log.info("re-ingest done: {}", result);
        return result;
    }

    /** Per partition, the first offset at or after {@code time}, or the end when there is none. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                                       Instant time, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            offsets.put(tp, at == null ? end.get(tp) : Math.min(at.offset(), end.get(tp)));
        }
        return offsets;
    }

    private static Properties consumerProperties(ServiceContext context) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // no group: a replay keeps no position
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 12 * 1024 * 1024);
        return p;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
