package io.inkstream.enrich;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The enrich service's settings, declared once: how far back related news reaches, how many
 * related articles and keywords an article gets, and when two stories count as one.
 */
public record EnrichConfig(Duration relatedWindow, int maxRelated, double minRelatedScore,
                           double duplicateResemblance, int maxKeywords) {

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

    public static final List<Setting<?>> ALL = List.of(RELATED_WINDOW, MAX_RELATED, MIN_RELATED_SCORE,
            DUPLICATE_RESEMBLANCE, MAX_KEYWORDS);

    public EnrichConfig {
        if (relatedWindow.isNegative() || relatedWindow.isZero()) {
            throw new IllegalArgumentException(RELATED_WINDOW.key() + " must be positive, was " + relatedWindow);
        }
    }

    public static EnrichConfig from(Settings settings) {
        settings.validate(ALL);
        return new EnrichConfig(settings.get(RELATED_WINDOW), settings.get(MAX_RELATED),
                settings.get(MIN_RELATED_SCORE), settings.get(DUPLICATE_RESEMBLANCE), settings.get(MAX_KEYWORDS));
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
