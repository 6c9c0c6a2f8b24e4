package io.inkstream.bench;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.renderer.ArchivedSite;
import io.inkstream.renderer.RendererConfig;
import io.inkstream.renderer.RendererService;
import io.inkstream.platform.config.Settings;
import io.inkstream.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Renderer archive (issue #15, item 2): how many articles one renderer holds, and whether an old article's
 * page costs more than a new one's. Applies N synthetic articles (about 600 words, a photo, one in twenty
 * also a video, entities, keywords, five related) to the renderer's own stores through
 * {@link ArchivedSite} (the feeder's apply, without Kafka), then reports heap after GC and bytes on disk per
 * article, the load rate, and the article page rate (the site's page API, one thread, no HTTP) for the
 * newest articles and for random ones of the oldest half, each page a different article, in alternating
 * blocks so both see the same JIT and the same machine.
 */
public final class ArchiveScale {

    private static final Set<String> OPTIONS = Set.of("articles", "pages", "cache", "paragraphs");
    private static final Duration SPACING = Duration.ofMinutes(1);
    private static final int BLOCKS = 4;
    /** Distinct bodies: article n has body n % BODIES (a multiple of the 20 topics, so body and topic agree). */
    private static final int BODIES = 1000;

    private ArchiveScale() {
    }

    public static void main(String[] argv) throws IOException {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int n = args.intValue("articles", 100_000);
        int pages = args.intValue("pages", 4000);
        int paragraphs = args.intValue("paragraphs", 15);
        RendererConfig defaults = RendererConfig.defaults();
        int cache = args.intValue("cache", defaults.articleCacheSize());
        RendererConfig config = RendererConfig.from(Settings.ofOverrides(
                Map.of(RendererConfig.ARTICLE_CACHE_SIZE.key(), String.valueOf(cache))));
        Report report = new Report("Renderer archive: articles on disk, indexes in heap (issue #15)",
                ArchiveScale.class.getName(), args);
        Instant first = Instant.now().minus(SPACING.multipliedBy(n + 60L));
        Articles make = new Articles(first, paragraphs);

        Path dir = Files.createTempDirectory("inkstream-archive-bench");
        long heapBefore = MemoryUse.heapAfterGc();
        try (ArchivedSite site = ArchivedSite.open(RendererService.archiveDir(dir), config, Clock.systemUTC())) {
            long applyNanos = 0;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                EnrichedArticle e = make.article(i);
                long t = System.nanoTime();
                site.apply(e);
                applyNanos += System.nanoTime() - t;
                if ((i + 1) % 100_000 == 0) {
                    Report.progress(String.format("%,d articles applied", i + 1));
                }
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            applyRankings(site, make, n);
            long disk = site.bytesOnDisk();
            long heapLoaded = MemoryUse.heapAfterGc();
            Report.progress(String.format("loaded %,d articles in %.1f s (%.1f s in apply); heap %s, disk %s",
                    site.size(), loadSeconds, applyNanos / 1e9, Report.mb(heapLoaded - heapBefore), Report.mb(disk)));

            Random random = new Random(42);
            render(site, first, i -> n / 4 + random.nextInt(n / 2), Math.min(pages, 2000)); // warm-up, the middle
            long newNanos = 0;
            long oldNanos = 0;
            int perBlock = pages / BLOCKS;
            for (int b = 0; b < BLOCKS; b++) {
                int base = b * perBlock;
                newNanos += render(site, first, i -> n - 1 - base - i, perBlock);
                oldNanos += render(site, first, i -> random.nextInt(n / 2), perBlock);
            }
            int measured = perBlock * BLOCKS;
            double newRate = measured / (newNanos / 1e9);
            double oldRate = measured / (oldNanos / 1e9);
            long heapServing = MemoryUse.heapAfterGc();

            report.columns("articles", "heap after GC / article", "disk / article", "load (apply) articles/s",
                    "new article pages/s", "old article pages/s", "old ÷ new");
            report.row(String.format("%,d", n), String.format("%,d B", (heapLoaded - heapBefore) / n),
                    String.format("%,d B", disk / n), Report.perSecond(n / (applyNanos / 1e9)),
                    Report.perSecond(newRate), Report.perSecond(oldRate), Report.ratio(oldRate / newRate));
            report.note(String.format("heap after GC: %s before the store, %s with %,d articles loaded, %s after the page runs"
                            + " (with the cache of %,d decoded articles full); max heap %s; resident set %s (RocksDB's memtables and"
                            + " block cache are off heap)", Report.mb(heapBefore), Report.mb(heapLoaded), n, Report.mb(heapServing),
                    cache, Report.mb(Runtime.getRuntime().maxMemory()), Report.mb(MemoryUse.residentSet())));
            report.note(String.format("disk: %s in RocksDB (LZ4, no WAL) after a flush; load %.1f s wall for %,d articles"
                            + " (%s/s with generating them; apply alone %s/s)", Report.mb(disk), loadSeconds, n,
                    Report.perSecond(n / loadSeconds), Report.perSecond(n / (applyNanos / 1e9))));
            report.note(String.format("articles of %d paragraphs, %d words (article 0), one photo, one in twenty also a video;"
                    + " %,d distinct bodies (article n has body n %% %d; id, headline, path, times, media, related its own);"
                    + " one a minute, 9 sections; rankings for every section", paragraphs, make.article(0).getWordCount(),
                    BODIES, BODIES));
            report.note(String.format("pages: %,d new (the newest, each once) and %,d old (random in the oldest half) article"
                    + " pages, %d alternating blocks, after %,d warm-up pages from the middle; one thread, no HTTP;"
                    + " archive reads: %s", measured, measured, BLOCKS * 2, Math.min(pages, 2000), site.cacheStats()));
            report.note("the archive's files are in the OS page cache when the machine has the memory (here it has):"
                    + " an old article is a RocksDB read from memory-mapped pages, not a disk seek");
        } finally {
            TempDirs.deleteTreeOrFail(dir);
        }
        report.print();
    }

    /**
     * SyntheticArticles' article n, its body taken from a pool of {@link #BODIES} (generating 600 words of text is
     * most of a load's time otherwise); adjacent keys still have different bodies, so compression sees no repeats.
     */
    private static final class Articles {
        private final Instant first;
        private final EnrichedArticle[] bodies = new EnrichedArticle[BODIES];

        Articles(Instant first, int paragraphs) {
            this.first = first;
            for (int b = 0; b < BODIES; b++) {
                bodies[b] = SyntheticArticles.enriched(b, at(first, b), SPACING, paragraphs);
            }
        }

        EnrichedArticle article(int n) {
            EnrichedArticle body = bodies[n % BODIES];
            EnrichedArticle e = SyntheticArticles.enriched(n, at(first, n), SPACING, 1);
            e.getArticle().setParagraphs(body.getArticle().getParagraphs());
            e.setSummary(body.getSummary());
            e.setWordCount(body.getWordCount());
            e.setReadingMinutes(body.getReadingMinutes());
            e.setParagraphCount(body.getParagraphCount());
            return e;
        }
    }

    private static Instant at(Instant first, int i) {
        return first.plus(SPACING.multipliedBy(i));
    }

    /** Nanoseconds to render {@code count} article pages, the i-th of article {@code which(i)}. */
    private static long render(ArchivedSite site, Instant first, IntUnaryOperator which, int count) {
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int a = which.applyAsInt(i);
            bytes += site.renderArticle(SyntheticArticles.path(a, at(first, a))).length();
        }
        long nanos = System.nanoTime() - start;
        if (bytes == 0) {
            throw new IllegalStateException("empty pages");
        }
        return nanos;
    }

    /** "Most popular in 24h" of the whole site and of each section: its ten newest articles. */
    private static void applyRankings(ArchivedSite site, Articles make, int n) {
        Map<String, List<EnrichedArticle>> bySection = new LinkedHashMap<>();
        List<EnrichedArticle> newest = new ArrayList<>();
        for (int i = n - 1; i >= Math.max(0, n - 400); i--) {
            EnrichedArticle e = make.article(i);
            if (newest.size() < 10) {
                newest.add(e);
            }
            List<EnrichedArticle> list = bySection.computeIfAbsent(RendererService.sectionSlug(e.getArticle().getSection()),
                    s -> new ArrayList<>());
            if (list.size() < 10) {
                list.add(e);
            }
        }
        Instant now = Instant.now();
        site.applyRanking(SyntheticArticles.ranking("all", newest, now));
        bySection.forEach((slug, list) -> site.applyRanking(SyntheticArticles.ranking(slug, list, now)));
    }
}
