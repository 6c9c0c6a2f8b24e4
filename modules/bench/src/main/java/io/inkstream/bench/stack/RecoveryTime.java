package io.inkstream.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.bench.DriverMain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Issue #16: time to recover from a crash with N articles and a day of views in the stores, measured. For each
 * size, on a fresh data directory: {@code inkstream up} as a process, N wire items through ingest's HTTP API and a
 * day of page views, waited for until every article is published and every count settled; then SIGKILL and a
 * restart on the same data directory, timed to {@code /health} 200, to a new item accepted and published, and to
 * popularity answering the loaded counts, with the changelog offsets the restart restored (from its log). The
 * first run is the same with an empty stack: the baseline every size is compared with. Prints a Markdown report.
 */
public final class RecoveryTime {

    private static final Duration POLL = PublishLatency.POLL;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** An article nobody viewed: what the empty baseline asks popularity for (its right count is 0). */
    private static final String UNVIEWED = "urn:inkstream:article:recovery-unviewed";

    /** One size's run: what was loaded, what it left on disk, and what the restart took (seconds from the restart). */
    record Row(int articles, long views, double freshStartSeconds, double publishSeconds, double loadSeconds,
               DiskUse dataDir, DiskUse broker, Map<String, Long> restoredByStore, Recovery recovery, String loadAverage) {

        long restored() {
            return RestoreLog.total(restoredByStore);
        }
    }

    /**
     * Seconds from the restart: until the HTTP server answers at all (it starts once the broker, the registry and the
     * services are started; what follows is the rest of restoring and rebalancing), until {@code /health} 200, until
     * a new item is accepted and then published, until popularity answers the loaded counts.
     */
    record Recovery(double serving, double health, double accepted, double published, double counts) {
    }

    private final RecoveryOptions options;
    private final PrintStream out;
    private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    /** The stack running now, for the shutdown hook: an interrupted run must not leave a JVM behind. */
    private final AtomicReference<StackProcess> running = new AtomicReference<>();

    private RecoveryTime(RecoveryOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        DriverMain.run(args, RecoveryOptions::parse, (options, commandLine) -> new RecoveryTime(options, System.out).run(commandLine));
    }

