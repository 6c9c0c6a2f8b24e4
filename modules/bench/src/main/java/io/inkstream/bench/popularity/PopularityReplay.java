package io.inkstream.bench.popularity;

import io.inkstream.bench.BulkProducer;
import io.inkstream.bench.DriverMain;
import io.inkstream.events.PageView;
import io.inkstream.events.Ranking;
import io.inkstream.events.RankingEntry;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.popularity.PopularityConfig;
import io.inkstream.popularity.PopularityTopology;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import io.inkstream.testkit.TempDirs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * Issue #5: how fast the popularity topology gets through a backfill of page views, next to what the
 * same broker gives a plain consumer and a plain Kafka Streams hopping-window count, and what the
 * window costs in memory and disk.
 *
 * <p>One command, one JVM, loopback only: an embedded KRaft broker and the project's registry, the
 * views pre-produced to {@code pageviews}, then three readers of that topic one after the other:
 * (a) a plain read_committed consumer deserializing with the project serde, (b) PopularityTopology
 * with exactly_once_v2, (c) {@code groupByKey().windowedBy(24h hopping by 1h, grace 5m).count()}
 * with exactly_once_v2. A Markdown report is printed at the end.
 *
 * <p>The views' event time ends now and reaches {@code --hours} back, as when the service rebuilds its
 * counts from the retained {@code pageviews} topic: the topology's window is the 24 hours before the wall
 * clock, so it drops the older views as late (cheaply) and counts the last day; the report gives the rate
 * over the whole topic and over the last day alone. (Event time running ahead of the wall clock is not an
 * option: the broker refuses records more than an hour in the future, and changelog records carry it.)
 */
public final class PopularityReplay {

    private final ReplayOptions options;
    private final PrintStream out;

    private PopularityReplay(ReplayOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        DriverMain.run(args, ReplayOptions::parse, (options, commandLine) -> new PopularityReplay(options, System.out).run(commandLine));
    }

