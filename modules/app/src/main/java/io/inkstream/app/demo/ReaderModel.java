package io.inkstream.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Who reads what: humans pick articles by a Zipf law over a popularity order whose top changes every
 * {@link #HOT_ROTATION}; about {@link #BOT_SHARE} of views are crawlers hitting any article; about
 * {@link #RETURNING_SHARE} of human views come from someone who read within {@link #REVISIT_WINDOW},
 * often the same article again. Time and chance are injected so the rule can be tested without waiting.
 */
public final class ReaderModel {

    public static final double BOT_SHARE = 0.05;
    public static final double RETURNING_SHARE = 0.25;
    /** Of returning readers, how many reload or come back to the article they just read. */
    public static final double SAME_ARTICLE_SHARE = 0.4;
    public static final double ZIPF_EXPONENT = 1.1;
    public static final Duration HOT_ROTATION = Duration.ofMinutes(10);
    public static final Duration REVISIT_WINDOW = Duration.ofMinutes(30);
    /** How far down the order a story must be to be promoted when the hot list changes. */
    private static final int PROMOTE_FROM_RANK = 5;
    private static final int MAX_RECENT = 5_000;

    static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0");
    static final List<String> BOTS = List.of(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
            "python-requests/2.32.3",
            "curl/8.8.0");
    /** Referring hosts with their weights; null is a typed-in address or a bookmark. */
    private static final String[] REFERRERS = {null, "www.google.com", "x.com", "www.facebook.com", "news.example.net", "localhost"};
    private static final double[] REFERRER_WEIGHTS = {0.40, 0.25, 0.10, 0.10, 0.05, 0.10};

    private record Visit(String visitorId, String userAgent, String articleId, Instant at) {
    }

    private final Random random;
    private final InstantSource clock;
    /** Popularity order: index 0 is the story everyone reads right now. */
    private final List<String> order = new ArrayList<>();
    private final Deque<Visit> recent = new ArrayDeque<>();
    private double[] cumulative = new double[0];
    private long rotation = Long.MIN_VALUE;

    public ReaderModel(Random random, InstantSource clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Adds stories at the bottom of the order, shuffled, as an archive the readers discover. */
    public synchronized void addArticles(Collection<String> articleIds) {
        List<String> fresh = new ArrayList<>(articleIds);
        fresh.removeAll(order);
        java.util.Collections.shuffle(fresh, random);
        order.addAll(fresh);
        cumulative = new double[0];
    }

    /** A story just published: readers flock to it, so it enters near the top. */
    public synchronized void addBreaking(String articleId) {
        order.remove(articleId);
        order.add(Math.min(order.size(), random.nextInt(3)), articleId);
        cumulative = new double[0];
    }

    public synchronized int size() {
        return order.size();
    }

    /** The next view, or null while there is nothing to read. */
    public synchronized View next() {
        if (order.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        rotateIfDue(now);
        if (random.nextDouble() < BOT_SHARE) {
            // Crawlers walk the whole site, not the hot list, and keep no visitor id.
            return new View(order.get(random.nextInt(order.size())), newVisitorId(), pick(BOTS), null, true);
        }
        forgetBefore(now.minus(REVISIT_WINDOW));
        View view;
        if (!recent.isEmpty() && random.nextDouble() < RETURNING_SHARE) {
            Visit before = randomRecent();
            String article = random.nextDouble() < SAME_ARTICLE_SHARE ? before.articleId() : zipfPick();
            view = new View(article, before.visitorId(), before.userAgent(), referrer(), false);
        } else {
            view = new View(zipfPick(), newVisitorId(), pick(BROWSERS), referrer(), false);
        }
        recent.addLast(new Visit(view.visitorId(), view.userAgent(), view.articleId(), now));
        if (recent.size() > MAX_RECENT) {
            recent.removeFirst();
        }
        return view;
    }

    /** Every {@link #HOT_ROTATION} a story from lower down becomes the most read one, as news moves on. */
    private void rotateIfDue(Instant now) {
        long current = now.toEpochMilli() / HOT_ROTATION.toMillis();
        if (rotation != Long.MIN_VALUE && current != rotation && order.size() > PROMOTE_FROM_RANK) {
            String promoted = order.remove(PROMOTE_FROM_RANK + random.nextInt(order.size() - PROMOTE_FROM_RANK));
            order.add(0, promoted);
        }
        rotation = current;
    }

    private String zipfPick() {
        if (cumulative.length != order.size()) {
            cumulative = new double[order.size()];
            double sum = 0;
            for (int rank = 0; rank < cumulative.length; rank++) {
                sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
                cumulative[rank] = sum;
            }
        }
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return order.get(Math.min(index < 0 ? -index - 1 : index, order.size() - 1));
    }

    private void forgetBefore(Instant cutoff) {
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }

    private Visit randomRecent() {
        int skip = random.nextInt(recent.size());
        Iterator<Visit> it = recent.descendingIterator();
        Visit v = it.next();
        for (int i = 0; i < skip; i++) {
            v = it.next();
        }
        return v;
    }

    private String referrer() {
        double r = random.nextDouble();
        for (int i = 0; i < REFERRERS.length; i++) {
            r -= REFERRER_WEIGHTS[i];
            if (r < 0) {
                return REFERRERS[i];
            }
        }
        return null;
    }

    private String newVisitorId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "demo-" + HexFormat.of().formatHex(bytes);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
