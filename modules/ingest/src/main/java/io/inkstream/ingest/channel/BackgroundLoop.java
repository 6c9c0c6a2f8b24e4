package io.inkstream.ingest.channel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A channel's background loop: one daemon thread that runs a round now and then every interval after the
 * last round ended. A round that fails is handed to the channel to log, and the next round still runs.
 */
final class BackgroundLoop implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private BackgroundLoop(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static BackgroundLoop start(String threadName, long everyMillis, Runnable round, Consumer<RuntimeException> failed) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, 0, everyMillis, TimeUnit.MILLISECONDS);
        return new BackgroundLoop(scheduler);
    }

    /** Stops the loop, interrupting a round that is running. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
