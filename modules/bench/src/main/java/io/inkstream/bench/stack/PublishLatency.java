package io.inkstream.bench.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wire item to published page: items are POSTed at a steady rate, and each is timed from just before
 * its POST until its canonical page answers 200 (the page path is found through the ninjs API, which
 * reads the same store as the pages). The poll interval bounds the resolution.
 */
final class PublishLatency {

    static final Duration POLL = Duration.ofMillis(50);
    private static final Duration ITEM_TIMEOUT = Duration.ofSeconds(60);

    /** What the phase measured, and the articles it published (the beacon phase reads them). */
    record Result(LatencySummary accepted, LatencySummary published, int failed, List<String> articleIds, double seconds) {
    }

    private final StackClient client;
    private final PrintStream out;

    PublishLatency(StackClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    Result run(WireItems items, int count, double perSecond) throws InterruptedException {
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> published = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        // Enough threads that a slow item never delays the next one's POST.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(8, (int) Math.ceil(perSecond * 10)));
        long intervalNanos = (long) (1e9 / perSecond);
        long started = System.nanoTime();
        List<Future<?>> pending = new ArrayList<>();
        out.printf(Locale.ROOT, "[publish] %d wire items at %.1f/s, each timed until its page answers 200%n", count, perSecond);
        for (int n = 0; n < count; n++) {
            long due = started + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String json = items.item(n);
            pending.add(pool.submit(() -> {
                try {
                    long t0 = System.nanoTime();
                    String id = client.ingest(json);
                    accepted.add((System.nanoTime() - t0) / 1_000_000);
                    if (awaitPage(id, t0)) {
                        published.add((System.nanoTime() - t0) / 1_000_000);
                        ids.add(id);
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    out.println("  [publish] item failed: " + e.getMessage());
                }
            }));
            if ((n + 1) % 25 == 0) {
                out.printf(Locale.ROOT, "  [publish] %d / %d items sent, %d pages up%n", n + 1, count, published.size());
            }
        }
        for (Future<?> f : pending) {
            try {
                f.get(ITEM_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        Result result = new Result(LatencySummary.of(accepted), LatencySummary.of(published), failed.get(),
                List.copyOf(ids), seconds);
        out.println("[publish] accepted (202): " + result.accepted().brief());
        out.println("[publish] page answers 200: " + result.published().brief() + (failed.get() > 0 ? ", " + failed.get() + " failed" : ""));
        return result;
    }

    private boolean awaitPage(String articleId, long t0) throws Exception {
        long deadline = t0 + ITEM_TIMEOUT.toNanos();
        String path = null;
        while (System.nanoTime() < deadline) {
            if (path == null) {
                Optional<String> p = client.canonicalPath(articleId);
                path = p.orElse(null);
            }
            if (path != null && client.status(path) == 200) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }
}
