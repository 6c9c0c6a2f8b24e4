package io.inkstream.ingest.channel;

import io.inkstream.events.WireItem;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes received items to wire.received and returns only once the broker acknowledged
 * them (acks=all, idempotent), so a channel never confirms an item that could be lost: HTTP answers
 * 202, the folder moves a file to done/, the poller saves a feed's state only after this returns.
 * A broker that does not acknowledge within the producer's bounded timeouts is a
 * {@link WriteFailedException}, which HTTP answers 503 with {@code Retry-After}.
 */
public final class WireItemWriter implements AutoCloseable {

    /**
     * Longest wait for the acknowledgement: the producer's own delivery timeout (ServiceContext's, 10 s) fails the
     * send first; this only bounds a producer configured without one, so no channel hangs on a dead broker.
     */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    /** What a caller refused for want of an acknowledgement is told to wait before retrying. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Producer<String, WireItem> producer;
    private final String topic;

    public WireItemWriter(Producer<String, WireItem> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** @throws WriteFailedException when the broker did not acknowledge in time */
    public void write(WireItem item) {
        try {
            producer.send(new ProducerRecord<>(topic, item.getItemId(), item)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new WriteFailedException("the broker did not acknowledge the item: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (producer instanceof KafkaProducer<String, WireItem> kafka) {
            kafka.close(Duration.ofSeconds(5));
        } else {
            producer.close();
        }
    }

    /** The item was not stored; the sender should retry. */
    public static final class WriteFailedException extends RuntimeException {
        WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
