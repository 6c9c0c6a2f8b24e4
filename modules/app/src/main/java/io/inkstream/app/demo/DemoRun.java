package io.inkstream.app.demo;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code up --demo} against a running site: sends the demo wire feed to ingest over HTTP (all but
 * the newest few stories, re-timed to the last days), starts simulated readers on the beacon, then
 * publishes the held-back stories one at a time so the latest lists move while you watch.
 */
public final class DemoRun implements AutoCloseable {

    /** Newest stories kept back to be published live, one per news interval. */
    static final int HELD_BACK = 6;

    private final PrintStream out;
    private final FeedSender sender;
    private final ReaderModel readers;
    private final ReaderTraffic traffic;
    private final Deque<FeedItem> heldBack;
    private final Clock clock;
    private final ScheduledExecutorService news = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-news");
        t.setDaemon(true);
        return t;
    });

    private DemoRun(String baseUrl, int viewsPerSecond, PrintStream out, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.out = out;
        this.clock = clock;
        this.sender = new FeedSender(http, baseUrl);
        this.readers = new ReaderModel(new Random(), clock);
        // The views go through the site's beacon like a browser's; to bypass HTTP, pass a sink producing PageViews.
        this.traffic = new ReaderTraffic(readers, new BeaconSink(http, baseUrl), viewsPerSecond);
        this.heldBack = new ArrayDeque<>();
    }

    /**
     * Runs the demo's first phase in the caller's thread (so its lines print before the prompt) and
     * leaves readers and live news running on daemon threads.
     *
     * @param baseUrl the site and ingest, e.g. {@code http://localhost:8080}
     */
    public static DemoRun start(String baseUrl, int viewsPerSecond, Duration newsInterval, PrintStream out) {
        DemoRun run = new DemoRun(baseUrl, viewsPerSecond, out, Clock.systemUTC());
        run.sendBacklog();
        run.startReaders(viewsPerSecond);
        run.startNews(newsInterval);
        return run;
    }

    private void sendBacklog() {
        List<FeedItem> all = DemoFeed.fromClasspath().items();
        int split = Math.max(0, all.size() - HELD_BACK);
        heldBack.addAll(all.subList(split, all.size()));
        List<FeedItem> backlog = DemoFeed.of(all.subList(0, split)).shiftedTo(clock.instant()).items();
        List<String> articleIds = new ArrayList<>();
        List<FeedSender.Outcome> refused = new ArrayList<>();
        for (int i = 0; i < backlog.size(); i++) {
            progress(i, backlog.size(), backlog.get(i).name());
            FeedSender.Outcome outcome = sender.send(backlog.get(i));
            if (outcome.accepted()) {
                articleIds.add(outcome.articleId());
            } else {
                refused.add(outcome);
            }
        }
        progress(backlog.size(), backlog.size(), "");
        out.printf("%ndemo: %d items sent (%d accepted)%n", backlog.size(), articleIds.size());
        for (FeedSender.Outcome r : refused) {
            out.printf("demo:   refused %s: %s %s%n", r.item().name(), r.status() == 0 ? "" : r.status(), r.message());
        }
        readers.addArticles(articleIds);
    }

    private void startReaders(int viewsPerSecond) {
        if (viewsPerSecond <= 0) {
            out.println("demo: simulated readers off (inkstream.demo.views-per-second=0)");
            return;
        }
        traffic.start();
        out.printf("demo: readers sending ~%d views/s to /v1/beacon (about %.0f%% bots, some returning within %d min)%n",
                viewsPerSecond, ReaderModel.BOT_SHARE * 100, ReaderModel.REVISIT_WINDOW.toMinutes());
    }

    private void startNews(Duration interval) {
        if (heldBack.isEmpty()) {
            return;
        }
        out.printf("demo: %d newer stories will be published live, one every %d s%n", heldBack.size(), interval.toSeconds());
        long millis = Math.max(1000, interval.toMillis());
        news.scheduleWithFixedDelay(this::publishNext, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void publishNext() {
        FeedItem next = heldBack.poll();
        if (next == null) {
            news.shutdown();
            return;
        }
        FeedItem item = next.isNinjs() ? DemoFeed.publishedAt(next, clock.instant()) : next;
        FeedSender.Outcome outcome = sender.send(item);
        if (outcome.accepted()) {
            readers.addBreaking(outcome.articleId());
            out.println("demo: just published: " + DemoFeed.headline(item));
        } else {
            out.printf("demo: refused %s: %s %s%n", item.name(), outcome.status(), outcome.message());
        }
    }

    private void progress(int done, int total, String current) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        out.printf("\rdemo: [%s%s] %d/%d %-40.40s", "#".repeat(filled), " ".repeat(width - filled), done, total, current);
        out.flush();
    }

    public ReaderTraffic traffic() {
        return traffic;
    }

    @Override
    public void close() {
        news.shutdownNow();
        traffic.close();
    }
}
