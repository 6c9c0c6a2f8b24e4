package io.inkstream.platform.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * A producer's send as a future that completes when the broker acknowledged the record (acks=all)
 * and fails when it did not within the producer's {@code delivery.timeout.ms}: what an endpoint waits
 * for before it answers 2xx, without holding a thread (the producer's I/O thread completes it).
 */
public final class Acknowledged {

    private Acknowledged() {
    }

    public static <K, V> CompletableFuture<RecordMetadata> send(Producer<K, V> producer, ProducerRecord<K, V> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // send() itself fails for a closed producer, a record too large, or metadata not had in max.block.ms
            acked.completeExceptionally(e);
        }
        return acked;
    }
}
