package io.inkstream.enrich;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The enrich service's settings, declared once: how far back related news reaches, how many
 * related articles and keywords an article gets, when two stories count as one, and how earlier
 * articles' related lists are refreshed when a strongly related one arrives ({@link Refresh}).
 */
public record EnrichConfig(Duration relatedWindow, int maxRelated, double minRelatedScore,
                           double duplicateResemblance, int maxKeywords, Refresh refresh) {

    public static final Setting<Duration> RELATED_WINDOW = Setting.duration("inkstream.enrich.related-window", "30d",
            "How far back related news and near-duplicates are looked for; older articles leave enrich's state.").formerly("enrich.related.window");
    public static final Setting<Integer> MAX_RELATED = Setting.integer("inkstream.enrich.related-max", 5, 0, 20,
            "At most this many related articles per article.").formerly("enrich.related.max");
    public static final Setting<Double> MIN_RELATED_SCORE = fraction("inkstream.enrich.related-min-score", "0.07",
            "An earlier article is related only when its similarity (0..1) reaches this.").formerly("enrich.related.min-score");
    public static final Setting<Double> DUPLICATE_RESEMBLANCE = fraction("inkstream.enrich.duplicate-resemblance", "0.5",
            "Two articles whose three-word shingles overlap at least this much (Jaccard, 0..1) are one story.").formerly("enrich.duplicate.resemblance");
    public static final Setting<Integer> MAX_KEYWORDS = Setting.integer("inkstream.enrich.keywords-max", 8, 0, 50,
            "At most this many keywords per article.").formerly("enrich.keywords.max");

    // decision 0033: related lists that stay current
    public static final Setting<Integer> REFRESH_MAX_PER_ARTICLE = Setting.integer("inkstream.enrich.refresh-max-per-article", 3, 0, 20,
            "At most this many earlier articles get their related list refreshed (re-emitted) when a strongly related article "
                    + "arrives, or when an article they list is killed; 0 turns refreshing off.");
    public static final Setting<Duration> REFRESH_MIN_INTERVAL = Setting.duration("inkstream.enrich.refresh-min-interval", "1m",
            "An article's related list is re-emitted at most once in this time (wall clock); requests meanwhile are "
                    + "gathered and applied together when it has passed.");
    public static final Setting<Double> REFRESH_MIN_SCORE = fraction("inkstream.enrich.refresh-min-score", "0.2",
            "A new article refreshes the lists of the earlier articles it lists with at least this similarity (0..1): strongly related.");
    public static final Setting<Duration> REFRESH_HORIZON = Setting.duration("inkstream.enrich.refresh-horizon", "2d",
            "Only articles enriched this recently have their lists refreshed; enrich keeps their latest enriched version that long.");

    public static final List<Setting<?>> ALL = List.of(RELATED_WINDOW, MAX_RELATED, MIN_RELATED_SCORE,
            DUPLICATE_RESEMBLANCE, MAX_KEYWORDS, REFRESH_MAX_PER_ARTICLE, REFRESH_MIN_INTERVAL, REFRESH_MIN_SCORE,
            REFRESH_HORIZON);

    /**
     * How related lists of earlier articles stay current: at most {@code maxPerArticle} re-emitted per new article
     * (or kill), each at most once per {@code minInterval}, for the new article's related entries scoring at least
     * {@code minScore}, among articles enriched within {@code horizon}.
     */
    public record Refresh(int maxPerArticle, Duration minInterval, double minScore, Duration horizon) {

        public static final Refresh OFF = new Refresh(0, Duration.ofMinutes(1), 1.0, Duration.ofDays(2));

        public Refresh {
            if (minInterval.isNegative()) {
                throw new IllegalArgumentException(REFRESH_MIN_INTERVAL.key() + " must not be negative, was " + minInterval);
            }
            if (horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException(REFRESH_HORIZON.key() + " must be positive, was " + horizon);
            }
        }

        public boolean enabled() {
            return maxPerArticle > 0;
        }
    }

    public EnrichConfig {
        if (relatedWindow.isNegative() || relatedWindow.isZero()) {
            throw new IllegalArgumentException(RELATED_WINDOW.key() + " must be positive, was " + relatedWindow);
        }
    }

    /** Without refreshing of earlier lists (each list fixed when its article is enriched). */
    public EnrichConfig(Duration relatedWindow, int maxRelated, double minRelatedScore, double duplicateResemblance,
                        int maxKeywords) {
        this(relatedWindow, maxRelated, minRelatedScore, duplicateResemblance, maxKeywords, Refresh.OFF);
    }

    public static EnrichConfig from(Settings settings) {
        settings.validate(ALL);
        return new EnrichConfig(settings.get(RELATED_WINDOW), settings.get(MAX_RELATED),
                settings.get(MIN_RELATED_SCORE), settings.get(DUPLICATE_RESEMBLANCE), settings.get(MAX_KEYWORDS),
                new Refresh(settings.get(REFRESH_MAX_PER_ARTICLE), settings.get(REFRESH_MIN_INTERVAL),
                        settings.get(REFRESH_MIN_SCORE), settings.get(REFRESH_HORIZON)));
    }

    /** The same settings with {@code refresh} in place of these. */
    public EnrichConfig withRefresh(Refresh refresh) {
        return new EnrichConfig(relatedWindow, maxRelated, minRelatedScore, duplicateResemblance, maxKeywords, refresh);
    }

    public static EnrichConfig defaults() {
        return from(Settings.ofOverrides(Map.of()));
    }

    private static Setting<Double> fraction(String key, String defaultValue, String doc) {
        return new Setting<>(key, "fraction", defaultValue, doc, text -> {
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number between 0 and 1, e.g. 0.5");
            }
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("must be between 0 and 1");
            }
            return value;
        });
    }
}
