package io.inkstream.bench.popularity;

import io.inkstream.testkit.TempDirs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Kafka Streams application run over the pre-produced views from an empty state: timed from the
 * moment it is RUNNING (assigned, nothing to restore) until its committed offsets reach the end of the
 * topic, then measured (heap, resident memory, state directory, changelogs) while still running.
 */
final class StreamsRun {

    /** What one application needed to process every view. */
    record Result(String name, long records, double startSeconds, double processSeconds, double laterStagesSeconds, long lastDayRecords,
                  double lastDaySeconds, long heapBytes, long heapDeltaBytes, long rssBytes, long rssDeltaBytes,
                  long stateDirBytes, long changelogBytes, boolean completed) {

        double recordsPerSecond() {
            return completed ? records / processSeconds : Double.NaN;
        }

        /** Rate over the views of the last 24 hours only (those the window keeps). */
        double lastDayPerSecond() {
            return completed && lastDaySeconds > 0 ? lastDayRecords / lastDaySeconds : Double.NaN;
        }
    }

    /** Longer than the popularity emit interval (1s) plus a commit, so held changes have gone out. */
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private final Admin admin;
    private final GroupProgress progress;
    private final PrintStream out;

    StreamsRun(Admin admin, PrintStream out) {
        this.admin = admin;
        this.progress = new GroupProgress(admin, out);
        this.out = out;
    }

    /** @param beforeLastDay views older than the last 24 hours, whose passing splits the rate in two */
    Result run(String label, Topology topology, Properties props, Map<TopicPartition, Long> ends, long beforeLastDay,
               Duration timeout) {
        String appId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Path stateDir = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)).resolve(appId);
        long records = ends.values().stream().mapToLong(Long::longValue).sum();
        long heapBefore = MemoryProbe.heapAfterGc();
        long rssBefore = MemoryProbe.residentBytes();

        AtomicLong runningAt = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        long started = System.nanoTime();
        out.println("[" + label + "] starting application " + appId);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    runningAt.compareAndSet(0, System.nanoTime());
                } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
                    failure.set("application went to " + now);
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                failure.set(e.toString());
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            GroupProgress.Outcome outcome = progress.awaitCaughtUp(label, appId, ends, beforeLastDay, timeout, failure::get);
            boolean completed = outcome.caughtUp();
            long done = System.nanoTime();
            double lastDaySeconds = outcome.milestoneNanos() == 0 ? 0 : (done - outcome.milestoneNanos()) / 1e9;
            long running = runningAt.get() == 0 ? started : runningAt.get();
            double startSeconds = (running - started) / 1e9;
            double processSeconds = (done - running) / 1e9;
            out.printf(java.util.Locale.ROOT, "[%s] %s: %,d views in %.1f s after RUNNING (start took %.1f s)%n",
                    label, completed ? "done" : "NOT done", records, processSeconds, startSeconds);
            // The rate counts until the views are processed; the stages after a repartition finish a little later.
            double later = completed ? progress.awaitRepartitionCaughtUp(appId, SETTLE, timeout) : -1;
            if (later > 0) {
                out.printf(java.util.Locale.ROOT, "[%s] repartitioned stages caught up %.1f s later%n", label, later);
            }
            long heap = MemoryProbe.heapAfterGc();
            long rss = MemoryProbe.residentBytes();
            long state = TempDirs.bytesUnder(stateDir);
            long changelogs = changelogBytes(appId);
            out.printf("[%s] heap after GC %s (+%s), RSS %s (+%s), state dir %s, changelog+repartition topics %s%n",
                    label, MemoryProbe.mb(heap), MemoryProbe.mb(heap - heapBefore), MemoryProbe.mb(rss),
                    MemoryProbe.mb(rss - rssBefore), MemoryProbe.mb(state), MemoryProbe.mb(changelogs));
            streams.close(Duration.ofSeconds(30));
            return new Result(label, records, startSeconds, processSeconds, later, records - beforeLastDay, lastDaySeconds, heap, heap - heapBefore, rss,
                    rss - rssBefore, state, changelogs, completed);
        }
    }

    /** Bytes on the broker in the application's internal topics (changelogs and repartition topics). */
    private long changelogBytes(String appId) {
        try {
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get();
            long sum = 0;
            for (Map<String, LogDirDescription> byPath : dirs.values()) {
                for (LogDirDescription d : byPath.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                        if (r.getKey().topic().startsWith(appId + "-")) {
                            sum += r.getValue().size();
                        }
                    }
                }
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
