package io.inkstream.renderer.partner;

import io.inkstream.events.PublishedArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * This instance's copy of syndication.versions, in offset order: what the feed pages through and push loops
 * deliver from. Versions older than the topic's retention leave it, as they leave the topic. Waiters (long
 * polls, push loops) are woken when a version arrives.
 */
public final class VersionLog {

    /** One version at its offset; {@code at} is the record's time. */
    public record Entry(long offset, Instant at, PublishedArticle article) {
    }

    /** A page of entries from a position, and the position after what was looked at. */
    public record Page(List<Entry> entries, long next) {
    }

    private final Duration retention;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private long end;

    private record Waiter(long from, CompletableFuture<Boolean> future) {
    }

    public VersionLog(Duration retention) {
        this.retention = retention;
    }

    /** Adds the version at {@code offset} (offsets only grow) and wakes whoever waits for it. */
    public void append(long offset, Instant at, PublishedArticle article) {
        List<CompletableFuture<Boolean>> woken = new ArrayList<>();
        synchronized (this) {
            entries.add(new Entry(offset, at, article));
            end = Math.max(end, offset + 1);
            Instant oldest = at.minus(retention);
            int expired = 0;
            while (expired < entries.size() && entries.get(expired).at().isBefore(oldest)) {
                expired++;
            }
            if (expired > 0) {
                entries.subList(0, expired).clear();
            }
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.future().isDone()) {
                    it.remove();
                } else if (offset >= w.from()) {
                    woken.add(w.future());
                    it.remove();
                }
            }
            notifyAll();
        }
        woken.forEach(f -> f.complete(true));
    }

    /** Moves the end past offsets that hold no version (transaction markers), so cursors do not stay behind them. */
    public synchronized void advanceEnd(long position) {
        end = Math.max(end, position);
    }

    /** The position after the last version seen. */
    public synchronized long end() {
        return end;
    }

    /** The offset of the oldest version kept, or the end when none is. */
    public synchronized long start() {
        return entries.isEmpty() ? end : entries.get(0).offset();
    }

    /**
     * Up to {@code limit} versions from position {@code from} on that {@code filter} lets through, oldest first, and
     * the position to continue from: after the last one given, or the end when the rest was looked at.
     */
    public synchronized Page page(long from, int limit, PartnerFilter filter) {
        List<Entry> out = new ArrayList<>();
        for (int i = indexOf(from); i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (filter.matches(e.article())) {
                out.add(e);
                if (out.size() == limit) {
                    return new Page(out, e.offset() + 1);
                }
            }
        }
        return new Page(out, Math.max(from, end));
    }

    /** The first version at or after {@code from}, waiting up to {@code timeout} for one; null when none came. */
    public synchronized Entry next(long from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int i = indexOf(from);
            if (i < entries.size()) {
                return entries.get(i);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Completes with true when a version at or after {@code from} is there, or with false after {@code timeout}. */
    public CompletableFuture<Boolean> arrival(long from, Duration timeout) {
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        synchronized (this) {
            if (indexOf(from) < entries.size()) {
                return CompletableFuture.completedFuture(true);
            }
            waiters.add(new Waiter(from, future));
        }
        return future.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Wakes every waiter (at close). */
    public void wakeAll() {
        List<Waiter> all;
        synchronized (this) {
            all = new ArrayList<>(waiters);
            waiters.clear();
            notifyAll();
        }
        all.forEach(w -> w.future().complete(false));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Index of the first entry with offset >= from. */
    private int indexOf(long from) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).offset() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
