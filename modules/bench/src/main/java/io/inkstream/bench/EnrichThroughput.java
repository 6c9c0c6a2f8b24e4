package io.inkstream.bench;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.EnrichTopology;
import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.testkit.TempDirs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Enrich throughput (issue #4): articles per second the real EnrichTopology enriches once a corpus of
 * 10,000 articles (20 topics, published over the last 29 days, all inside the 30-day related window)
 * is already in its stores, on a real embedded broker and registry; the memory that corpus costs; and
 * the ratio to a pass-through topology (articles.ingested to another topic, the same Article serde,
 * exactly-once, the same properties) run afterwards over the same input topic in the same run.
 */
public final class EnrichThroughput {

    private static final Set<String> OPTIONS = Set.of("corpus", "articles", "max-seconds", "threads", "refresh");
    private static final String APP = "bench-enrich";

    private EnrichThroughput() {
    }

    public static void main(String[] argv) throws Exception {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int corpus = args.intValue("corpus", 10_000);
        int measured = args.intValue("articles", 200);
        int threads = args.intValue("threads", 1);
        // --refresh 0 turns off the refreshing of earlier related lists (decision 0033), for a same-run comparison
        int refreshMax = args.intValue("refresh", EnrichConfig.defaults().refresh().maxPerArticle());
        EnrichConfig.Refresh defaults = EnrichConfig.defaults().refresh();
        EnrichConfig config = EnrichConfig.defaults().withRefresh(new EnrichConfig.Refresh(refreshMax, defaults.minInterval(),
                defaults.minScore(), defaults.horizon()));
        // the window sizes to measure at: the 10,000, 30,000 and 100,000 up to the corpus, and the corpus
        java.util.TreeSet<Integer> checkpoints = new java.util.TreeSet<>();
        for (int c : new int[] {10_000, 30_000, 100_000}) {
            if (c < corpus) {
                checkpoints.add(c);
            }
        }
        checkpoints.add(corpus);
        Duration maxPhase = Duration.ofSeconds(args.intValue("max-seconds", 3600));
        Report report = new Report("Enrich throughput with a warm corpus (issue #4)", EnrichThroughput.class.getName(), args);

        try (BenchCluster cluster = BenchCluster.start()) {
            Topics topics = cluster.topics("enrich-");
            ServiceContext context = cluster.context(topics, "enrich", Map.of());
            Path stateDir = context.dataDir().resolve("streams").resolve(topics.prefix() + APP);
            String enrichedTopic = topics.articlesEnriched().name();
            String rejectedTopic = topics.wireRejected().name();
            // published over the 29 days up to now, as a live site's archive is: inside enrich's 30-day window
            // relative to stream time, which follows the records' timestamps (their write time, as from ingest)
            Instant now = Instant.now();
            Duration spacing = Duration.ofDays(29).dividedBy(corpus);
            Instant corpusStart = now.minus(Duration.ofDays(29));
            Deserializer<EnrichedArticle> enrichedValues = context.serdes().valueSerde(topics.articlesEnriched()).deserializer();
            AtomicInteger withRelated = new AtomicInteger();
            AtomicInteger relatedListed = new AtomicInteger();
            AtomicInteger refreshed = new AtomicInteger();

            long heapBefore = MemoryUse.heapAfterGc();
            long rssBefore = MemoryUse.residentSet();
            double corpusSeconds;
            double enrichSeconds;
            long heapCorpus;
            long rssCorpus;
            long stateBytes;
            long stateBytesClosed;
            long rejected;
            List<String> loadSteps = new java.util.ArrayList<>();
            java.util.TreeMap<Integer, Double> rates = new java.util.TreeMap<>();
            java.util.TreeMap<Integer, String> relatedEach = new java.util.TreeMap<>();
            try (Producer<String, Article> producer = producer(context, topics);
                 StreamsRunner enrich = new StreamsRunner("enrich",
                         EnrichTopology.build(config, topics, context.serdes()),
                         enrichProperties(context, threads), null);
                 TopicCounter output = new TopicCounter(cluster.bootstrapServers(), List.of(enrichedTopic, rejectedTopic),
                         (topic, value) -> {
                             if (topic.equals(enrichedTopic) && value != null) {
                                 EnrichedArticle e = enrichedValues.deserialize(topic, value);
                                 if (e.getRelatedUpdatedAt() != null) {
                                     refreshed.incrementAndGet();
                                     return false; // an earlier article's refreshed list, not an enriched article
                                 }
                                 int related = e.getRelated().size();
                                 relatedListed.addAndGet(related);
                                 withRelated.addAndGet(related > 0 ? 1 : 0);
                             }
                             return true;
                         })) {
                enrich.start();
                if (!enrich.awaitRunning(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("enrich did not reach RUNNING in 120 s");
                }
                Report.progress(String.format("enrich running; loading the corpus of %,d articles, measuring %,d new ones at %s",
                        corpus, measured, checkpoints));
                double loadNanos = 0;
                int loaded = 0;
                int measuredSoFar = 0;
                long stepStart = System.nanoTime();
                for (int tenth = 1; tenth <= 10; tenth++) {
                    int target = corpus * tenth / 10;
                    // the corpus in tenths, pausing at each checkpoint to measure a burst of new articles
                    while (loaded < target) {
                        int upTo = Math.min(target, nextCheckpoint(checkpoints, loaded, target));
                        long start = System.nanoTime();
                        send(producer, topics.articlesIngested().name(), loaded, upTo - loaded, n -> corpusStart.plus(spacing.multipliedBy(n)));
                        require(output.awaitTotal(upTo + measuredSoFar, maxPhase, "corpus"), "corpus load");
                        loadNanos += System.nanoTime() - start;
                        loaded = upTo;
                        if (checkpoints.contains(loaded)) {
                            Instant at = corpusStart.plus(spacing.multipliedBy(loaded));
                            int first = corpus + measuredSoFar;
                            withRelated.set(0);
                            relatedListed.set(0);
                            long burst = System.nanoTime();
                            send(producer, topics.articlesIngested().name(), first, measured, n -> at.plusMillis(n - first));
                            require(output.awaitTotal(loaded + measuredSoFar + measured, maxPhase, "enrich"), "enrich");
                            double seconds = (System.nanoTime() - burst) / 1e9;
                            measuredSoFar += measured;
                            rates.put(loaded, measured / seconds);
                            relatedEach.put(loaded, String.format("%d of %d, %.1f related each", withRelated.get(), measured,
                                    relatedListed.get() / (double) measured));
                            Report.progress(String.format("with %,d in the window: %s articles/s", loaded, Report.perSecond(measured / seconds)));
                            stepStart += System.nanoTime() - burst; // the burst is not corpus load
                        }
                    }
                    long reached = System.nanoTime();
                    loadSteps.add(String.format("%,d→%,d: %s/s", corpus * (tenth - 1) / 10, target,
                            Report.perSecond((corpus / 10.0) / ((reached - stepStart) / 1e9))));
                    stepStart = reached;
                }
                corpusSeconds = loadNanos / 1e9;
                heapCorpus = MemoryUse.heapAfterGc();
                rssCorpus = MemoryUse.residentSet();
                stateBytes = TempDirs.bytesUnder(stateDir);
                Report.progress(String.format("corpus loaded in %.1f s; heap after GC %s, state dir %s",
                        corpusSeconds, Report.mb(heapCorpus), Report.mb(stateBytes)));
                enrichSeconds = measured / rates.get(corpus);
                rejected = output.count(rejectedTopic);
                stateBytes = TempDirs.bytesUnder(stateDir);
            }
            stateBytesClosed = TempDirs.bytesUnder(stateDir); // after a clean close RocksDB has flushed its memtables

            Report.progress("enrich closed; pass-through baseline over the same articles.ingested");
            TopicSpec<Article> passOut = new TopicSpec<>(topics.prefix() + "bench.passthrough", Article.class, 3, "delete",
                    TopicSpec.INFINITE, Map.of());
            cluster.create(passOut);
            int total = corpus + measured * checkpoints.size();
            double passSeconds;
            try (TopicCounter output = new TopicCounter(cluster.bootstrapServers(), List.of(passOut.name()));
                 StreamsRunner passThrough = new StreamsRunner("pass-through", passThrough(topics, context, passOut),
                         context.streamsProperties("bench-pass-through"), null)) {
                passThrough.start();
                if (!passThrough.awaitRunning(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("pass-through did not reach RUNNING in 120 s");
                }
                long start = System.nanoTime();
                require(output.awaitTotal(total, maxPhase, "pass-through"), "pass-through");
                passSeconds = (System.nanoTime() - start) / 1e9;
            }

            double enrichRate = measured / enrichSeconds;
            double passRate = total / passSeconds;
            StringBuilder curve = new StringBuilder();
            rates.forEach((window, rate) -> curve.append(curve.length() == 0 ? "" : ", ")
                    .append(String.format("%,d: %s/s (%s)", window, Report.perSecond(rate), Report.ratio(rate / passRate))));
            report.columns("measure", "value");
            report.row("enrich, corpus of " + String.format("%,d", corpus) + " in the stores, " + threads + " stream thread(s)", Report.perSecond(enrichRate) + " articles/s");
            report.row("enrich by articles in the window (÷ pass-through)", curve);
            report.row("pass-through baseline (same input topic, serde, exactly-once)", Report.perSecond(passRate) + " articles/s");
            report.row("**enrich ÷ pass-through**", Report.ratio(enrichRate / passRate));
            report.row("corpus load, 0 to " + String.format("%,d", corpus) + " articles (average)",
                    Report.perSecond(corpus / corpusSeconds) + " articles/s (" + String.format("%.0f s", corpusSeconds) + ")");
            report.row("corpus load rate by tenth (stores filling up)", String.join(", ", loadSteps));
            report.row("heap after GC, before enrich → with the corpus", Report.mb(heapBefore) + " → " + Report.mb(heapCorpus)
                    + " (+" + Report.mb(heapCorpus - heapBefore) + ")");
            report.row("resident set of the JVM, before enrich → with the corpus", Report.mb(rssBefore) + " → " + Report.mb(rssCorpus));
            report.row("enrich state directory (RocksDB stores), running → after clean close",
                    Report.mb(stateBytes) + " → " + Report.mb(stateBytesClosed));
            report.row("measured articles given related news (check that the corpus is searched)", relatedEach.get(corpus));
            report.row("rejected by enrich", rejected);
            report.row("earlier lists refreshed (re-emitted, not counted above; at most " + refreshMax + " per article)",
                    refreshed.get());
            report.note("real embedded broker and registry (not TopologyTestDriver); one JVM holds broker, registry, enrich and driver,"
                    + " so heap and RSS include them: the 'before' figure is that fixed part");
            report.note("enrich rate = " + measured + " new articles written to articles.ingested until the last is committed on"
                    + " articles.enriched; pass-through rate = all " + String.format("%,d", total) + " records of articles.ingested,"
                    + " from RUNNING to the last committed output");
            report.note("enrich runs one task per articles.ingested partition (3) on " + threads + " stream thread(s), each"
                    + " searching the instance's index of the whole window (global store of enrich.fingerprints); the"
                    + " pass-through reads the same 3 partitions on 1 thread; both exactly_once_v2, 200 ms commit interval");
            report.print();
        }
    }

    /** The baseline: every record of articles.ingested, read and written again with the same serde. */
    private static Topology passThrough(Topics topics, ServiceContext context, TopicSpec<Article> out) {
        Serde<Article> articles = context.serdes().valueSerde(topics.articlesIngested());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.articlesIngested().name(), Consumed.with(context.serdes().keySerde(), articles))
                .to(out.name(), Produced.with(context.serdes().keySerde(), articles));
        return builder.build();
    }

    private static java.util.Properties enrichProperties(ServiceContext context, int threads) {
        java.util.Properties properties = context.streamsProperties(APP);
        properties.put("num.stream.threads", threads);
        return properties;
    }

    /** The next checkpoint after {@code loaded}, or {@code target} if none comes before it. */
    private static int nextCheckpoint(java.util.NavigableSet<Integer> checkpoints, int loaded, int target) {
        Integer next = checkpoints.higher(loaded);
        return next == null ? target : Math.min(next, target);
    }

    private static Producer<String, Article> producer(ServiceContext context, Topics topics) {
        java.util.Properties properties = context.producerProperties("bench-articles");
        // the driver writes a tenth of the corpus at once; on a shared, loaded machine the broker can stall
        // for longer than the services' 10 s delivery timeout, which must not end the run
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000);
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        return new KafkaProducer<>(properties, context.serdes().keySerde().serializer(),
                context.serdes().valueSerde(topics.articlesIngested()).serializer());
    }

    private static void send(Producer<String, Article> producer, String topic, int first, int count,
                             java.util.function.IntFunction<Instant> publishedAt) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int n = first; n < first + count; n++) {
            Article article = SyntheticArticles.article(n, publishedAt.apply(n));
            producer.send(new ProducerRecord<>(topic, article.getId(), article), (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("writing to " + topic + " failed", failure.get());
        }
    }

    private static void require(boolean done, String phase) {
        if (!done) {
            throw new IllegalStateException(phase + " did not finish within --max-seconds; no figures");
        }
    }
}