    private String run(String commandLine) throws Exception {
        Path dir = options.dataDir() != null ? Files.createDirectories(options.dataDir())
                : Files.createTempDirectory("inkstream-replay");
        out.println("Popularity replay: " + options.describe());
        out.println("Data in " + dir);
        EmbeddedKafka kafka = null;
        SchemaRegistryServer registry = null;
        try {
            kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
            registry = SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers()));
            Topics topics = Topics.withPrefix("");
            TopicProvisioner.ensure(kafka.bootstrapServers(), topics.all());
            ServiceContext context = ServiceContext.forTest(kafka.bootstrapServers(), registry.url(), topics, dir, Map.of());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                return measure(context, admin, dir, commandLine);
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (!options.keep()) {
                deleteTree(dir);
            }
        }
    }

    private String measure(ServiceContext context, Admin admin, Path dir, String commandLine) {
        Topics topics = context.topics();
        String topic = topics.pageviews().name();
        GroupProgress progress = new GroupProgress(admin, out);
        if (progress.endOffsets(topic).values().stream().anyMatch(o -> o > 0)) {
            throw new IllegalStateException(topic + " already holds views in " + dir + "; use an empty --data-dir");
        }

        ViewGenerator generator = new ViewGenerator(options, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        double produceSeconds = produce(context, generator);
        Map<TopicPartition, Long> ends = progress.endOffsets(topic);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "Produced %,d views (%,d bots, %,d repeats; %,d articles read in the last 24h) in %.1f s%n",
                total, generator.bots(), generator.repeats(), generator.articlesReadInLastDay(), produceSeconds);

        double rawSeconds = consumeRaw(context, ends);
        out.printf(Locale.ROOT, "[raw consumer] %,d views in %.1f s%n", total, rawSeconds);

        StreamsRun runs = new StreamsRun(admin, out);
        PopularityConfig config = PopularityConfig.defaults();
        StreamsRun.Result popularity = runs.run("popularity", PopularityTopology.build(config, topics, context.serdes()),
                context.streamsProperties("bench-popularity"), ends, generator.viewsBeforeLastDay(), options.phaseTimeout());
        List<String> top = topOfAll(context);
        List<String> expected = generator.expectedTop(3);
        out.println("[popularity] generated most viewed in the last 24 h (no bots, no injected repeats): " + expected);
        StreamsRun.Result window = runs.run("windowed count", hoppingCount(context),
                context.streamsProperties("bench-window-count"), ends, generator.viewsBeforeLastDay(), options.phaseTimeout());

        return report(commandLine, generator, total, produceSeconds, rawSeconds, popularity, window, top, expected);
    }

    /** The partition librdkafka's default partitioner ({@code consistent_random}: CRC32 of the key) gives a key. */
    static int crc32Partition(String key, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }

    /** Writes every view with an idempotent producer (no transaction: no markers, offsets = records). */
    private double produce(ServiceContext context, ViewGenerator generator) {
        Properties p = BulkProducer.properties(context.bootstrapServers());
        Serde<PageView> values = context.serdes().valueSerde(context.topics().pageviews());
        String topic = context.topics().pageviews().name();
        int partitions = context.topics().pageviews().partitions();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long started = System.nanoTime();
        long nextReport = started + Duration.ofSeconds(5).toNanos();
        out.printf(Locale.ROOT, "Producing %,d views to %s (event time %s .. %s)%n", options.views(), topic,
                generator.start(), generator.end());
        try (KafkaProducer<String, PageView> producer = new KafkaProducer<>(p, context.serdes().keySerde().serializer(),
                values.serializer())) {
            for (long i = 0; i < options.views() && failed.get() == null; i++) {
                PageView view = generator.next();
                Integer partition = options.crc32Partitioner() ? crc32Partition(view.getArticleId(), partitions) : null;
                producer.send(new ProducerRecord<>(topic, partition, view.getArticleId(), view), (md, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
                if ((i & 0xFFF) == 0 && System.nanoTime() >= nextReport) {
                    out.printf(Locale.ROOT, "  [produce] %,d / %,d views%n", i, options.views());
                    nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("producing views failed: " + failed.get(), failed.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** (a) A plain consumer, read_committed, values deserialized by the project's Avro serde. */
    private double consumeRaw(ServiceContext context, Map<TopicPartition, Long> ends) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Serde<PageView> values = context.serdes().valueSerde(context.topics().pageviews());
        long target = ends.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + options.phaseTimeout().toNanos();
        out.println("[raw consumer] reading " + context.topics().pageviews().name());
        try (KafkaConsumer<String, PageView> consumer = new KafkaConsumer<>(p, context.serdes().keySerde().deserializer(),
                values.deserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long started = System.nanoTime();
            long read = 0;
            while (read < target && System.nanoTime() < deadline) {
                ConsumerRecords<String, PageView> records = consumer.poll(Duration.ofMillis(500));
                // Values are decoded inside poll(), so counting them is enough.
                read += records.count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (read < target) {
                throw new IllegalStateException("raw consumer read only " + read + " of " + target + " views");
            }
            return seconds;
        }
    }

    /** (c) The textbook way: a 24h window hopping by 1h, grace 5m, counted per article. */
    private static Topology hoppingCount(ServiceContext context) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(context.topics().pageviews().name(), Consumed.with(context.serdes().keySerde(),
                                context.serdes().valueSerde(context.topics().pageviews()))
                        .withTimestampExtractor(new ViewedAt()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(24), Duration.ofMinutes(5)).advanceBy(Duration.ofHours(1)))
                .count(Materialized.as("views-24h-hopping-1h"));
        return builder.build();
    }

    /** Event time of a view, as the popularity topology reads it. */
    static final class ViewedAt implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            return record.value() instanceof PageView v ? v.getViewedAt().toEpochMilli() : record.timestamp();
        }
    }

    /** The last published "all" ranking's top three, to show the run counted something sensible. */
    private List<String> topOfAll(ServiceContext context) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = context.topics().popularityTop24h().name();
        Map<String, Ranking> latest = new HashMap<>();
        try (KafkaConsumer<String, Ranking> consumer = new KafkaConsumer<>(p, context.serdes().keySerde().deserializer(),
                context.serdes().valueSerde(context.topics().popularityTop24h()).deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Ranking> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(r.key(), r.value());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        Ranking all = latest.get("all");
        lines.add(latest.size() + " scopes ranked" + (all == null ? "; no ranking for all" : ", window of all "
                + all.getWindowStart() + " .. " + all.getWindowEnd()));
        if (all != null) {
            for (RankingEntry e : all.getEntries().subList(0, Math.min(3, all.getEntries().size()))) {
                lines.add("#" + e.getRank() + " " + e.getArticleId() + ": " + e.getViews() + " views, ~" + e.getVisitors() + " visitors");
            }
        }
        lines.forEach(l -> out.println("[popularity] " + l));
        return lines;
    }

    private String report(String commandLine, ViewGenerator generator, long total, double produceSeconds, double rawSeconds,
                          StreamsRun.Result popularity, StreamsRun.Result window, List<String> top, List<String> expected) {
        double raw = total / rawSeconds;
        double pop = popularity.recordsPerSecond();
        double win = window.recordsPerSecond();
        StringBuilder r = new StringBuilder();
        r.append("## Popularity replay (issue #5)\n\n");
        r.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(MemoryProbe.mb(Runtime.getRuntime().maxMemory())).append(".\n\n");
        r.append("```\njava -cp modules/bench/target/benchmarks.jar io.inkstream.bench.popularity.PopularityReplay")
                .append(commandLine.isBlank() ? "" : " " + commandLine).append("\n```\n\n");
        r.append(String.format(Locale.ROOT, "%,d views (%s) over %,d articles in %d sections, %d h of event time, "
                        + "%,d bots, %,d repeats, %,d articles read in the last 24 h; produced in %.1f s (%,.0f views/s).%n%n",
                total, "Zipf s=" + options.zipfExponent() + " + " + Math.round(options.sweepShare() * 100) + "% catalogue sweep",
                options.articles(), ViewGenerator.SECTIONS.length, options.hours(), generator.bots(), generator.repeats(),
                generator.articlesReadInLastDay(), produceSeconds, total / produceSeconds));
        r.append("| reader of `pageviews` | time | views/s | views/s over the last 24 h of event time |\n|---|---:|---:|---:|\n");
        r.append(String.format(Locale.ROOT, "| (a) plain consumer, read_committed, Avro serde | %.1f s | %,.0f | |%n", rawSeconds, raw));
        r.append(row("(b) PopularityTopology, exactly_once_v2", popularity));
        r.append(row("(c) Streams 24h window hopping 1h, count(), exactly_once_v2", window));
        r.append(String.format(Locale.ROOT, "%nRatios: (b)/(a) = %.3f, (c)/(a) = %.3f, (b)/(c) = %.2f "
                        + "(over the last 24 h alone: (b)/(c) = %.2f)%n%n",
                pop / raw, win / raw, pop / win, popularity.lastDayPerSecond() / window.lastDayPerSecond()));
        r.append("Times for (b) and (c) run from the application being RUNNING to its committed offsets reaching the end "
                + "of the topic; the last-24h rate from the moment the committed offsets passed the views before it "
                + "(start-up before RUNNING: ")
                .append(String.format(Locale.ROOT, "%.1f s and %.1f s). ", popularity.startSeconds(), window.startSeconds()));
        if (popularity.laterStagesSeconds() > 0) {
            r.append(String.format(Locale.ROOT, "The ranking stage of (b), behind its repartition topic, had caught up %.1f s "
                    + "after the last view was committed (at least %.1f s are waited, for the once-a-second report to go out).",
                    popularity.laterStagesSeconds(), 1.5));
        }
        r.append("\n\n");
        r.append("| memory at the end of the replay | (b) popularity | (c) hopping count |\n|---|---:|---:|\n");
        r.append("| heap after GC, whole JVM (broker + registry included) | ").append(MemoryProbe.mb(popularity.heapBytes()))
                .append(" | ").append(MemoryProbe.mb(window.heapBytes())).append(" |\n");
        r.append("| heap after GC, increase while the application ran | ").append(MemoryProbe.mb(popularity.heapDeltaBytes()))
                .append(" | ").append(MemoryProbe.mb(window.heapDeltaBytes())).append(" |\n");
        r.append("| resident set (VmRSS), increase (RocksDB is off-heap) | ").append(MemoryProbe.mb(popularity.rssDeltaBytes()))
                .append(" | ").append(MemoryProbe.mb(window.rssDeltaBytes())).append(" |\n");
        r.append("| state directory on disk | ").append(MemoryProbe.mb(popularity.stateDirBytes()))
                .append(" | ").append(MemoryProbe.mb(window.stateDirBytes())).append(" |\n");
        r.append("| changelog + repartition topics on the broker | ").append(MemoryProbe.mb(popularity.changelogBytes()))
                .append(" | ").append(MemoryProbe.mb(window.changelogBytes())).append(" |\n\n");
        r.append("The resident-set increase holds RocksDB's native memory (block caches, memtables) and heap the JVM grew "
                + "to while processing and kept, so it is an upper bound of what the application needs.\n\n");
        r.append("Final \"all\" ranking: ").append(String.join("; ", top)).append(".\n");
        r.append("As generated (views of the last 24 h, no bots, no injected repeats; the window ends minutes later, "
                + "and the HLL visitor count is approximate): ").append(String.join("; ", expected)).append(".\n");
        return r.toString();
    }

    private static String row(String label, StreamsRun.Result result) {
        return result.completed()
                ? String.format(Locale.ROOT, "| %s | %.1f s | %,.0f | %,.0f |%n", label, result.processSeconds(),
                        result.recordsPerSecond(), result.lastDayPerSecond())
                : String.format(Locale.ROOT, "| %s | did not finish in the time limit | - | - |%n", label);
    }

    private static void deleteTree(Path dir) {
        if (!TempDirs.deleteTree(dir)) {
            System.err.println("could not delete " + dir);
        }
    }
}
