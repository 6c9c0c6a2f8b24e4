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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The renderer's view of articles.enriched: the latest version of every article, found by id or by
 * any path it ever had, listed newest first; only usable, non-embargoed articles are visible, and a
 * killed article's paths keep answering "gone".
 *
 * <p>Rebuilt from the compacted topic on start. The indexes live in memory, one compact {@code Entry} per
 * article (id, paths, time, section, priority, status, embargo, story); the full articles live in an
 * {@link ArticleArchive} (RocksDB on disk for a service, a map in a test), and a list or page loads only the
 * few it shows. The views a page needs (by section, newest first, section names, indexed subsets) are
 * updated on each apply, so reading them costs the same with 200 articles or 1,000,000. One lock keeps the
 * indexes consistent; reads are short (a page lists a few dozen items).
 *
 * <p>One story, one entry: enrich marks a near-duplicate (the same story from a second agency, or in
 * another format) with {@code duplicateOf}, the id of the story's first article. Every list here shows a
 * story once, as the first of its members that the list would show (earliest published, then id); the
 * others stay reachable by their own paths and through {@link #alsoFrom}.
 */
public final class ArticleStore implements AutoCloseable {

    /** Decoded articles the heap archive of {@link #ArticleStore(Clock)} keeps (its bytes are all in heap anyway). */
    private static final int HEAP_ARCHIVE_CACHE = 1000;
    private static final long NO_EMBARGO = Long.MIN_VALUE;

    /** Where a listed article is and when its version was made: what a sitemap needs, without the article. */
    public record Located(String canonicalPath, Instant versionCreated) {}

    /** The story a visible article belongs to and its canonical path: what a link to it needs, without the article. */
    public record Link(String story, String canonicalPath) {}

    /** What a site path leads to. */
    public sealed interface Lookup {
        record Found(EnrichedArticle article) implements Lookup {}
        record Moved(String canonicalPath) implements Lookup {}
        record Gone(String headline) implements Lookup {}
        record Missing() implements Lookup {}
    }

    /**
     * What the indexes keep of a stored (not killed) article; the rest is in the archive. Strings that
     * repeat across articles (section, slug) are shared, times are epoch milliseconds (as on the topic).
     */
    private record Entry(String id, String canonicalPath, long shownAt, String section, String slug, int priority,
                         PubStatus status, long embargoUntil, String duplicateOf, int version, long versionCreated) {

        boolean usable() {
            return status == PubStatus.usable;
        }

        boolean visible(long now) {
            return status == PubStatus.usable && (embargoUntil == NO_EMBARGO || embargoUntil <= now);
        }

        /** The story it belongs to: the id of the story's first article, its own when it is no copy. */
        String story() {
            return duplicateOf != null ? duplicateOf : id;
        }
    }

    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparingLong(Entry::shownAt).reversed().thenComparing(Entry::id);
    private static final Comparator<Entry> EMBARGO_LIFTS_LAST =
            Comparator.comparingLong(Entry::embargoUntil).reversed().thenComparing(Entry::id);
    /** A story's members, the one a list shows first: the earliest published, so a later copy never moves it. */
    private static final Comparator<Entry> STORY_ORDER =
            Comparator.comparingLong(Entry::shownAt).thenComparing(Entry::id);
    private static final Comparator<Entry> TOP_NEWS_ORDER =
            Comparator.comparingInt(Entry::priority).thenComparing(NEWEST_FIRST);
    private static final Predicate<Entry> ANY = e -> true;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASH = Pattern.compile("^-|-$");

    private final Clock clock;
    private final ArticleArchive archive;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, String> idByPath = new HashMap<>();
    /** Killed articles: id -> last headline, so their pages answer 410 rather than 404. */
    private final Map<String, String> killed = new HashMap<>();
    /** One instance of each section spelling and of its slug, shared by the entries. */
    private final Map<String, String> sectionNames = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    /**
     * Kills from renderer.killed-articles: id -> last headline (may be null). They outlive the tombstones of
     * articles.enriched, which compaction removes; a stored version of the id (it came back) wins over them.
     */
    private final Map<String, String> killRecords = new HashMap<>();

    // Derived views, kept up to date by apply so that a page never walks the whole store.
    /** Usable articles newest first: the visible ones plus those still under embargo. */
    private final TreeSet<Entry> usable = new TreeSet<>(NEWEST_FIRST);
    /** {@link #usable} by section slug. */
    private final Map<String, TreeSet<Entry>> usableBySection = new HashMap<>();
    /** Usable articles with an embargo time, the latest first: the only ones the clock can hide. */
    private final TreeSet<Entry> embargoed = new TreeSet<>(EMBARGO_LIFTS_LAST);
    /** Stored (not killed) articles naming a section, by slug, newest first: what {@link #sections()} lists. */
    private final Map<String, TreeSet<Entry>> sectionSpelling = new HashMap<>();
    /** Subsets of {@link #usable} asked for with {@link #index}, by rule (identity). */
    private final Map<Predicate<EnrichedArticle>, Subset> subsets = new IdentityHashMap<>();
    /** Usable articles by story ({@link Entry#story}), {@link #STORY_ORDER}; only stories of two or more are kept. */
    private final Map<String, TreeSet<Entry>> sharedStories = new HashMap<>();
    /** Usable articles by story while they are alone in it (the common case, kept without a set). */
    private final Map<String, Entry> soleMembers = new HashMap<>();
    /** {@link #sections()}, built when first asked after a change (it does not depend on the clock). */
    private List<String> sections;
    private Instant lastChange = Instant.EPOCH;

    /** Usable articles matching one rule, newest first, maintained as articles are applied. */
    public static final class Subset {
        private final Predicate<EnrichedArticle> rule;
        private final TreeSet<Entry> members = new TreeSet<>(NEWEST_FIRST);

        private Subset(Predicate<EnrichedArticle> rule) {
            this.rule = rule;
        }
    }

    /** A store whose full articles are kept, encoded, in heap (tests and tools without a data directory). */
    public ArticleStore(Clock clock) {
        this(clock, ArticleArchive.inHeap(HEAP_ARCHIVE_CACHE));
    }

    /** A store whose full articles live in {@code archive}, which it closes. */
    public ArticleStore(Clock clock, ArticleArchive archive) {
        this.clock = clock;
        this.archive = archive;
    }

    /** Applies one record of articles.enriched; a null value is a tombstone. */
    public synchronized void apply(String id, EnrichedArticle value) {
        Entry previous = byId.remove(id);
        if (previous != null) {
            unindex(previous);
        }
        lastChange = clock.instant();
        if (value == null) {
            if (previous != null) {
                EnrichedArticle last = archive.get(id);
                killed.putIfAbsent(id, last == null ? null : last.getArticle().getHeadline());
                archive.delete(id);
            }
            return;
        }
        boolean replayedLate = previous != null && previous.version() > value.getArticle().getVersion();
        if (replayedLate) {
            value = archive.get(id); // an older version replayed late never hides a newer one
        }
        indexPaths(id, value);
        if (value.getArticle().getPubStatus() == PubStatus.canceled) {
            killed.put(id, value.getArticle().getHeadline());
            if (previous != null) {
                archive.delete(id);
            }
            return;
        }
        killed.remove(id);
        Entry entry = entryOf(id, value);
        if (!replayedLate) {
            archive.put(id, value);
        }
        byId.put(id, entry);
        index(entry, value);
    }

    private Entry entryOf(String id, EnrichedArticle value) {
        Article a = value.getArticle();
        String section = a.getSection() == null ? null : sectionNames.computeIfAbsent(a.getSection(), Function.identity());
        String slug = section == null ? null : slugs.computeIfAbsent(sectionSlug(section), Function.identity());
        return new Entry(id, value.getCanonicalPath(), shownAt(value).toEpochMilli(), section, slug, a.getPriority(),
                a.getPubStatus(), a.getEmbargoUntil() == null ? NO_EMBARGO : a.getEmbargoUntil().toEpochMilli(),
                value.getDuplicateOf(), a.getVersion(), a.getVersionCreated().toEpochMilli());
    }

    /**
     * Applies one record of renderer.killed-articles: the article's paths answer 410 from now on, unless a
     * version of it is stored; a null value (the article came back) forgets the kill record.
     */
    public synchronized void applyKilled(String id, KilledArticle value) {
        lastChange = clock.instant();
        if (value == null) {
            killRecords.remove(id);
            return;
        }
        killRecords.put(id, value.headline());
        for (String p : value.paths()) {
            idByPath.putIfAbsent(p, id);
        }
    }

    /** The headline to show for a killed article (never null), or null when the id is not killed. */
    private String killedHeadline(String id) {
        if (byId.containsKey(id)) {
            return null;
        }
        if (killed.containsKey(id)) {
            return killed.get(id);
        }
        return killRecords.containsKey(id) ? Objects.requireNonNullElse(killRecords.get(id), "") : null;
    }

    private void indexPaths(String id, EnrichedArticle value) {
        idByPath.put(value.getCanonicalPath(), id);
        for (String p : value.getPreviousPaths()) {
            idByPath.put(p, id);
        }
    }

    /** Adds a stored (not killed) article to the derived views it belongs to. */
    private void index(Entry e, EnrichedArticle full) {
        if (e.slug() != null && !e.section().isBlank()) {
            sectionSpelling.computeIfAbsent(e.slug(), k -> new TreeSet<>(NEWEST_FIRST)).add(e);
            sections = null;
        }
        if (!e.usable()) {
            return; // withheld: stored, but never listed
        }
        usable.add(e);
        joinStory(e);
        if (e.slug() != null) {
            usableBySection.computeIfAbsent(e.slug(), k -> new TreeSet<>(NEWEST_FIRST)).add(e);
        }
        if (e.embargoUntil() != NO_EMBARGO) {
            embargoed.add(e);
        }
        for (Subset s : subsets.values()) {
            if (s.rule.test(full)) {
                s.members.add(e);
            }
        }
    }

    /** Removes an article from every derived view (removing from a view it is not in does nothing). */
    private void unindex(Entry e) {
        if (e.slug() != null) {
            if (removeFrom(sectionSpelling, e.slug(), e)) {
                sections = null;
            }
            removeFrom(usableBySection, e.slug(), e);
        }
        if (usable.remove(e)) {
            leaveStory(e);
        }
        if (e.embargoUntil() != NO_EMBARGO) {
            embargoed.remove(e);
        }
        for (Subset s : subsets.values()) {
            s.members.remove(e);
        }
    }

    private void joinStory(Entry e) {
        String story = e.story();
        TreeSet<Entry> shared = sharedStories.get(story);
        if (shared != null) {
            shared.add(e);
            return;
        }
        Entry alone = soleMembers.putIfAbsent(story, e);
        if (alone != null) {
            soleMembers.remove(story);
            shared = new TreeSet<>(STORY_ORDER);
            shared.add(alone);
            shared.add(e);
            sharedStories.put(story, shared);
        }
    }

    private void leaveStory(Entry e) {
        String story = e.story();
        TreeSet<Entry> shared = sharedStories.get(story);
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
    private static boolean removeFrom(Map<String, TreeSet<Entry>> buckets, String slug, Entry e) {
        TreeSet<Entry> bucket = buckets.get(slug);
        if (bucket == null || !bucket.remove(e)) {
            return false;
        }
        if (bucket.isEmpty()) {
            buckets.remove(slug);
        }
        return true;
    }

    /** The full article of an entry, from the archive. */
    private EnrichedArticle full(Entry e) {
        EnrichedArticle article = archive.get(e.id());
        if (article == null) {
            throw new IllegalStateException("article " + e.id() + " is indexed but not in the archive");
        }
        return article;
    }

    private List<EnrichedArticle> full(List<Entry> entries) {
        List<EnrichedArticle> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(full(e));
        }
        return out;
    }

    private long now() {
        return clock.instant().toEpochMilli();
    }

    /** Resolves a request path (without query) to an article, a redirect, gone or missing. */
    public synchronized Lookup byPath(String path) {
        String id = idByPath.get(path);
        if (id == null) {
            return new Lookup.Missing();
        }
        String killedHeadline = killedHeadline(id);
        if (killedHeadline != null) {
            return new Lookup.Gone(killedHeadline);
        }
        Entry e = byId.get(id);
        if (e == null || !e.visible(now())) {
            return new Lookup.Missing();
        }
        if (!e.canonicalPath().equals(path)) {
            return new Lookup.Moved(e.canonicalPath());
        }
        return new Lookup.Found(full(e));
    }

    /** The visible article with this id, if any. */
    public synchronized Optional<EnrichedArticle> byId(String id) {
        Entry e = byId.get(id);
        return e != null && e.visible(now()) ? Optional.of(full(e)) : Optional.empty();
    }

    /** {@link #byId}'s story and path alone, from the heap indexes (related news links many articles per page). */
    public synchronized Optional<Link> linkOf(String id) {
        Entry e = byId.get(id);
        return e != null && e.visible(now()) ? Optional.of(new Link(e.story(), e.canonicalPath())) : Optional.empty();
    }

    /** True when the article was killed (its pages answer 410). */
    public synchronized boolean isKilled(String id) {
        return killedHeadline(id) != null;
    }

    /** Visible articles, newest first, optionally in one section (matched by slug), after skipping {@code offset}. */
    public synchronized List<EnrichedArticle> latest(String sectionSlug, int offset, int limit) {
        return full(visible(inSection(sectionSlug), ANY, offset, limit));
    }

    /** Visible articles shown after {@code since}, newest first, at most {@code limit}; the walk stops at the first older one. */
    public synchronized List<EnrichedArticle> latestSince(Instant since, int limit) {
        long after = since.toEpochMilli();
        return full(visible(usable, e -> e.shownAt() > after, 0, limit, after));
    }

    /** The paths of the {@code limit} newest visible articles, from the heap indexes alone (sitemaps list 50,000). */
    public synchronized List<Located> latestPaths(int limit) {
        return visible(usable, ANY, 0, limit).stream()
                .map(e -> new Located(e.canonicalPath(), Instant.ofEpochMilli(e.versionCreated()))).toList();
    }

    /** How many visible articles a section (or the whole site, for null) has. */
    public synchronized int count(String sectionSlug) {
        TreeSet<Entry> candidates = inSection(sectionSlug);
        long now = now();
        int hidden = 0;
        for (Entry e : embargoed) {
            if (e.visible(now)) {
                break; // the rest lift earlier, so they have lifted too
            }
            if (candidates.contains(e)) {
                hidden++;
            }
        }
        for (TreeSet<Entry> story : sharedStories.values()) {
            int shown = 0;
            for (Entry m : story) {
                if (m.visible(now) && candidates.contains(m)) {
                    shown++;
                }
            }
            hidden += Math.max(0, shown - 1); // the story is listed once
        }
        return candidates.size() - hidden;
    }

    private TreeSet<Entry> inSection(String sectionSlug) {
        if (sectionSlug == null) {
            return usable;
        }
        TreeSet<Entry> bucket = usableBySection.get(sectionSlug);
        return bucket == null ? new TreeSet<>(NEWEST_FIRST) : bucket;
    }

    /**
     * Visible articles newest first matching a rule, e.g. those with a photo; walks the store until it has
     * {@code limit}, reading each article it tests from the archive (a rule that rarely matches reads many).
     */
    public synchronized List<EnrichedArticle> select(Predicate<EnrichedArticle> rule, int offset, int limit) {
        return full(visible(usable, e -> rule.test(full(e)), offset, limit));
    }

    /**
     * Keeps the articles matching {@code rule} (a pure function of the article) indexed from now on, so
     * {@link #latestIn(Subset, int, int)} lists them without walking the store; the same rule object
     * always gives the same subset. Asked for on a full store, it reads every usable article once.
     */
    public synchronized Subset index(Predicate<EnrichedArticle> rule) {
        return subsets.computeIfAbsent(rule, r -> {
            Subset s = new Subset(r);
            for (Entry e : usable) {
                if (r.test(full(e))) {
                    s.members.add(e);
                }
            }
            return s;
        });
    }

    /** Visible articles of a subset, newest first, after skipping {@code offset}. */
    public synchronized List<EnrichedArticle> latestIn(Subset subset, int offset, int limit) {
        if (subsets.get(subset.rule) != subset) {
            throw new IllegalArgumentException("subset of another store");
        }
        return full(visible(subset.members, ANY, offset, limit));
    }

    /** Walks newest first, skipping what the clock still hides; at most the embargoed articles more than asked. */
    private List<Entry> visible(TreeSet<Entry> candidates, Predicate<Entry> rule, int offset, int limit) {
        return visible(candidates, rule, offset, limit, Long.MIN_VALUE);
    }

    /** {@link #visible(TreeSet, Predicate, int, int)}, stopping at the first article shown at or before {@code notAfter}. */
    private List<Entry> visible(TreeSet<Entry> candidates, Predicate<Entry> rule, int offset, int limit, long notAfter) {
        long now = now();
        List<Entry> out = new ArrayList<>();
        int skipped = 0;
        for (Entry e : candidates) {
            if (out.size() >= limit || e.shownAt() <= notAfter) {
                break;
            }
            if (!e.visible(now) || !rule.test(e) || listedAsAnother(e, candidates, rule, now)) {
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
    private boolean listedAsAnother(Entry e, TreeSet<Entry> candidates, Predicate<Entry> rule, long now) {
        TreeSet<Entry> story = sharedStories.get(e.story());
        if (story == null) {
            return false;
        }
        for (Entry m : story) {
            if (m.id().equals(e.id())) {
                return false;
            }
            if (m.visible(now) && candidates.contains(m) && rule.test(m)) {
                return true;
            }
        }
        return false;
    }

    /** The other visible articles of e's story ("also from ..."), in story order: the first published first. */
    public synchronized List<EnrichedArticle> alsoFrom(EnrichedArticle e) {
        TreeSet<Entry> story = sharedStories.get(storyOf(e));
        if (story == null) {
            return List.of();
        }
        long now = now();
        String id = e.getArticle().getId();
        return full(story.stream().filter(m -> !m.id().equals(id) && m.visible(now)).toList());
    }

    /**
     * The article a list shows for the story of the article with this id: the first visible member of
     * its story, or the article itself (empty when it is not visible).
     */
    public synchronized Optional<EnrichedArticle> storyEntry(String id) {
        Entry e = byId.get(id);
        long now = now();
        if (e == null || !e.visible(now)) {
            return Optional.empty();
        }
        TreeSet<Entry> story = sharedStories.get(e.story());
        if (story == null) {
            return Optional.of(full(e));
        }
        return story.stream().filter(m -> m.visible(now)).findFirst().map(this::full);
    }

    /**
     * "Top news": among the {@code pool} newest visible articles, the highest priority (1 first),
     * newest first within a priority.
     */
    public synchronized List<EnrichedArticle> topNews(int pool, int limit) {
        List<Entry> recent = visible(usable, ANY, 0, pool);
        recent.sort(TOP_NEWS_ORDER);
        return full(recent.subList(0, Math.min(limit, recent.size())));
    }

    /**
     * Section names of stored (not killed) articles, as the newest article of each slug spells them,
     * ordered by that article, newest first. The same list object is returned until a section changes.
     */
    public synchronized List<String> sections() {
        if (sections == null) {
            List<Entry> newestPerSlug = new ArrayList<>();
            sectionSpelling.values().forEach(bucket -> newestPerSlug.add(bucket.first()));
            newestPerSlug.sort(NEWEST_FIRST);
            sections = newestPerSlug.stream().map(Entry::section).toList();
        }
        return sections;
    }

    /** When the store last changed (wall clock), for Last-Modified of listings. */
    public synchronized Instant lastChange() {
        return lastChange;
    }

    /** How many articles are stored (not killed), visible or not. */
    public synchronized int size() {
        return byId.size();
    }

    /** Where the full articles are kept. */
    public ArticleArchive archive() {
        return archive;
    }

    /** Closes the archive; reads after this fail. */
    @Override
    public synchronized void close() {
        archive.close();
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
