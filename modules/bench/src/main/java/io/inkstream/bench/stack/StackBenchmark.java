package io.inkstream.bench.stack;

import io.inkstream.bench.DriverMain;
import io.inkstream.testkit.TempDirs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #7: the whole stack as a user runs it ({@code java -jar inkstream.jar up}, a separate process
 * on free loopback ports and a fresh data directory): time until it serves, its resident memory idle and
 * under load, wire item to published page latency under a steady ingest, and the page-view rate the
 * beacon sustains with the ranking within two seconds of real time. Prints a Markdown report at the end.
 */
public final class StackBenchmark {

    private final StackOptions options;
    private final PrintStream out;

    private StackBenchmark(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        DriverMain.run(args, StackOptions::parse, (options, commandLine) -> new StackBenchmark(options, System.out).run(commandLine));
    }

    private String run(String commandLine) throws Exception {
        Path work = Files.createTempDirectory("inkstream-stack");
        out.println("Whole-stack benchmark: " + options.describe());
        out.println("Stack data and log in " + work);
        StackProcess stack = StackProcess.start(options, work);
        Thread stopOnExit = new Thread(stack::close, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return measure(stack, commandLine);
        } catch (RuntimeException | InterruptedException e) {
            out.println("FAILED: " + e.getMessage() + "\nLast lines of " + stack.log() + ":");
            tail(stack.log(), 30).forEach(l -> out.println("  " + l));
            throw e;
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            if (!options.keep()) {
                deleteTree(work);
            }
        }
    }

    private String measure(StackProcess stack, String commandLine) throws Exception {
        StackClient client = new StackClient(stack.baseUrl());
        out.println("[start] java " + options.javaOpts() + " -jar " + options.jar() + " up (pid " + stack.pid() + ")");
        double ready = awaitOk(stack, client, "/health/ready");
        double home = awaitOk(stack, client, "/");
        out.printf(Locale.ROOT, "[start] /health/ready 200 after %.1f s, / 200 after %.1f s%n", ready, home);

        long rssAtReady = stack.residentBytes();
        Thread.sleep(options.idle().toMillis());
        long rssIdle = stack.residentBytes();
        out.printf("[idle] RSS %s at ready, %s after %d s idle%n", mb(rssAtReady), mb(rssIdle), options.idle().toSeconds());

        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        PeakSampler publishPeak = PeakSampler.start(stack);
        PublishLatency.Result publish = new PublishLatency(client, out).run(new WireItems(run, 7), options.items(), options.itemsPerSecond());
        long rssPublish = publishPeak.stop();
        out.println("[publish] peak RSS " + mb(rssPublish));

        List<BeaconLoad.Step> steps = List.of();
        if (publish.articleIds().size() >= 2) {
            steps = new BeaconLoad(client, stack, options, out, publish.articleIds(), run).run();
        } else {
            out.println("[beacon] skipped: fewer than two articles were published");
        }
        long rssEnd = stack.residentBytes();

        long stopping = System.nanoTime();
        stack.close();
        double stopSeconds = (System.nanoTime() - stopping) / 1e9;
        out.printf(Locale.ROOT, "[stop] stopped in %.1f s%n", stopSeconds);
        return report(commandLine, ready, home, rssAtReady, rssIdle, publish, rssPublish, steps, rssEnd, stopSeconds);
    }

    /** Seconds from the process start until {@code path} answers 200. */
    private double awaitOk(StackProcess stack, StackClient client, String path) throws InterruptedException {
        long deadline = stack.startedNanos() + options.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.alive()) {
                throw new IllegalStateException("the stack exited before serving " + path);
            }
            if (client.status(path) == 200) {
                return (System.nanoTime() - stack.startedNanos()) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(path + " did not answer 200 within " + options.startTimeout().toSeconds() + " s");
    }

