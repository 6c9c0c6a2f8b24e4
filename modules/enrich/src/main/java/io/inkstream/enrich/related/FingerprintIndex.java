package io.inkstream.enrich.related;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The decoded fingerprints of the articles in the window, kept in memory beside the store they are
 * derived from, so that finding candidates for an article reads and decodes nothing: ordered by id
 * (the store's order), by publication time (to drop the expired without a scan), and by vector term
 * (so only articles sharing terms with the new one are looked at).
 */
public final class FingerprintIndex {

    private record Timed(Instant publishedAt, String id) {
    }

    private static final Comparator<Timed> OLDEST_FIRST =
            Comparator.comparing(Timed::publishedAt).thenComparing(Timed::id);

    private final TreeMap<String, Fingerprint> byId = new TreeMap<>();
    private final NavigableSet<Timed> byTime = new TreeSet<>(OLDEST_FIRST);
    private final Map<String, Set<String>> byTerm = new HashMap<>();

    public void clear() {
        byId.clear();
        byTime.clear();
        byTerm.clear();
    }

    public int size() {
        return byId.size();
    }

    /** Adds or replaces the fingerprint of its article. */
    public void put(Fingerprint fingerprint) {
        remove(fingerprint.id());
        byId.put(fingerprint.id(), fingerprint);
        byTime.add(new Timed(fingerprint.publishedAt(), fingerprint.id()));
        for (String term : fingerprint.vector().keySet()) {
            byTerm.computeIfAbsent(term, t -> new HashSet<>()).add(fingerprint.id());
        }
    }

    public void remove(String id) {
        Fingerprint old = byId.remove(id);
        if (old == null) {
            return;
        }
        byTime.remove(new Timed(old.publishedAt(), id));
        for (String term : old.vector().keySet()) {
            Set<String> ids = byTerm.get(term);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                byTerm.remove(term);
            }
        }
    }

    /** Removes and returns the ids of the articles published before {@code cutoff}, oldest first. */
    public List<String> removePublishedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().publishedAt().isBefore(cutoff)) {
            expired.add(byTime.first().id());
            remove(byTime.first().id());
        }
        return expired;
    }

    /**
     * The articles that share at least {@code minShared} vector terms with {@code self} (fewer if
     * its own vector is smaller; all articles if it has no terms), in id order. The related rule
     * needs two shared terms; a near-duplicate shares most of its words, so its top terms too.
     */
    public List<Fingerprint> sharingTerms(Fingerprint self, int minShared) {
        Set<String> own = self.vector().keySet();
        if (own.isEmpty()) {
            return List.copyOf(byId.values());
        }
        int needed = Math.min(minShared, own.size());
        Map<String, Integer> shared = new HashMap<>();
        for (String term : own) {
            for (String id : byTerm.getOrDefault(term, Set.of())) {
                shared.merge(id, 1, Integer::sum);
            }
        }
        // id order, as the store iterates: ties between equally early originals resolve as before
        TreeMap<String, Fingerprint> found = new TreeMap<>();
        shared.forEach((id, count) -> {
            if (count >= needed) {
                found.put(id, byId.get(id));
            }
        });
        return List.copyOf(found.values());
    }
}
