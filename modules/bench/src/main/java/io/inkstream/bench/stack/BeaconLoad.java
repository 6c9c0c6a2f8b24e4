package io.inkstream.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Page views through {@code POST /v1/beacon} at increasing steady rates, while a probe measures how far
 * the ranking trails real time: one article gets a quarter of all views, each from a new visitor (so
 * each counts), and the ranking's lag is the age of the oldest acknowledged view of it that the ranking
 * ({@code /v1/popular}) does not show yet; the same for the counting stage ({@code /v1/popular/articles/{id}}).
 */
final class BeaconLoad {

    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    private static final Duration TICK = Duration.ofMillis(5);
    static final int MAX_IN_FLIGHT = 512;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    /** One rate's outcome. */
    record Step(int target, double acceptedPerSecond, long accepted, long rejected, long dropped, LatencySummary response, LatencySummary rankingLag,
                LatencySummary countLag, long maxComputedAtAgeMs, double catchUpSeconds, long peakRssBytes, boolean sustained) {
    }

    private final StackClient client;
    private final StackProcess stack;
    private final StackOptions options;
    private final PrintStream out;
    private final String probe;
    private final List<String> others;
    private final String run;
    private final AtomicLong visitors = new AtomicLong();
    /** Acknowledgement times (System.nanoTime) of the probe article's views, in acknowledgement order. */
    private long[] probeAcks = new long[1 << 14];
    private int probeAcked;

    BeaconLoad(StackClient client, StackProcess stack, StackOptions options, PrintStream out, List<String> articles, String run) {
        if (articles.size() < 2) {
            throw new IllegalArgumentException("the beacon load needs at least two published articles");
        }
        this.client = client;
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.probe = articles.get(0);
        this.others = articles.subList(1, articles.size());
        this.run = run;
    }

    /** Tries each rate in turn; stops after a rate the stack cannot keep up with even on median. */
    List<Step> run() throws InterruptedException {
        out.println("[beacon] probe article " + probe + ", " + others.size() + " other articles; rates " + options.rates());
        List<Step> steps = new ArrayList<>();
        for (int rate : options.rates()) {
            Step step = step(rate);
            steps.add(step);
            out.printf(Locale.ROOT, "[beacon] %d/s target: %.0f/s accepted, %d rejected, %d not sent (at most %d in flight); "
                            + "response %s; ranking lag %s; count lag %s; computedAt age max %d ms; caught up %.1f s after; %s%n",
                    rate, step.acceptedPerSecond(), step.rejected(), step.dropped(), MAX_IN_FLIGHT, step.response().brief(),
                    step.rankingLag().brief(),
                    step.countLag().brief(), step.maxComputedAtAgeMs(), step.catchUpSeconds(),
                    step.sustained() ? "SUSTAINED" : "not sustained");
            if (!stack.alive() || step.rankingLag().p50() >= options.maxLag().toMillis()
                    || step.acceptedPerSecond() < 0.9 * rate || step.catchUpSeconds() < 0) {
                break;
            }
        }
        return steps;
    }

    private Step step(int rate) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ConcurrentLinkedQueue<Long> responses = new ConcurrentLinkedQueue<>();
        long dropped = 0;
        List<Long> rankingLags = new ArrayList<>();
        List<Long> countLags = new ArrayList<>();
        long maxComputedAge = 0;
        long peakRss = stack.residentBytes();