    private String report(String commandLine, double ready, double home, long rssAtReady, long rssIdle,
                          PublishLatency.Result publish, long rssPublish, List<BeaconLoad.Step> steps, long rssEnd,
                          double stopSeconds) {
        StringBuilder r = new StringBuilder();
        r.append("## Whole stack (issue #7)\n\n");
        r.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (load driver and stack on the same machine), Java ")
                .append(System.getProperty("java.version")).append("; stack started as `java ").append(options.javaOpts())
                .append(" -jar inkstream.jar up` on free ports with an empty data directory.\n\n");
        r.append("```\njava -cp modules/bench/target/benchmarks.jar io.inkstream.bench.stack.StackBenchmark")
                .append(commandLine.isBlank() ? "" : " " + commandLine).append("\n```\n\n");
        r.append("| measure | value |\n|---|---|\n");
        r.append(String.format(Locale.ROOT, "| start to first 200 on /health/ready | %.1f s |%n", ready));
        r.append(String.format(Locale.ROOT, "| start to first 200 on / | %.1f s |%n", home));
        r.append("| resident memory (VmRSS) when ready | ").append(mb(rssAtReady)).append(" |\n");
        r.append("| resident memory idle (").append(options.idle().toSeconds()).append(" s after ready) | ").append(mb(rssIdle)).append(" |\n");
        r.append("| resident memory, peak during the ingest load | ").append(mb(rssPublish)).append(" |\n");
        long beaconPeak = steps.stream().mapToLong(BeaconLoad.Step::peakRssBytes).max().orElse(-1);
        r.append("| resident memory, peak during the beacon load | ").append(mb(beaconPeak)).append(" |\n");
        r.append("| resident memory at the end | ").append(mb(rssEnd)).append(" |\n");
        r.append(String.format(Locale.ROOT, "| wire item accepted (POST /v1/items 202) | %s |%n", publish.accepted().brief()));
        r.append(String.format(Locale.ROOT, "| wire item to published page (canonical page 200), %s items/s | %s%s |%n",
                trim(options.itemsPerSecond()), publish.published().brief(),
                publish.failed() > 0 ? ", " + publish.failed() + " not published within 60 s" : ""));
        r.append(String.format(Locale.ROOT, "| stop (SIGTERM to exit) | %.1f s |%n%n", stopSeconds));
        r.append("Publish latency is timed from just before the POST until the page answers 200, polling every ")
                .append(PublishLatency.POLL.toMillis()).append(" ms (the resolution).\n\n");

        if (!steps.isEmpty()) {
            r.append("Beacon load (`POST /v1/beacon`, every view a new visitor; a quarter of them on one probe article). ")
                    .append("Ranking lag = age of the oldest acknowledged probe view that `/v1/popular` does not count yet, ")
                    .append("sampled every 250 ms; count lag the same for `/v1/popular/articles/{id}`. A rate is sustained when ")
                    .append("the ranking lag stays under ").append(options.maxLag().toMillis()).append(" ms for ")
                    .append(options.step().toSeconds()).append(" s and at least 95% of the views are accepted; ")
                    .append("\"not sent\" counts views the driver skipped because ").append(BeaconLoad.MAX_IN_FLIGHT)
                    .append(" beacons were already waiting for an answer (the HTTP side saturated; the driver shares the cores).\n\n");
            r.append("| target views/s | accepted views/s | rejected / not sent | beacon response p50 / p99 | ranking lag p50 / p99 / max "
                    + "| count lag p50 / max | ranking computedAt age max | peak RSS | sustained |\n"
                    + "|---:|---:|---:|---|---|---|---:|---:|---|\n");
            for (BeaconLoad.Step s : steps) {
                r.append(String.format(Locale.ROOT, "| %d | %.0f | %d / %d | %d / %d ms | %d / %d / %d ms | %d / %d ms | %d ms | %s | %s |%n",
                        s.target(), s.acceptedPerSecond(), s.rejected(), s.dropped(), s.response().p50(), s.response().p99(),
                        s.rankingLag().p50(), s.rankingLag().p99(),
                        s.rankingLag().max(), s.countLag().p50(), s.countLag().max(), s.maxComputedAtAgeMs(),
                        mb(s.peakRssBytes()), s.sustained() ? "yes" : "no"));
            }
            int best = steps.stream().filter(BeaconLoad.Step::sustained).mapToInt(BeaconLoad.Step::target).max().orElse(0);
            r.append("\nHighest sustained rate: **").append(best > 0 ? best + " views/s" : "none of the rates tried").append("**");
            if (best > 0 && best == options.rates().get(options.rates().size() - 1)) {
                r.append(" (the highest rate tried; pass higher `--rates` to find the limit)");
            }
            r.append(".\n");
            steps.stream().filter(s -> !s.sustained()).findFirst()
                    .filter(s -> s.rankingLag().count() > 0 && s.rankingLag().max() < options.maxLag().toMillis())
                    .ifPresent(s -> r.append(String.format(Locale.ROOT, "At %d views/s the ranking still kept within %d ms; "
                                    + "what gave was taking the beacons in (%.0f accepted/s, response p50 %d ms).%n",
                            s.target(), s.rankingLag().max(), s.acceptedPerSecond(), s.response().p50())));
        }
        return r.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** The last lines of a stack's log, to show why a run failed. */
    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    static void deleteTree(Path dir) {
        if (!TempDirs.deleteTree(dir)) {
            System.err.println("could not delete " + dir);
        }
    }

    /** Highest resident memory of the stack seen by a background sampler (every 500 ms). */
    private static final class PeakSampler {
        private final AtomicLong peak = new AtomicLong(-1);
        private final Thread thread;

        private PeakSampler(StackProcess stack) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(stack.residentBytes(), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
        }

        static PeakSampler start(StackProcess stack) {
            PeakSampler s = new PeakSampler(stack);
            s.thread.start();
            return s;
        }

        long stop() throws InterruptedException {
            thread.interrupt();
            thread.join(2000);
            return peak.get();
        }
    }
}
