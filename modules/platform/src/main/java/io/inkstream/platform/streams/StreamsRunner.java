package io.inkstream.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * Runs one Kafka Streams application: logs its state changes, replaces a stream thread that
 * died of an unexpected exception (the record that caused it is retried after restoring from
 * the last commit, exactly-once), exposes its metrics, and closes gracefully.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final String name;
    private final KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    public StreamsRunner(String name, Topology topology, Properties properties, MeterRegistry meters) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.NOT_RUNNING) {
                log.info("{} streams {} (was {})", name, now, before);
            } else {
                log.debug("{} streams {} (was {})", name, now, before);
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            log.error("{} stream thread failed; replacing it", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        if (meters != null) {
            this.metrics = new KafkaStreamsMetrics(streams);
            metrics.bindTo(meters);
        }
    }

    public void start() {
        streams.start();
    }

    /** RUNNING (or rebalancing after having run): the app processes records. */
    public boolean ready() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Waits up to {@code timeout} for RUNNING; true when reached. */
    public boolean awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        // Leave the group: a restarted instance is assigned its tasks at once instead of
        // waiting out the old member's session timeout (45 s).
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
        log.debug("{} streams closed", name);
    }
}
