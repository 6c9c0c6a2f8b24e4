package io.inkstream.bench;

import io.inkstream.events.Channel;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.IngestConfig;
import io.inkstream.ingest.IngestTopology;
import io.inkstream.ingest.WireItemParser;
import io.inkstream.ingest.WireItems;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.streams.StreamsRunner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ingest throughput (issue #3): for each wire format, how many items per second the real
 * IngestTopology parses and publishes as articles on articles.ingested, on a real embedded broker and
 * registry, next to how many per second the same items can merely be written to wire.received (the
 * baseline, measured in the same run, just before). The ratio is the share of the raw write rate that
 * ingest sustains end to end.
 *
 * <p>Each phase writes the items with the channels' producer settings (acks=all, idempotent) and waits
 * for its output as a downstream consumer sees it (read_committed): the ingest figure runs from the
 * first write to the last article committed.
 */
public final class IngestThroughput {

    private static final Set<String> OPTIONS = Set.of("items", "warmup", "max-seconds");

    private IngestThroughput() {
    }

    public static void main(String[] argv) throws Exception {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int items = args.intValue("items", 5000);
        int warmup = args.intValue("warmup", 300);
        Duration maxPhase = Duration.ofSeconds(args.intValue("max-seconds", 600));
        Report report = new Report("Ingest throughput per format (issue #3)", IngestThroughput.class.getName(), args);

        WireItems wireItems = WireItems.from(IngestConfig.defaults()); // Asia/Shanghai, 10 MB

        WireSamples samples = new WireSamples();
        try (BenchCluster cluster = BenchCluster.start()) {
            Topics topics = cluster.topics("ingest-");
            Topics raw = cluster.topics("raw-"); // the baseline's wire.received: written, read by no one
            ServiceContext context = cluster.context(topics, "ingest", Map.of());
            try (StreamsRunner ingest = new StreamsRunner("ingest",
                         IngestTopology.build(topics, context.serdes(), wireItems.formats(), Clock.systemUTC()),
                         context.streamsProperties("bench-ingest"), null);
                 Producer<String, WireItem> producer = new KafkaProducer<>(context.producerProperties("bench-wire"),
                         context.serdes().keySerde().serializer(), context.serdes().valueSerde(topics.wireReceived()).serializer());
                 TopicCounter output = new TopicCounter(cluster.bootstrapServers(),
                         List.of(topics.articlesIngested().name(), topics.wireRejected().name()))) {
                ingest.start();
                if (!ingest.awaitRunning(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("ingest did not reach RUNNING in 120 s");
                }
                Report.progress("ingest running; warming up with " + warmup + " items of each format");
                int number = 0;
                for (WireSamples.Format format : WireSamples.FORMATS) {
                    List<WireItem> batch = items(wireItems, samples, format, number, warmup);
                    number += warmup;
                    send(producer, raw.wireReceived().name(), batch);
                    long target = output.total() + warmup;
                    send(producer, topics.wireReceived().name(), batch);
                    output.awaitTotal(target, maxPhase, "warm-up " + format.name());
                }

                report.columns("format", "item bytes", "raw write items/s (baseline)", "ingest items/s",
                        "ingest ÷ raw", "parse only items/s (1 thread)", "rejected");
                WireItemParser parser = wireItems.parser();
                for (WireSamples.Format format : WireSamples.FORMATS) {
                    List<WireItem> batch = items(wireItems, samples, format, number, items);
                    number += items;
                    long bytes = batch.stream().mapToLong(WireItem::getSize).sum() / batch.size();

                    // a short phase, so the median of three writes keeps one hiccup from setting the baseline
                    double[] rawRuns = {send(producer, raw.wireReceived().name(), batch),
                            send(producer, raw.wireReceived().name(), batch), send(producer, raw.wireReceived().name(), batch)};
                    java.util.Arrays.sort(rawRuns);
                    double rawSeconds = rawRuns[1];
                    Report.progress(String.format("%s: raw write of %,d items in %.2f s (median of 3)", format.name(), items, rawSeconds));

                    long rejectedBefore = output.count(topics.wireRejected().name());
                    long target = output.total() + items;
                    long start = System.nanoTime();
                    send(producer, topics.wireReceived().name(), batch);
                    boolean done = output.awaitTotal(target, maxPhase, "ingest " + format.name());
                    double ingestSeconds = (System.nanoTime() - start) / 1e9;
                    long rejected = output.count(topics.wireRejected().name()) - rejectedBefore;
                    Report.progress(String.format("%s: ingest of %,d items in %.2f s", format.name(), items, ingestSeconds));

                    double parseSeconds = parseOnly(parser, batch);
                    double rawRate = items / rawSeconds;
                    double ingestRate = items / ingestSeconds;
                    report.row(format.name(), bytes, Report.perSecond(rawRate),
                            done ? Report.perSecond(ingestRate) : "timed out", Report.ratio(ingestRate / rawRate),
                            Report.perSecond(items / parseSeconds), rejected);
                }
            }
        }
        report.note(items + " items per format, one article each, after " + warmup + " warm-up items per format;"
                + " wire.received has 3 partitions, ingest runs 1 stream thread, exactly_once_v2, commit every 200 ms");
        report.note("raw write = the same WireItems written to a wire.received nobody reads (acks=all, idempotent, linger 5 ms),"
                + " median of 3 writes;"
                + " ingest = written to wire.received until the last article is committed on articles.ingested");
        report.note("parse only = WireItemParser.parse on the same items in this thread, no Kafka: the parsers' own cost");
        report.print();
    }

    /** Items {@code first .. first+count-1} of a format, received as the HTTP channel would (hash, size, sniffed format). */
    private static List<WireItem> items(WireItems wireItems, WireSamples samples, WireSamples.Format format, int first, int count) {
        List<WireItem> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(wireItems.receive(samples.item(format.name(), first + i), "bench", Channel.HTTP, null,
                    format.contentType(), null, null, Instant.now()));
        }
        return batch;
    }

    /** Writes every item and waits for all acknowledgements; returns the seconds it took. */
    private static double send(Producer<String, WireItem> producer, String topic, List<WireItem> batch) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (WireItem item : batch) {
            producer.send(new ProducerRecord<>(topic, item.getItemId(), item), (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("writing to " + topic + " failed", failure.get());
        }
        return seconds;
    }

    private static double parseOnly(WireItemParser parser, List<WireItem> batch) {
        long start = System.nanoTime();
        int articles = 0;
        for (WireItem item : batch) {
            item.getPayload().rewind();
            articles += parser.parse(item, Instant.now()).drafts().size();
        }
        if (articles != batch.size()) {
            Report.progress("parse only: " + articles + " articles from " + batch.size() + " items");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
