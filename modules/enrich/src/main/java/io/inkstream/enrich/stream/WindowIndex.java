package io.inkstream.enrich.stream;

import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedFinder;
import io.inkstream.enrich.related.RelatedIndex;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The related window of every partition, as one {@link RelatedIndex} per Streams instance, shared by
 * its tasks (which search it and write their own articles to it at once, so each reads its own
 * writes) and by the global processor of the enrich.fingerprints topic (which brings every
 * partition's writes, the task's own included, once they are committed).
 *
 * <p>A write carries a stamp, the offset of the articles.ingested record that caused it: an article's
 * versions all come through one partition, so its stamps grow with its versions. A task's own write
 * is ahead of the topic until the topic brings it back; the topic's older versions of that article
 * arriving meanwhile are skipped, so the index never steps back to an older version or a killed one.
 * Searches share a read lock; writes take the write lock.
 */
public final class WindowIndex {

    private final RelatedFinder rules;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Article id to the stamp of this instance's own write the topic has not brought back yet. */
    private final Map<String, Long> ahead = new HashMap<>();
    private RelatedIndex index;
    private long generation;

    public WindowIndex(RelatedFinder rules) {
        this.rules = rules;
    }

    RelatedFinder rules() {
        return rules;
    }

    /**
     * Opens the index in {@code dir} (emptied first) and loads it with the window the global store
     * holds, in place of any opened before (the processor that reprocesses the topic at restore and
     * the running one each open it); returns the generation to {@link #close} it with.
     */
    long open(Path dir, Iterator<Fingerprint> window) {
        lock.writeLock().lock();
        try {
            if (index != null) {
                index.close();
            }
            ahead.clear();
            index = new RelatedIndex(rules, dir);
            index.load(window);
            return ++generation;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Closes the index if it is still the one {@code opened} gave. */
    void close(long opened) {
        lock.writeLock().lock();
        try {
            if (index != null && generation == opened) {
                index.close();
                index = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return index().size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The article's related news and original among every partition's articles this instance has seen. */
    RelatedFinder.Result find(Fingerprint self) {
        lock.readLock().lock();
        try {
            return index().find(self);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The article's related news before and after it, for a refresh of its list (decision 0033). */
    RelatedFinder.Result findAround(Fingerprint self) {
        lock.readLock().lock();
        try {
            return index().findAround(self);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A task's own write (a new version, or {@code null} for a removal), visible to its next search. */
    void writeOwn(String id, Fingerprint fingerprint, long stamp) {
        lock.writeLock().lock();
        try {
            ahead.put(id, stamp);
            apply(id, fingerprint);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A committed write from the topic: applied unless this instance wrote it itself (then it is in the
     * index already) or has written a later version of the article.
     */
    void applyPublished(String id, Fingerprint fingerprint, long stamp) {
        lock.writeLock().lock();
        try {
            Long own = ahead.get(id);
            if (own != null) {
                if (stamp <= own) {
                    if (stamp == own) {
                        ahead.remove(id); // its own write come back: already in the index
                    }
                    return;
                }
                ahead.remove(id);
            }
            apply(id, fingerprint);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(String id, Fingerprint fingerprint) {
        if (fingerprint == null) {
            index().remove(id);
        } else {
            index().put(fingerprint);
        }
    }

    private RelatedIndex index() {
        if (index == null) {
            throw new IllegalStateException("the related window is not open: the global fingerprints processor opens it");
        }
        return index;
    }
}
