package io.inkstream.renderer.store;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The renderer's view of articles.enriched: the latest version of every article, found by id or by
 * any path it ever had, listed newest first; only usable, non-embargoed articles are visible, and a
 * killed article's paths keep answering "gone".
 *
 * <p>Rebuilt from the compacted topic on start, so it lives in memory. One lock keeps the indexes
 * consistent; reads are short (a page lists a few dozen items).
 */
public final class ArticleStore {

    /** What a site path leads to. */
    public sealed interface Lookup {
        record Found(EnrichedArticle article) implements Lookup {}
        record Moved(String canonicalPath) implements Lookup {}
        record Gone(String headline) implements Lookup {}
        record Missing() implements Lookup {}
    }

    private static final Comparator<EnrichedArticle> NEWEST_FIRST =
            Comparator.comparing(ArticleStore::shownAt).reversed()
                    .thenComparing(e -> e.getArticle().getId());

    private final Clock clock;
    private final Map<String, EnrichedArticle> byId = new HashMap<>();
    private final Map<String, String> idByPath = new HashMap<>();
    /** Killed articles: id -> last headline, so their pages answer 410 rather than 404. */
    private final Map<String, String> killed = new HashMap<>();
    private final TreeSet<EnrichedArticle> newest = new TreeSet<>(NEWEST_FIRST);
    private Instant lastChange = Instant.EPOCH;

    public ArticleStore(Clock clock) {
        this.clock = clock;
    }

    /** Applies one record of articles.enriched; a null value is a tombstone. */
    public synchronized void apply(String id, EnrichedArticle value) {
        EnrichedArticle previous = byId.remove(id);
        if (previous != null) {
            newest.remove(previous);
        }
        lastChange = clock.instant();
        if (value == null) {
            if (previous != null) {
                killed.putIfAbsent(id, previous.getArticle().getHeadline());
            }
            return;
        }
        if (previous != null && previous.getArticle().getVersion() > value.getArticle().getVersion()) {
            value = previous; // an older version replayed late never hides a newer one
        }
        indexPaths(id, value);
        if (value.getArticle().getPubStatus() == PubStatus.canceled) {
            killed.put(id, value.getArticle().getHeadline());
            return;
        }
        killed.remove(id);
        byId.put(id, value);
        newest.add(value);
    }

    private void indexPaths(String id, EnrichedArticle value) {
        idByPath.put(value.getCanonicalPath(), id);
        for (String p : value.getPreviousPaths()) {
            idByPath.put(p, id);
        }
    }

    /** Resolves a request path (without query) to an article, a redirect, gone or missing. */
    public synchronized Lookup byPath(String path) {
        String id = idByPath.get(path);
        if (id == null) {
            return new Lookup.Missing();
        }
        if (killed.containsKey(id)) {
            return new Lookup.Gone(killed.get(id));
        }
        EnrichedArticle e = byId.get(id);
        if (e == null || !visible(e)) {
            return new Lookup.Missing();
        }
        if (!e.getCanonicalPath().equals(path)) {
            return new Lookup.Moved(e.getCanonicalPath());
        }
        return new Lookup.Found(e);
    }

    /** The visible article with this id, if any. */
    public synchronized Optional<EnrichedArticle> byId(String id) {
        return Optional.ofNullable(byId.get(id)).filter(this::visible);
    }

    /** True when the article was killed (its pages answer 410). */
    public synchronized boolean isKilled(String id) {
        return killed.containsKey(id);
    }

    /** Visible articles, newest first, optionally in one section (matched by slug), after skipping {@code offset}. */
    public synchronized List<EnrichedArticle> latest(String sectionSlug, int offset, int limit) {
        return select(e -> sectionSlug == null || sectionSlug.equals(sectionSlug(e.getArticle().getSection())),
                offset, limit);
    }

    /** How many visible articles a section (or the whole site, for null) has. */
    public synchronized int count(String sectionSlug) {
        return select(e -> sectionSlug == null || sectionSlug.equals(sectionSlug(e.getArticle().getSection())),
                0, Integer.MAX_VALUE).size();
    }

    /** Visible articles newest first matching a rule, e.g. those with a photo. */
    public synchronized List<EnrichedArticle> select(Predicate<EnrichedArticle> rule, int offset, int limit) {
        List<EnrichedArticle> out = new ArrayList<>();
        int skipped = 0;
        for (EnrichedArticle e : newest) {
            if (out.size() >= limit) {
                break;
            }
            if (!visible(e) || !rule.test(e)) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * "Top news": among the {@code pool} newest visible articles, the highest priority (1 first),
     * newest first within a priority.
     */
    public synchronized List<EnrichedArticle> topNews(int pool, int limit) {
        List<EnrichedArticle> recent = select(e -> true, 0, pool);
        recent.sort(Comparator.comparingInt((EnrichedArticle e) -> e.getArticle().getPriority())
                .thenComparing(NEWEST_FIRST));
        return recent.subList(0, Math.min(limit, recent.size()));
    }

    /** Section names of visible articles, as the source spelled them, in first-seen order of slug. */
    public synchronized List<String> sections() {
        Map<String, String> bySlug = new java.util.LinkedHashMap<>();
        for (EnrichedArticle e : newest) {
            String s = e.getArticle().getSection();
            if (s != null && !s.isBlank()) {
                bySlug.putIfAbsent(sectionSlug(s), s);
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** When the store last changed (wall clock), for Last-Modified of listings. */
    public synchronized Instant lastChange() {
        return lastChange;
    }

    private boolean visible(EnrichedArticle e) {
        Article a = e.getArticle();
        return a.getPubStatus() == PubStatus.usable
                && (a.getEmbargoUntil() == null || !a.getEmbargoUntil().isAfter(clock.instant()));
    }

    /** When an article counts as published for ordering: the source's time, else its first version. */
    public static Instant shownAt(EnrichedArticle e) {
        Article a = e.getArticle();
        return a.getPublishedAt() != null ? a.getPublishedAt() : a.getFirstCreated();
    }

    /** The URL segment of a section: "Sci-tech" -> "sci-tech", "Travel News" -> "travel-news". */
    public static String sectionSlug(String section) {
        if (section == null) {
            return null;
        }
        return section.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