    private String run(String commandLine) throws Exception {
        out.println("Recovery benchmark: " + options.describe());
        Thread stopOnExit = new Thread(() -> {
            StackProcess stack = running.get();
            if (stack != null) {
                stack.close();
            }
        }, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        List<Row> rows = new ArrayList<>();
        try {
            rows.add(measure(0));
            for (int size : options.sizes()) {
                rows.add(measure(size));
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        return report(commandLine, rows);
    }

    private Row measure(int articles) throws Exception {
        long views = options.viewsFor(articles);
        Path work = Files.createTempDirectory("inkstream-recovery");
        out.printf(Locale.ROOT, "%n[%d articles] %,d views; stack data and logs in %s%n", articles, views, work);
        StackProcess stack = StackProcess.start(options.jar(), options.javaOpts(), work);
        running.set(stack);
        try {
            StackClient client = new StackClient(stack.baseUrl());
            double freshStart = awaitSeconds(stack, options.startTimeout(), "/health 200", () -> client.status("/health") == 200);
            out.printf(Locale.ROOT, "  [start] fresh stack (pid %d): /health 200 after %.1f s%n", stack.pid(), freshStart);

            WireItems items = new WireItems(run + "-" + articles, articles);
            Loaded loaded = load(stack, client, items, articles, views);
            DiskUse dataDir = DiskUse.of(stack.dataDir());
            DiskUse broker = DiskUse.of(stack.dataDir().resolve("kafka"));
            String loadAverage = loadAverage();
            out.printf(Locale.ROOT, "  [kill] loaded and settled in %.1f s; data directory %s of data, %s allocated (broker %s of data); "
                            + "load average %s; SIGKILL%n", loaded.seconds(), StackBenchmark.mb(dataDir.dataBytes()),
                    StackBenchmark.mb(dataDir.allocatedBytes()), StackBenchmark.mb(broker.dataBytes()), loadAverage);
            stack.kill();
            stack = stack.restart("stack-restart.log");
            running.set(stack);
            out.printf(Locale.ROOT, "  [restart] same data directory and ports (pid %d)%n", stack.pid());
            Recovery recovery = recover(stack, items, articles, loaded);
            Map<String, Long> restored = RestoreLog.offsetsByStore(Files.readAllLines(stack.log(), StandardCharsets.UTF_8));
            out.printf(Locale.ROOT, "  [restart] HTTP answers %.1f s, /health 200 %.1f s, new item 202 %.1f s, published %.1f s, "
                            + "counts right %.1f s; %,d changelog offsets restored%n", recovery.serving(), recovery.health(),
                    recovery.accepted(), recovery.published(), recovery.counts(), RestoreLog.total(restored));
            return new Row(articles, views, freshStart, loaded.publishSeconds(), loaded.seconds(), dataDir, broker, restored,
                    recovery, loadAverage);
        } catch (Exception e) {
            out.println("FAILED: " + e.getMessage() + "\nLast lines of " + stack.log() + ":");
            StackBenchmark.tail(stack.log(), 30).forEach(l -> out.println("  " + l));
            throw e;
        } finally {
            stack.close();
            running.set(null);
            if (!options.keep()) {
                StackBenchmark.deleteTree(work);
            }
        }
    }

    /** What a run loaded: the articles (in item order), the views each got, and how long loading took. */
    private record Loaded(List<String> ids, int[] expectedViews, double publishSeconds, double seconds) {
    }

    /** The items posted and published, then the views written and counted: the stack settled, nothing in flight. */
    private Loaded load(StackProcess stack, StackClient client, WireItems items, int articles, long views) throws Exception {
        long started = System.nanoTime();
        List<String> ids = postItems(stack, client, items, articles);
        awaitPublished(stack, client, ids);
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        List<String> sections = new ArrayList<>();
        for (int n = 0; n < articles; n++) {
            sections.add(WireItems.section(n));
        }
        int[] expected = new DayOfViews(out).produce(stack, ids, sections, views, options.maxPhase());
        awaitCounted(stack, client, ids, expected);
        return new Loaded(ids, expected, publishSeconds, (System.nanoTime() - started) / 1e9);
    }

    /** Posts the items from a few concurrent clients, as wire feeds would; their article ids, in item order. */
    private List<String> postItems(StackProcess stack, StackClient client, WireItems items, int count) throws Exception {
        if (count == 0) {
            return List.of();
        }
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger posted = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + options.maxPhase().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            clients.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count && System.nanoTime() < deadline; n = next.getAndIncrement()) {
                    String json;
                    synchronized (items) {
                        json = items.item(n);
                    }
                    ids[n] = client.ingest(json);
                    posted.incrementAndGet();
                }
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            requireAlive(stack);
            out.printf(Locale.ROOT, "  [items] %,d / %,d accepted (202)%n", posted.get(), count);
        }
        for (Future<?> c : clients) {
            c.get(); // a refused item fails the run: the figures would not be for the size asked
        }
        if (posted.get() < count) {
            throw new IllegalStateException("only " + posted.get() + " of " + count + " items posted within " + options.maxPhase().toSeconds() + " s");
        }
        out.printf(Locale.ROOT, "  [items] %,d accepted in %.1f s (%d clients)%n", count, (System.nanoTime() - started) / 1e9, options.clients());
        return List.of(ids);
    }

    /** Until every article's API answers 200: enrich is the slow stage, so this is most of a size's load time. */
    private void awaitPublished(StackProcess stack, StackClient client, List<String> ids) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + options.maxPhase().toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        for (int i = 0; i < ids.size(); i++) {
            while (client.status("/api/v1/articles/" + ids.get(i)) != 200) {
                requireAlive(stack);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(i + " of " + ids.size() + " articles published within " + options.maxPhase().toSeconds() + " s");
                }
                if (System.nanoTime() >= nextProgress) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf(Locale.ROOT, "  [publish] %,d / %,d articles published (%.1f/s)%n", i, ids.size(), i / seconds);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        if (!ids.isEmpty()) {
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "  [publish] all %,d published %.1f s after the last 202 (%.1f articles/s)%n", ids.size(), seconds, ids.size() / seconds);
        }
    }

