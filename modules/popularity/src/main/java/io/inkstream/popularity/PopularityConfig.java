package io.inkstream.popularity;

import io.inkstream.popularity.count.BotDetector;
import io.inkstream.popularity.rank.ScopeRanking;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The popularity service's settings, each declared once with its documentation, default and valid
 * range; a bad value fails fast with a message naming the setting.
 */
public record PopularityConfig(int topN, Duration grace, Duration dedupWindow, Duration emitInterval, List<String> botMarkers) {

    public static final String TOP_N = "popularity.top.n";
    public static final String TOP_N_DOC = "Entries in each published ranking (the API's limit can go up to "
            + ScopeRanking.MAX_ENTRIES + " regardless).";
    public static final String GRACE_MS = "popularity.grace.ms";
    public static final String GRACE_MS_DOC = "How late (behind the newest view seen) a view may arrive and still count in its minute; "
            + "later views are only counted in the popularity-late-views metric.";
    public static final String DEDUP_WINDOW_MS = "popularity.dedup.window.ms";
    public static final String DEDUP_WINDOW_MS_DOC = "Views of one article by one visitor closer together than this count once.";
    public static final String EMIT_INTERVAL_MS = "popularity.emit.interval.ms";
    public static final String EMIT_INTERVAL_MS_DOC = "How often changed counts are passed on and changed rankings published; "
            + "at least one second, so a scope's ranking is published at most once per second.";
    public static final String BOT_USER_AGENTS = "popularity.bot.user.agents";
    public static final String BOT_USER_AGENTS_DOC = "User-agent fragments (case-insensitive) that mark a view as bot traffic, "
            + "in addition to views the collector flagged.";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(TOP_N, Type.INT, 10, Range.between(1, ScopeRanking.MAX_ENTRIES), Importance.MEDIUM, TOP_N_DOC)
            .define(GRACE_MS, Type.LONG, Duration.ofMinutes(5).toMillis(), Range.atLeast(0), Importance.MEDIUM, GRACE_MS_DOC)
            .define(DEDUP_WINDOW_MS, Type.LONG, Duration.ofMinutes(30).toMillis(), Range.atLeast(1), Importance.MEDIUM, DEDUP_WINDOW_MS_DOC)
            .define(EMIT_INTERVAL_MS, Type.LONG, 1000L, Range.atLeast(1000), Importance.LOW, EMIT_INTERVAL_MS_DOC)
            .define(BOT_USER_AGENTS, Type.LIST, BotDetector.DEFAULT_MARKERS, Importance.LOW, BOT_USER_AGENTS_DOC);

    public PopularityConfig {
        if (topN < 1 || topN > ScopeRanking.MAX_ENTRIES) {
            throw new ConfigException(TOP_N, topN, "must be between 1 and " + ScopeRanking.MAX_ENTRIES);
        }
        if (grace.isNegative()) {
            throw new ConfigException(GRACE_MS, grace.toMillis(), "must not be negative");
        }
        if (dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new ConfigException(DEDUP_WINDOW_MS, dedupWindow.toMillis(), "must be positive");
        }
        if (emitInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException(EMIT_INTERVAL_MS, emitInterval.toMillis(), "must be at least 1000");
        }
        botMarkers = List.copyOf(botMarkers);
    }

    /** Settings from properties or environment-derived keys; unknown keys are ignored. */
    public static PopularityConfig from(Map<?, ?> settings) {
        AbstractConfig parsed = new AbstractConfig(DEFINITION, settings, false);
        return new PopularityConfig(
                parsed.getInt(TOP_N),
                Duration.ofMillis(parsed.getLong(GRACE_MS)),
                Duration.ofMillis(parsed.getLong(DEDUP_WINDOW_MS)),
                Duration.ofMillis(parsed.getLong(EMIT_INTERVAL_MS)),
                parsed.getList(BOT_USER_AGENTS));
    }

    public static PopularityConfig defaults() {
        return from(Map.of());
    }

    public PopularityConfig withTopN(int n) {
        return new PopularityConfig(n, grace, dedupWindow, emitInterval, botMarkers);
    }

    public PopularityConfig withGrace(Duration g) {
        return new PopularityConfig(topN, g, dedupWindow, emitInterval, botMarkers);
    }

    public PopularityConfig withDedupWindow(Duration d) {
        return new PopularityConfig(topN, grace, d, emitInterval, botMarkers);
    }
}
