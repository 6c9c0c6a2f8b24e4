package io.inkstream.bench.popularity;

import io.inkstream.events.PageView;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A day-and-more of reader traffic as a backfill would replay it: views in event-time order (with
 * a little disorder, well inside the grace period), article picked by a Zipf law over a shuffled
 * catalogue plus a round-robin sweep so that every article is read at least once a day, some bots and
 * some visitors reading the same article again a few minutes later.
 */
final class ViewGenerator {

    static final String[] SECTIONS = {"politics", "business", "society", "culture", "military", "sci-tech",
            "entertainment", "sports", "features", "world"};
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static final String CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String[] REFERRERS = {null, null, "www.google.com", "news.ycombinator.com", "t.co", "www.facebook.com"};
    /** Views are shuffled by up to this much around their place: out of order, but never late. */
    private static final long DISORDER_MS = Duration.ofSeconds(20).toMillis();
    /** Repeats come from the views of the last ten minutes of event time, well inside the dedup window. */
    private static final Duration REPEAT_SPAN = Duration.ofMinutes(10);

    private final ReplayOptions options;
    private final SplittableRandom random;
    private final double[] zipfCdf;
    private final int[] rankToArticle;
    private final long startMs;
    private final long spanMs;
    private final long lastDayStartMs;
    private final int recent;
    private final String[] recentVisitor;
    private final int[] recentArticle;
    private final BitSet readInLastDay;
    /** Per article: views in the last 24 hours that are neither bots nor injected repeats (what the ranking should about show). */
    private final int[] lastDayViews;
    private int sweep;
    private long produced;
    private long bots;
    private long repeats;

    /** Views spanning {@code options.hours()} of event time up to {@code end}. */
    ViewGenerator(ReplayOptions options, Instant end) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.spanMs = Duration.ofHours(options.hours()).toMillis();
        this.startMs = end.toEpochMilli() - spanMs;
        this.lastDayStartMs = startMs + spanMs - Duration.ofHours(24).toMillis();
        this.zipfCdf = zipfCdf(options.articles(), options.zipfExponent());
        this.rankToArticle = shuffled(options.articles(), random);
        this.readInLastDay = new BitSet(options.articles());
        this.lastDayViews = new int[options.articles()];
        this.recent = (int) Math.max(16, Math.min(1 << 16, options.views() * REPEAT_SPAN.toMillis() / spanMs));
        this.recentVisitor = new String[recent];
        this.recentArticle = new int[recent];
    }

    static String articleId(int index) {
        return String.format(Locale.ROOT, "urn:inkstream:article:bench%011d", index);
    }

    static String section(int index) {
        return SECTIONS[index % SECTIONS.length];
    }

    /** The next view; call exactly {@code options.views()} times. */
    PageView next() {
        long i = produced++;
        long at = startMs + (long) ((double) i * spanMs / options.views())
                + random.nextLong(-DISORDER_MS, DISORDER_MS + 1);
        at = Math.max(startMs, Math.min(startMs + spanMs - 1, at));
        int slot = (int) (i % recent);
        int article;
        String visitor;
        boolean repeat = i >= recent && random.nextDouble() < options.repeatShare();
        if (repeat) {
            // The same reader comes back to the same page a few minutes later: counted once.
            int from = random.nextInt(recent);
            article = recentArticle[from];
            visitor = recentVisitor[from];
            repeats++;
        } else {
            article = random.nextDouble() < options.sweepShare() ? sweep++ % options.articles() : zipf();
            visitor = visitorHash(random.nextLong(options.visitors()));
        }
        recentArticle[slot] = article;
        recentVisitor[slot] = visitor;
        boolean bot = random.nextDouble() < options.botShare();
        if (bot) {
            bots++;
        } else if (at >= lastDayStartMs) {
            readInLastDay.set(article);
            if (!repeat) {
                lastDayViews[article]++;
            }
        }
        return PageView.newBuilder()
                .setArticleId(articleId(article))
                .setSection(section(article))
                .setVisitorHash(visitor)
                .setViewedAt(Instant.ofEpochMilli(at))
                .setReferrer(REFERRERS[random.nextInt(REFERRERS.length)])
                .setUserAgent(bot ? CRAWLER : BROWSER)
                // Half the bots are flagged by the collector, the other half only betray themselves by user agent.
                .setBot(bot && random.nextBoolean())
                .build();
    }

    long bots() {
        return bots;
    }

    long repeats() {
        return repeats;
    }

    /** Distinct articles with at least one non-bot view in the last 24 hours of event time. */
    int articlesReadInLastDay() {
        return readInLastDay.cardinality();
    }

    /** The most viewed articles of the last 24 hours as generated, "id: views", most first. */
    List<String> expectedTop(int n) {
        return IntStream.range(0, lastDayViews.length).boxed()
                .sorted((a, b) -> Integer.compare(lastDayViews[b], lastDayViews[a]))
                .limit(n).map(a -> articleId(a) + ": " + lastDayViews[a]).toList();
    }

    /** How many of the views come before the last 24 hours (about: views are spread evenly in time). */
    long viewsBeforeLastDay() {
        return (long) ((double) options.views() * (spanMs - Duration.ofHours(24).toMillis()) / spanMs);
    }

    Instant start() {
        return Instant.ofEpochMilli(startMs);
    }

    Instant end() {
        return Instant.ofEpochMilli(startMs + spanMs);
    }

    private int zipf() {
        int rank = java.util.Arrays.binarySearch(zipfCdf, random.nextDouble());
        rank = rank >= 0 ? rank : -rank - 1;
        return rankToArticle[Math.min(rank, rankToArticle.length - 1)];
    }

    /** A 64-hex-digit id, the shape of the renderer's salted SHA-256 visitor hash. */
    private static String visitorHash(long visitor) {
        HexFormat hex = HexFormat.of();
        long a = mix(visitor);
        long b = mix(a);
        long c = mix(b);
        long d = mix(c);
        return hex.toHexDigits(a) + hex.toHexDigits(b) + hex.toHexDigits(c) + hex.toHexDigits(d);
    }

    private static long mix(long z) {
        z = (z + 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
