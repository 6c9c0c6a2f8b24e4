package io.inkstream.bench.popularity;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tells how far a consumer group (a Streams application) got through a topic by its committed
 * offsets: under exactly-once an offset is committed with the results it produced, so committed
 * offsets at the end offsets mean every record was fully processed.
 */
final class GroupProgress {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Admin admin;
    private final PrintStream out;

    GroupProgress(Admin admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    /** The topic's end offsets, i.e. the offsets a group has once it has read everything. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets of " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    /** Sum of the group's committed offsets on these partitions (records read, when offsets start at 0). */
    long committed(String group, Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                            Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(ends.keySet())))
                    .partitionsToOffsetAndMetadata(group).get(10, TimeUnit.SECONDS);
            long sum = 0;
            for (TopicPartition tp : ends.keySet()) {
                OffsetAndMetadata o = offsets.get(tp);
                sum += o == null ? 0 : o.offset();
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            // The group may not exist yet right after start: nothing committed.
            return 0;
        }
    }

    /** How a wait ended: caught up or not, and when (System.nanoTime) the milestone count was passed. */
    record Outcome(boolean caughtUp, long milestoneNanos) {
    }

    /**
     * Waits until the group committed the end offsets of every partition, printing progress every few
     * seconds; not caught up on timeout or when {@code failed} reports a broken application.
     *
     * @param milestone a number of committed records whose passing time is noted (0 for none)
     * @param failed    a reason the application stopped, or null while it runs
     */
    Outcome awaitCaughtUp(String label, String group, Map<TopicPartition, Long> ends, long milestone, Duration timeout,
                          Supplier<String> failed) {
        long target = ends.values().stream().mapToLong(Long::longValue).sum();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + REPORT_EVERY.toNanos();
        long lastCount = 0;
        long lastAt = started;
        long milestoneAt = 0;
        while (System.nanoTime() < deadline) {
            String reason = failed.get();
            if (reason != null) {
                out.println("  [" + label + "] stopped: " + reason);
                return new Outcome(false, milestoneAt);
            }
            long done = committed(group, ends);
            if (milestoneAt == 0 && done >= milestone) {
                milestoneAt = System.nanoTime();
            }
            if (done >= target) {
                return new Outcome(true, milestoneAt);
            }
            long now = System.nanoTime();
            if (now >= nextReport) {
                double rate = (done - lastCount) / ((now - lastAt) / 1e9);
                out.printf(Locale.ROOT, "  [%s] %,d / %,d views committed (%.0f%%), %,.0f views/s just now%n",
                        label, done, target, 100.0 * done / target, rate);
                lastCount = done;
                lastAt = now;
                nextReport = now + REPORT_EVERY.toNanos();
            }
            sleep(POLL);
        }
        out.println("  [" + label + "] timed out after " + timeout.toMinutes() + " min");
        return new Outcome(false, milestoneAt);
    }

    /**
     * After the source topic is done: seconds until the group has also committed everything on its own
     * repartition topics (the later stages caught up), waiting at least {@code settle} so that work a
     * wall-clock punctuator still holds is passed on; 0 without repartition topics, -1 on timeout.
     */
    double awaitRepartitionCaughtUp(String group, Duration settle, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try {
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(n -> n.startsWith(group + "-") && n.endsWith("-repartition")).sorted().toList();
            if (internal.isEmpty()) {
                return 0;
            }
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() - started >= settle.toNanos()) {
                    Map<TopicPartition, Long> ends = new HashMap<>();
                    internal.forEach(t -> ends.putAll(endOffsets(t)));
                    long target = ends.values().stream().mapToLong(Long::longValue).sum();
                    if (committed(group, ends) >= target) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                sleep(POLL);
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException e) {
            return -1;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