        long started = System.nanoTime();
        long end = started + options.step().toNanos();
        long nextProbe = started + PROBE_EVERY.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - started) / 1e9 * rate) - sent;
            for (long i = 0; i < due; i++, sent++) {
                if (!inFlight.tryAcquire()) {
                    dropped++;
                    continue;
                }
                boolean toProbe = sent % 4 == 0;
                String article = toProbe ? probe : others.get((int) (sent % others.size()));
                String visitor = "b" + run + "-" + visitors.incrementAndGet();
                long sentAt = System.nanoTime();
                client.beacon(article, visitor).whenComplete((status, error) -> {
                    long at = System.nanoTime();
                    inFlight.release();
                    responses.add((at - sentAt) / 1_000_000);
                    if (error == null && status == 204) {
                        accepted.incrementAndGet();
                        if (toProbe) {
                            probeAcked(at);
                        }
                    } else {
                        rejected.incrementAndGet();
                    }
                });
            }
            if (System.nanoTime() >= nextProbe) {
                long[] sample = probeLags();
                if (sample != null) {
                    rankingLags.add(sample[0]);
                    countLags.add(sample[1]);
                    maxComputedAge = Math.max(maxComputedAge, sample[2]);
                }
                peakRss = Math.max(peakRss, stack.residentBytes());
                nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
            }
            TimeUnit.NANOSECONDS.sleep(TICK.toNanos());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        inFlight.tryAcquire(MAX_IN_FLIGHT, 15, TimeUnit.SECONDS);
        double catchUp = awaitCaughtUp();
        LatencySummary ranking = LatencySummary.of(rankingLags);
        LatencySummary count = LatencySummary.of(countLags);
        double acceptedRate = accepted.get() / seconds;
        boolean sustained = catchUp >= 0 && ranking.count() > 0 && ranking.max() < options.maxLag().toMillis()
                && acceptedRate >= 0.95 * rate && rejected.get() + dropped <= 0.01 * sent;
        return new Step(rate, acceptedRate, accepted.get(), rejected.get(), dropped, LatencySummary.of(responses), ranking, count, maxComputedAge, catchUp,
                peakRss, sustained);
    }

    private synchronized void probeAcked(long at) {
        if (probeAcked == probeAcks.length) {
            probeAcks = Arrays.copyOf(probeAcks, probeAcks.length * 2);
        }
        probeAcks[probeAcked++] = at;
    }

    /** How long ago the oldest acknowledged view missing from {@code counted} was acknowledged (0: none missing). */
    private synchronized long lagMillis(long counted, long now) {
        return counted >= probeAcked ? 0 : (now - probeAcks[(int) counted]) / 1_000_000;
    }

    private synchronized int acked() {
        return probeAcked;
    }

    /** [ranking lag ms, counting-stage lag ms, age of the ranking's computedAt ms], or null if the stack did not answer. */
    private long[] probeLags() {
        try {
            JsonNode ranking = client.json("/v1/popular?scope=all&limit=50");
            JsonNode counts = client.json("/v1/popular/articles/" + probe);
            long now = System.nanoTime();
            long nowWall = System.currentTimeMillis();
            if (ranking == null || counts == null) {
                return null;
            }
            long ranked = 0;
            for (JsonNode entry : ranking.path("entries")) {
                if (probe.equals(entry.path("articleId").asText())) {
                    ranked = entry.path("views").asLong();
                }
            }
            long computedAge = nowWall - Instant.parse(ranking.path("computedAt").asText()).toEpochMilli();
            return new long[]{lagMillis(ranked, now), lagMillis(counts.path("views").asLong(), now), computedAge};
        } catch (Exception e) {
            return null;
        }
    }

    /** Seconds until the ranking shows every acknowledged probe view; -1 if it does not within the limit. */
    private double awaitCaughtUp() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + CATCH_UP.toNanos();
        int target = acked();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode ranking = client.json("/v1/popular?scope=all&limit=50");
                if (ranking != null) {
                    for (JsonNode entry : ranking.path("entries")) {
                        if (probe.equals(entry.path("articleId").asText()) && entry.path("views").asLong() >= target) {
                            return (System.nanoTime() - started) / 1e9;
                        }
                    }
                }
            } catch (Exception e) {
                // not answering right now: try again
            }
            Thread.sleep(PublishLatency.POLL.toMillis());
        }
        return -1;
    }
}
