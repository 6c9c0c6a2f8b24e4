package io.inkstream.renderer.store;

import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The renderer's view of articles.enriched: the latest version of every article, found by id or by
 * any path it ever had, listed newest first; only usable, non-embargoed articles are visible, and a
 * killed article's paths keep answering "gone".
 *
 * <p>Rebuilt from the compacted topic on start, so it lives in memory. The views a page needs (by
 * section, newest first, section names, indexed subsets) are updated on each apply, so reading them
 * costs the same with 200 articles or 20,000. One lock keeps the indexes consistent; reads are short
 * (a page lists a few dozen items).
 *
 * <p>One story, one entry: enrich marks a near-duplicate (the same story from a second agency, or in
 * another format) with {@code duplicateOf}, the id of the story's first article. Every list here shows a
 * story once, as the first of its members that the list would show (earliest published, then id); the
 * others stay reachable by their own paths and through {@link #alsoFrom}.
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
    private static final Comparator<EnrichedArticle> EMBARGO_LIFTS_LAST =
            Comparator.comparing((EnrichedArticle e) -> e.getArticle().getEmbargoUntil()).reversed()
                    .thenComparing(e -> e.getArticle().getId());
    /** A story's members, the one a list shows first: the earliest published, so a later copy never moves it. */
    private static final Comparator<EnrichedArticle> STORY_ORDER =
            Comparator.comparing(ArticleStore::shownAt).thenComparing(e -> e.getArticle().getId());
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASH = Pattern.compile("^-|-$");

    private final Clock clock;
    private final Map<String, EnrichedArticle> byId = new HashMap<>();
    private final Map<String, String> idByPath = new HashMap<>();
    /** Killed articles: id -> last headline, so their pages answer 410 rather than 404. */
    private final Map<String, String> killed = new HashMap<>();

    // Derived views, kept up to date by apply so that a page never walks the whole store.
    /** Usable articles newest first: the visible ones plus those still under embargo. */
    private final TreeSet<EnrichedArticle> usable = new TreeSet<>(NEWEST_FIRST);
    /** {@link #usable} by section slug. */
    private final Map<String, TreeSet<EnrichedArticle>> usableBySection = new HashMap<>();
    /** Usable articles with an embargo time, the latest first: the only ones the clock can hide. */
    private final TreeSet<EnrichedArticle> embargoed = new TreeSet<>(EMBARGO_LIFTS_LAST);
    /** Stored (not killed) articles naming a section, by slug, newest first: what {@link #sections()} lists. */
    private final Map<String, TreeSet<EnrichedArticle>> sectionSpelling = new HashMap<>();
    /** Subsets of {@link #usable} asked for with {@link #index}, by rule (identity). */
    private final Map<Predicate<EnrichedArticle>, Subset> subsets = new IdentityHashMap<>();
    /** Usable articles by story ({@link #storyOf}), {@link #STORY_ORDER}; only stories of two or more are kept. */
    private final Map<String, TreeSet<EnrichedArticle>> sharedStories = new HashMap<>();
    /** Usable articles by story while they are alone in it (the common case, kept without a set). */
    private final Map<String, EnrichedArticle> soleMembers = new HashMap<>();
    /** {@link #sections()}, built when first asked after a change (it does not depend on the clock). */
    private List<String> sections;
    private Instant lastChange = Instant.EPOCH;

    /** Usable articles matching one rule, newest first, maintained as articles are applied. */
    public static final class Subset {
        private final Predicate<EnrichedArticle> rule;
        private final TreeSet<EnrichedArticle> members = new TreeSet<>(NEWEST_FIRST);

        private Subset(Predicate<EnrichedArticle> rule) {
            this.rule = rule;
        }
    }

    public ArticleStore(Clock clock) {
        this.clock = clock;
    }

    /** Applies one record of articles.enriched; a null value is a tombstone. */
    public synchronized void apply(String id, EnrichedArticle value) {
        EnrichedArticle previous = byId.remove(id);
        if (previous != null) {
            unindex(previous);
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
        index(value);
    }

    private void indexPaths(String id, EnrichedArticle value) {
        idByPath.put(value.getCanonicalPath(), id);
        for (String p : value.getPreviousPaths()) {
            idByPath.put(p, id);
        }
    }

    /** Adds a stored (not killed) article to the derived views it belongs to. */
    private void index(EnrichedArticle e) {
        Article a = e.getArticle();
        String section = a.getSection();
        if (section != null && !section.isBlank()) {
            sectionSpelling.computeIfAbsent(sectionSlug(section), k -> new TreeSet<>(NEWEST_FIRST)).add(e);
            sections = null;
        }
        if (a.getPubStatus() != PubStatus.usable) {
            return; // withheld: stored, but never listed
        }
        usable.add(e);
        joinStory(e);
        if (section != null) {
            usableBySection.computeIfAbsent(sectionSlug(section), k -> new TreeSet<>(NEWEST_FIRST)).add(e);
        }
        if (a.getEmbargoUntil() != null) {
            embargoed.add(e);
        }
        for (Subset s : subsets.values()) {
            if (s.rule.test(e)) {
                s.members.add(e);
            }
        }
    }

    /** Removes an article from every derived view (removing from a view it is not in does nothing). */
    private void unindex(EnrichedArticle e) {
        String section = e.getArticle().getSection();
        if (section != null) {
            String slug = sectionSlug(section);
            if (removeFrom(sectionSpelling, slug, e)) {
                sections = null;
            }
            removeFrom(usableBySection, slug, e);
        }
        if (usable.remove(e)) {
            leaveStory(e);
        }
        if (e.getArticle().getEmbargoUntil() != null) {
            embargoed.remove(e);
        }
        for (Subset s : subsets.values()) {
            s.members.remove(e);
        }
    }

    private void joinStory(EnrichedArticle e) {
        String story = storyOf(e);
        TreeSet<EnrichedArticle> shared = sharedStories.get(story);
        if (shared != null) {
            shared.add(e);
            return;
        }
        EnrichedArticle alone = soleMembers.putIfAbsent(story, e);
        if (alone != null) {
            soleMembers.remove(story);
            shared = new TreeSet<>(STORY_ORDER);
            shared.add(alone);
            shared.add(e);
            sharedStories.put(story, shared);
        }
    }

    private void leaveStory(EnrichedArticle e) {
        String story = storyOf(e);
        TreeSet<EnrichedArticle> shared = sharedStories.get(story);
        if (shared == null) {
            soleMembers.remove(story, e);
            return;
        }
        shared.remove(e);
        if (shared.size() == 1) {
            sharedStories.remove(story);
            soleMembers.put(story, shared.first());
        }
    }

    /** The story an article belongs to: the id of the story's first article, which is its own when it is no copy. */
    public static String storyOf(EnrichedArticle e) {
        return e.getDuplicateOf() != null ? e.getDuplicateOf() : e.getArticle().getId();
    }

    /** Empty buckets are dropped, so every bucket has a newest article. */
    private static boolean removeFrom(Map<String, TreeSet<EnrichedArticle>> buckets, String slug, EnrichedArticle e) {
        TreeSet<EnrichedArticle> bucket = buckets.get(slug);
        if (bucket == null || !bucket.remove(e)) {
            return false;
        }
        if (bucket.isEmpty()) {
            buckets.remove(slug);
        }
        return true;
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
        if (e == null || !visible(e, clock.instant())) {
            return new Lookup.Missing();
        }
        if (!e.getCanonicalPath().equals(path)) {
            return new Lookup.Moved(e.getCanonicalPath());
        }
        return new Lookup.Found(e);
    }

    /** The visible article with this id, if any. */
    public synchronized Optional<EnrichedArticle> byId(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(byId.get(id)).filter(e -> visible(e, now));
    }

    /** True when the article was killed (its pages answer 410). */
    public synchronized boolean isKilled(String id) {
        return killed.containsKey(id);
    }

    /** Visible articles, newest first, optionally in one section (matched by slug), after skipping {@code offset}. */
    public synchronized List<EnrichedArticle> latest(String sectionSlug, int offset, int limit) {
        return visible(inSection(sectionSlug), e -> true, offset, limit);
    }

    /** How many visible articles a section (or the whole site, for null) has. */
    public synchronized int count(String sectionSlug) {
        TreeSet<EnrichedArticle> candidates = inSection(sectionSlug);
        Instant now = clock.instant();
        int hidden = 0;
        for (EnrichedArticle e : embargoed) {
            if (visible(e, now)) {
                break; // the rest lift earlier, so they have lifted too
            }
            if (candidates.contains(e)) {
                hidden++;
            }
        }
        for (TreeSet<EnrichedArticle> story : sharedStories.values()) {
            int shown = 0;
            for (EnrichedArticle m : story) {
                if (visible(m, now) && candidates.contains(m)) {
                    shown++;
                }
            }
            hidden += Math.max(0, shown - 1); // the story is listed once
        }
        return candidates.size() - hidden;
    }

    private TreeSet<EnrichedArticle> inSection(String sectionSlug) {
        if (sectionSlug == null) {
            return usable;
        }
        TreeSet<EnrichedArticle> bucket = usableBySection.get(sectionSlug);
        return bucket == null ? new TreeSet<>(NEWEST_FIRST) : bucket;
    }

    /** Visible articles newest first matching a rule, e.g. those with a photo; walks the store until it has {@code limit}. */
    public synchronized List<EnrichedArticle> select(Predicate<EnrichedArticle> rule, int offset, int limit) {
        return visible(usable, rule, offset, limit);
    }

    /**
     * Keeps the articles matching {@code rule} (a pure function of the article) indexed from now on, so
     * {@link #latestIn(Subset, int, int)} lists them without walking the store; the same rule object
     * always gives the same subset.
     */
    public synchronized Subset index(Predicate<EnrichedArticle> rule) {
        return subsets.computeIfAbsent(rule, r -> {
            Subset s = new Subset(r);
            usable.stream().filter(r).forEach(s.members::add);
            return s;
        });
    }

    /** Visible articles of a subset, newest first, after skipping {@code offset}. */
    public synchronized List<EnrichedArticle> latestIn(Subset subset, int offset, int limit) {
        if (subsets.get(subset.rule) != subset) {
            throw new IllegalArgumentException("subset of another store");
        }
        return visible(subset.members, e -> true, offset, limit);
    }

    /** Walks newest first, skipping what the clock still hides; at most the embargoed articles more than asked. */
    private List<EnrichedArticle> visible(TreeSet<EnrichedArticle> candidates, Predicate<EnrichedArticle> rule,
                                          int offset, int limit) {
        Instant now = clock.instant();
        List<EnrichedArticle> out = new ArrayList<>();
        int skipped = 0;
        for (EnrichedArticle e : candidates) {
            if (out.size() >= limit) {
                break;
            }
            if (!visible(e, now) || !rule.test(e) || listedAsAnother(e, candidates, rule, now)) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** True when another member of e's story comes first and is in the same list: the story is listed as that one. */
    private boolean listedAsAnother(EnrichedArticle e, TreeSet<EnrichedArticle> candidates,
                                    Predicate<EnrichedArticle> rule, Instant now) {
        TreeSet<EnrichedArticle> story = sharedStories.get(storyOf(e));
        if (story == null) {
            return false;
        }
        for (EnrichedArticle m : story) {
            if (m.getArticle().getId().equals(e.getArticle().getId())) {
                return false;
            }
            if (visible(m, now) && rule.test(m) && candidates.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** The other visible articles of e's story ("also from ..."), in story order: the first published first. */
    public synchronized List<EnrichedArticle> alsoFrom(EnrichedArticle e) {
        TreeSet<EnrichedArticle> story = sharedStories.get(storyOf(e));
        if (story == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return story.stream()
                .filter(m -> !m.getArticle().getId().equals(e.getArticle().getId()) && visible(m, now))
                .toList();
    }

    /**
     * The article a list shows for the story of the article with this id: the first visible member of
     * its story, or the article itself (empty when it is not visible).
     */
    public synchronized Optional<EnrichedArticle> storyEntry(String id) {
        EnrichedArticle e = byId.get(id);
        Instant now = clock.instant();
        if (e == null || !visible(e, now)) {
            return Optional.empty();
        }
        TreeSet<EnrichedArticle> story = sharedStories.get(storyOf(e));
        if (story == null) {
            return Optional.of(e);
        }
        return story.stream().filter(m -> visible(m, now)).findFirst();
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

    /**
     * Section names of stored (not killed) articles, as the newest article of each slug spells them,
     * ordered by that article, newest first. The same list object is returned until a section changes.
     */
    public synchronized List<String> sections() {
        if (sections == null) {
            List<EnrichedArticle> newestPerSlug = new ArrayList<>();
            sectionSpelling.values().forEach(bucket -> newestPerSlug.add(bucket.first()));
            newestPerSlug.sort(NEWEST_FIRST);
            sections = newestPerSlug.stream().map(e -> e.getArticle().getSection()).toList();
        }
        return sections;
    }

    /** When the store last changed (wall clock), for Last-Modified of listings. */
    public synchronized Instant lastChange() {
        return lastChange;
    }

    private static boolean visible(EnrichedArticle e, Instant now) {
        Article a = e.getArticle();
        return a.getPubStatus() == PubStatus.usable
                && (a.getEmbargoUntil() == null || !a.getEmbargoUntil().isAfter(now));
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
        String dashed = NOT_LETTER_OR_DIGIT.matcher(section.trim().toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGE_DASH.matcher(dashed).replaceAll("");
    }
}