    /** Until popularity counts every view of every article, exactly: a count above what was sent fails the run. */
    private void awaitCounted(StackProcess stack, StackClient client, List<String> ids, int[] expected) throws Exception {
        long started = System.nanoTime();
        long deadline = started + options.maxPhase().toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        for (int i = 0; i < ids.size(); i++) {
            long views = views(client, ids.get(i));
            while (views != expected[i]) {
                if (views > expected[i]) {
                    throw new IllegalStateException("popularity counts " + views + " views of " + ids.get(i) + ", " + expected[i] + " were sent");
                }
                requireAlive(stack);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(ids.get(i) + " counted " + views + " of " + expected[i] + " views after "
                            + options.maxPhase().toSeconds() + " s");
                }
                if (System.nanoTime() >= nextProgress) {
                    out.printf(Locale.ROOT, "  [counts] %,d / %,d articles counted in full%n", i, ids.size());
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
                Thread.sleep(POLL.toMillis());
                views = views(client, ids.get(i));
            }
        }
        if (!ids.isEmpty()) {
            out.printf(Locale.ROOT, "  [counts] every article's count equals the views sent, %.1f s after the last was acknowledged%n",
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Times the restarted stack, each from the restart, all polled at once: the HTTP server's first answer and
     * {@code /health} 200; a new wire item accepted (posted again until 202) and its article then published;
     * popularity answering the counts of the first, middle and last loaded article as they were before the kill.
     */
    private Recovery recover(StackProcess stack, WireItems items, int articles, Loaded loaded) throws Exception {
        List<String> ids = loaded.ids();
        int[] expected = loaded.expectedViews();
        StackClient client = new StackClient(stack.baseUrl());
        String newItem = items.item(articles);
        List<Integer> sample = new ArrayList<>(new TreeSet<>(List.of(0, articles / 2, Math.max(0, articles - 1))));
        // serving, health, accepted, published, counts; each written by one probe, read once the probes are done
        double[] seconds = {-1, -1, -1, -1, -1};
        ExecutorService probes = Executors.newFixedThreadPool(3);
        Future<?> health = probes.submit(() -> {
            seconds[0] = awaitSeconds(stack, options.maxPhase(), "an HTTP answer", () -> client.status("/health") != -1);
            seconds[1] = awaitSeconds(stack, options.maxPhase(), "/health 200", () -> client.status("/health") == 200);
            return null;
        });
        Future<?> item = probes.submit(() -> {
            AtomicReference<String> id = new AtomicReference<>();
            seconds[2] = awaitSeconds(stack, options.maxPhase(), "a new item accepted", () -> {
                try {
                    id.set(client.ingest(newItem));
                    return true;
                } catch (IOException e) {
                    return false; // not listening yet, or 503 while the broker is not there: the same item again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            seconds[3] = awaitSeconds(stack, options.maxPhase(), "the new item published",
                    () -> client.status("/api/v1/articles/" + id.get()) == 200);
            return null;
        });
        Future<?> counts = probes.submit(() -> {
            seconds[4] = awaitSeconds(stack, options.maxPhase(), "popularity's counts", () -> {
                if (articles == 0) {
                    return views(client, UNVIEWED) == 0;
                }
                return sample.stream().allMatch(i -> views(client, ids.get(i)) == expected[i]);
            });
            return null;
        });
        probes.shutdown();
        try {
            while (!probes.awaitTermination(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                out.printf(Locale.ROOT, "  [restart] %.0f s: /health %s%s%s%s%n", (System.nanoTime() - stack.startedNanos()) / 1e9,
                        healthSummary(client.jsonAnyStatus("/health")), seconds[2] >= 0 ? "; new item accepted" : "",
                        seconds[3] >= 0 ? "; published" : "", seconds[4] >= 0 ? "; counts right" : "");
                for (Future<?> f : List.of(health, item, counts)) {
                    if (f.isDone()) {
                        f.get(); // a probe that failed ends the run now, not when the others time out
                    }
                }
            }
            for (Future<?> f : List.of(health, item, counts)) {
                f.get();
            }
        } finally {
            probes.shutdownNow();
        }
        return new Recovery(seconds[0], seconds[1], seconds[2], seconds[3], seconds[4]);
    }

    /** "RESTORING (popularity 1,000 / 25,000 offsets)": the state and, per service restoring, its offsets so far. */
    private static String healthSummary(JsonNode health) {
        if (health == null) {
            return "not answering";
        }
        StringBuilder s = new StringBuilder(health.path("status").asText());
        List<String> restoring = new ArrayList<>();
        health.path("progress").fields().forEachRemaining(service -> {
            long restored = 0;
            long total = 0;
            for (JsonNode store : service.getValue()) {
                restored += store.path("restored").asLong();
                total += store.path("total").asLong();
            }
            restoring.add(String.format(Locale.ROOT, "%s %,d / %,d offsets", service.getKey(), restored, total));
        });
        if (!restoring.isEmpty()) {
            s.append(" (").append(String.join(", ", restoring)).append(')');
        }
        return s.toString();
    }

    /** Views popularity counts for an article now; -1 while it does not answer 200. */
    private static long views(StackClient client, String articleId) {
        try {
            JsonNode answer = client.json("/v1/popular/articles/" + articleId);
            return answer == null ? -1 : answer.path("views").asLong(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Seconds from the stack's start until {@code done}, polled every 50 ms; fails when the stack dies or time runs out. */
    private static double awaitSeconds(StackProcess stack, Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = stack.startedNanos() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return (System.nanoTime() - stack.startedNanos()) / 1e9;
            }
            requireAlive(stack);
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("no " + what + " within " + limit.toSeconds() + " s of the start");
    }

    private static void requireAlive(StackProcess stack) {
        if (!stack.alive()) {
            throw new IllegalStateException("the stack exited (log " + stack.log() + ")");
        }
    }

    /**
     * A directory's size two ways, from {@code find -printf '%s %b'}: the data in its files (each file's size, or its
     * allocated blocks when fewer: the broker's index files are sparse) and the space allocated on disk (what du
     * counts: RocksDB preallocates a 4 MB MANIFEST per store while it is open, so even an empty stack takes over 200 MB).
     */
    record DiskUse(long dataBytes, long allocatedBytes) {

        static DiskUse of(Path dir) {
            try {
                Process find = new ProcessBuilder("find", dir.toString(), "-type", "f", "-printf", "%s %b\\n").start();
                long data = 0;
                long allocated = 0;
                for (String line : new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] sizeAndBlocks = line.trim().split(" ");
                    if (sizeAndBlocks.length == 2) {
                        long size = Long.parseLong(sizeAndBlocks[0]);
                        long onDisk = Long.parseLong(sizeAndBlocks[1]) * 512;
                        data += Math.min(size, onDisk);
                        allocated += onDisk;
                    }
                }
                // Files the stack deletes while find walks make it exit 1; the sum of the others still stands.
                find.waitFor();
                return new DiskUse(data, allocated);
            } catch (IOException | NumberFormatException e) {
                return new DiskUse(-1, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DiskUse(-1, -1);
            }
        }
    }

    /** The machine's 1-minute load average: on a shared machine, what else ran while a row was measured. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private String report(String commandLine, List<Row> rows) {
        Row baseline = rows.get(0);
        StringBuilder r = new StringBuilder();
        r.append("## Recovery after SIGKILL (issue #16)\n\n");
        r.append("Measured ").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (load driver and stack on the same machine), Java ").append(System.getProperty("java.version"))
                .append("; stack started as `java ").append(options.javaOpts())
                .append(" -jar inkstream.jar up`, each size on a fresh data directory, killed with SIGKILL once loaded and settled, ")
                .append("restarted on the same data directory and ports.\n\n");
        r.append("```\njava -cp modules/bench/target/benchmarks.jar io.inkstream.bench.stack.RecoveryTime")
                .append(commandLine.isBlank() ? "" : " " + commandLine).append("\n```\n\n");
        r.append("Seconds from the restart (ratio to the empty stack's restart):\n\n");
        r.append("| articles | page views | restart → HTTP answers | → /health 200 | → a new item accepted (202) "
                + "| → that item published (API 200) | → popularity answers the loaded counts | changelog offsets restored |\n"
                + "|---:|---:|---|---|---|---|---|---:|\n");
        Recovery base = baseline.recovery();
        for (Row row : rows) {
            Recovery rec = row.recovery();
            boolean isBaseline = row == baseline;
            r.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s | %s | %,d |%n", row.articles(), row.views(),
                    timed(rec.serving(), base.serving(), isBaseline), timed(rec.health(), base.health(), isBaseline),
                    timed(rec.accepted(), base.accepted(), isBaseline), timed(rec.published(), base.published(), isBaseline),
                    timed(rec.counts(), base.counts(), isBaseline), row.restored()));
        }
        r.append("\nWhat each run loaded first (items through `POST /v1/items`, views written to `pageviews` over the ")
                .append(DayOfViews.SPAN.toHours()).append(" hours of event time before the load, one new visitor each):\n\n");
        r.append("| articles | page views | fresh start → /health 200 | items posted until all published | articles/s through the pipeline "
                + "| load until published and counted | data directory before the kill: data / allocated | of it the broker's data "
                + "| load average (1 min) at the kill |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            r.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f s | %.1f s | %s | %.1f s | %s / %s | %s | %s |%n", row.articles(),
                    row.views(), row.freshStartSeconds(), row.publishSeconds(),
                    row.articles() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", row.articles() / row.publishSeconds()),
                    row.loadSeconds(), StackBenchmark.mb(row.dataDir().dataBytes()), StackBenchmark.mb(row.dataDir().allocatedBytes()),
                    StackBenchmark.mb(row.broker().dataBytes()), row.loadAverage()));
        }
        TreeSet<String> stores = new TreeSet<>();
        rows.forEach(row -> stores.addAll(row.restoredByStore().keySet()));
        if (!stores.isEmpty()) {
            r.append("\nChangelog offsets restored per store (service and store, from the restart's log, summed over partitions):\n\n| store |");
            rows.forEach(row -> r.append(String.format(Locale.ROOT, " %,d articles |", row.articles())));
            r.append("\n|---|").append("---:|".repeat(rows.size())).append('\n');
            for (String store : stores) {
                r.append("| ").append(store).append(" |");
                rows.forEach(row -> r.append(String.format(Locale.ROOT, " %,d |", row.restoredByStore().getOrDefault(store, 0L))));
                r.append('\n');
            }
        }
        r.append("\nTimes are from just before the restarted process was started, polled every ").append(POLL.toMillis())
                .append(" ms. \"HTTP answers\" is the first answer of any status from `/health`: the HTTP server starts once the ")
                .append("broker, the registry and the services are started (their stores may be restoring already), so what follows is ")
                .append("the rest of restoring and rebalancing. \"A new item\" is posted again until ingest answers 202. The counts are those of the first, middle ")
                .append("and last loaded article (the empty stack: an article nobody viewed, 0), right when all equal the views sent. ")
                .append("Restored offsets include transaction markers.\n");
        return r.toString();
    }

    private static String timed(double seconds, double baselineSeconds, boolean isBaseline) {
        if (isBaseline) {
            return String.format(Locale.ROOT, "%.1f s (baseline)", seconds);
        }
        return String.format(Locale.ROOT, "%.1f s (%.2f×)", seconds, seconds / baselineSeconds);
    }
}
