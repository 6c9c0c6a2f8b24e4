package io.inkstream.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load (GET or POST): a fixed number of workers, each with one request in flight on a kept-alive
 * loopback connection, until a fixed number of requests is done (or a time limit passes); every
 * request's latency is kept, so percentiles are exact.
 */
final class HttpLoad {

    /** What one load run measured. */
    record Result(int requests, int errors, double seconds, long bytes, long[] sortedLatencyNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
        }

        long meanBytes() {
            return requests == 0 ? 0 : bytes / requests;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HttpLoad(String base) {
        this.base = base;
    }

    /** GETs {@code requests} paths ({@code pathOf.apply(i)} for request i) with {@code connections} workers. */
    Result run(String label, IntFunction<String> pathOf, int requests, int connections, Duration limit) throws InterruptedException {
        return send(label, i -> HttpRequest.newBuilder(URI.create(base + pathOf.apply(i))).timeout(Duration.ofSeconds(30)).build(),
                requests, connections, limit);
    }

    /** POSTs {@code bodyOf.apply(i)} to {@code pathOf.apply(i)} as JSON of the given content type. */
    Result post(String label, IntFunction<String> pathOf, IntFunction<String> bodyOf, String contentType, int requests,
                int connections, Duration limit) throws InterruptedException {
        return send(label, i -> HttpRequest.newBuilder(URI.create(base + pathOf.apply(i))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(bodyOf.apply(i))).build(),
                requests, connections, limit);
    }

    /** Sends {@code requests} requests ({@code requestOf.apply(i)} for request i) with {@code connections} workers. */
    Result send(String label, IntFunction<HttpRequest> requestOf, int requests, int connections, Duration limit)
            throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    HttpRequest request = requestOf.apply(i);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = System.nanoTime() - sent;
                        bytes.addAndGet(response.body().length);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        latencies[i] = System.nanoTime() - sent;
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }, "bench-http-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        long lastPrint = start;
        int lastDone = 0;
        for (Thread t : workers) {
            while (t.isAlive()) {
                t.join(500);
                long now = System.nanoTime();
                if (now - lastPrint >= 5_000_000_000L) {
                    int d = done.get();
                    Report.progress(String.format("%s: %,d/%,d requests (%s/s over the last %.0f s)", label, d, requests,
                            Report.perSecond((d - lastDone) / ((now - lastPrint) / 1e9)), (now - lastPrint) / 1e9));
                    lastPrint = now;
                    lastDone = d;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int completed = done.get();
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray(); // 0: never sent (time limit)
        if (completed < requests) {
            Report.progress(label + ": stopped by the time limit after " + completed + " requests");
        }
        return new Result(completed, errors.get(), seconds, bytes.get(), measured);
    }
}
