package io.inkstream.app.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated readers in the background: ten times a second a daemon thread sends the views due at
 * the configured rate, drawn from a {@link ReaderModel}, to a {@link ViewSink}.
 */
public final class ReaderTraffic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderTraffic.class);
    private static final long TICK_MILLIS = 100;

    private final ReaderModel readers;
    private final ViewSink sink;
    private final int viewsPerSecond;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-readers");
        t.setDaemon(true);
        return t;
    });
    private double owed;

    public ReaderTraffic(ReaderModel readers, ViewSink sink, int viewsPerSecond) {
        this.readers = readers;
        this.sink = sink;
        this.viewsPerSecond = viewsPerSecond;
    }

    public ReaderTraffic start() {
        thread.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        log.info("demo readers started: ~{} views/s", viewsPerSecond);
        return this;
    }

    /** One tick's worth of views; the fraction left over carries to the next tick so low rates work. */
    void tick() {
        // At most a second of backlog: if the site is slow, readers give up rather than pile up.
        owed = Math.min(owed + viewsPerSecond * TICK_MILLIS / 1000.0, Math.max(1, viewsPerSecond));
        try {
            while (owed >= 1) {
                owed--;
                View view = readers.next();
                if (view == null) {
                    return;
                }
                (sink.send(view) ? sent : refused).incrementAndGet();
            }
        } catch (RuntimeException e) {
            // A failing send must not cancel the schedule: readers keep coming back.
            log.debug("demo readers: {}", e.toString());
        }
    }

    public long sent() {
        return sent.get();
    }

    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
