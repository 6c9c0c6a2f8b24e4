package io.inkstream.platform.streams;

import io.inkstream.platform.ServiceStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one Kafka Streams application: logs its state changes, replaces a stream thread that
 * died of an unexpected exception (the record that caused it is retried after restoring from
 * the last commit, exactly-once), exposes its metrics, and closes gracefully.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final String name;
    private final KafkaStreams streams;
    private final Properties streamsProperties;
    /** Changelog partitions being restored now, by store and partition: what RESTORING reports. */
    private final Map<String, Restoration> restoring = new ConcurrentHashMap<>();
    private KafkaStreamsMetrics metrics;

    /** One changelog partition's restoration: from {@code start} to {@code end}, {@code restored} so far. */
    private record Restoration(String store, long start, long end, AtomicLong restored) {
    }

    public StreamsRunner(String name, Topology topology, Properties properties, MeterRegistry meters) {
        this.name = name;
        this.streamsProperties = (Properties) properties.clone();
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.NOT_RUNNING) {
                log.info("{} streams {} (was {})", name, now, before);
            } else {
                log.debug("{} streams {} (was {})", name, now, before);
            }
        });
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
                restoring.put(store + "/" + partition, new Restoration(store, start, end, new AtomicLong()));
                log.info("{} restoring {} from {} ({} offsets)", name, store, partition, end - start);
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
                Restoration r = restoring.get(store + "/" + partition);
                if (r != null) {
                    r.restored().addAndGet(restored);
                }
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long restored) {
                restoring.remove(store + "/" + partition);
            }

            @Override
            public void onRestoreSuspended(TopicPartition partition, String store, long restored) {
                restoring.remove(store + "/" + partition);
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

    /**
     * RUNNING: every thread has its tasks and their state restored, so the app processes records. Not
     * REBALANCING: after an unclean stop the app rebalances while it waits for its group and restores its
     * stores from the changelogs, and records arriving meanwhile are not processed.
     */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The app's state for {@code /health}: UP, STARTING, REBALANCING, RESTORING (with restored/total per store), ERROR, STOPPED. */
    public ServiceStatus status() {
        KafkaStreams.State state = streams.state();
        return switch (state) {
            case RUNNING -> ServiceStatus.of(ServiceStatus.UP);
            case CREATED -> ServiceStatus.of(ServiceStatus.STARTING);
            case REBALANCING -> restoring.isEmpty() ? ServiceStatus.of(ServiceStatus.REBALANCING)
                    : new ServiceStatus(ServiceStatus.RESTORING, restorationProgress());
            case PENDING_ERROR, ERROR -> ServiceStatus.of(ServiceStatus.ERROR);
            case PENDING_SHUTDOWN, NOT_RUNNING -> ServiceStatus.of(ServiceStatus.STOPPED);
        };
    }

    /** Per store being restored: offsets restored so far and in all (summed over its partitions). */
    private Map<String, Object> restorationProgress() {
        Map<String, long[]> byStore = new TreeMap<>();
        for (Restoration r : restoring.values()) {
            long[] sums = byStore.computeIfAbsent(r.store(), k -> new long[2]);
            sums[0] += r.restored().get();
            sums[1] += Math.max(0, r.end() - r.start());
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        byStore.forEach((store, sums) -> progress.put(store, Map.of("restored", sums[0], "total", sums[1])));
        return progress;
    }

    /**
     * The tasks this instance's threads hold now (active and standby, with their input partitions) and its
     * {@code application.server}, for {@code /health}: with several instances, which one holds what.
     */
    public Map<String, Object> tasks() {
        List<String> active = new ArrayList<>();
        List<String> standby = new ArrayList<>();
        Map<String, List<String>> partitions = new TreeMap<>();
        try {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    active.add(task.taskId().toString());
                    partitions.put(task.taskId().toString(), task.topicPartitions().stream().map(TopicPartition::toString).sorted().toList());
                }
                thread.standbyTasks().forEach(task -> standby.add(task.taskId().toString()));
            }
        } catch (RuntimeException e) {
            return Map.of(); // not started, or shutting down
        }
        Collections.sort(active);
        Collections.sort(standby);
        Map<String, Object> tasks = new LinkedHashMap<>();
        Object server = streamsProperties.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (server != null) {
            tasks.put("applicationServer", server.toString());
        }
        tasks.put("activeTasks", active);
        tasks.put("standbyTasks", standby);
        tasks.put("partitions", partitions);
        return tasks;
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
