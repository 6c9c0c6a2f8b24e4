package io.inkstream.popularity;

import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.ConfigException;
import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.http.BotDetector;
import io.inkstream.popularity.rank.ScopeRanking;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The popularity service's settings, each declared once with its documentation and default; a bad
 * value fails fast with a message naming the setting.
 */
public record PopularityConfig(int topN, Duration grace, Duration dedupWindow, Duration emitInterval, List<String> botMarkers,
                               Optional<URI> advertisedUrl, Duration forwardTimeout) {

    public static final Setting<Integer> TOP_N = Setting.integer("inkstream.popularity.top-n", 10, 1, ScopeRanking.MAX_ENTRIES,
            "Entries in each ranking published on popularity.top24h (the API's limit goes up to "
                    + ScopeRanking.MAX_ENTRIES + " regardless).")
            .formerly("popularity.top.n");
    public static final Setting<Duration> GRACE = Setting.duration("inkstream.popularity.grace", "5m",
            "How far behind the newest view a view may arrive and still count in its minute; later views are "
                    + "only counted in the popularity-late-views-total metric. Views dated more than this ahead of the "
                    + "wall clock are refused (popularity-future-views-total).")
            .formerly("popularity.grace");
    public static final Setting<Duration> DEDUP_WINDOW = Setting.duration("inkstream.popularity.dedup-window", "30m",
            "Views of one article by one visitor closer together than this count once.")
            .formerly("popularity.dedup.window");
    public static final Setting<Duration> EMIT_INTERVAL = Setting.duration("inkstream.popularity.emit-interval", "1s",
            "How often changed counts are passed on and changed rankings published (at least 1s: a scope's "
                    + "ranking goes out at most once per interval).")
            .formerly("popularity.emit.interval");
    public static final Setting<String> BOT_USER_AGENTS = Setting.string("inkstream.popularity.bot-user-agents",
            String.join(",", BotDetector.DEFAULT_MARKERS),
            "Comma-separated user-agent fragments (case-insensitive) marking bot views, besides views the collector flagged.")
            .formerly("popularity.bot.user.agents");

    public static final Setting<String> ADVERTISED_URL = Setting.string("inkstream.popularity.advertised-url", null,
            "Base URL (http://host:port) at which other popularity instances reach this one's HTTP API; it becomes the "
                    + "Streams application.server, so any instance answers for any article or scope by asking its owner. "
                    + "Empty: http://<inkstream.http.host>:<inkstream.http.port> (localhost for 0.0.0.0); with port 0, "
                    + "no forwarding (one instance).");
    public static final Setting<Duration> FORWARD_TIMEOUT = Setting.duration("inkstream.popularity.forward-timeout", "2s",
            "How long a query forwarded to the instance that holds its article or scope may take before it answers 503.");

    public static final List<Setting<?>> ALL = List.of(TOP_N, GRACE, DEDUP_WINDOW, EMIT_INTERVAL, BOT_USER_AGENTS,
            ADVERTISED_URL, FORWARD_TIMEOUT);

    public PopularityConfig {
        if (topN < 1 || topN > ScopeRanking.MAX_ENTRIES) {
            throw new ConfigException("setting " + TOP_N.key() + " must be between 1 and " + ScopeRanking.MAX_ENTRIES + ", not " + topN);
        }
        if (grace.isNegative()) {
            throw new ConfigException("setting " + GRACE.key() + " must not be negative, not " + grace);
        }
        if (dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new ConfigException("setting " + DEDUP_WINDOW.key() + " must be positive, not " + dedupWindow);
        }
        if (emitInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException("setting " + EMIT_INTERVAL.key() + " must be at least 1s, not " + emitInterval);
        }
        botMarkers = List.copyOf(botMarkers);
        if (forwardTimeout.isNegative() || forwardTimeout.isZero()) {
            throw new ConfigException("setting " + FORWARD_TIMEOUT.key() + " must be positive, not " + forwardTimeout);
        }
        advertisedUrl.ifPresent(url -> {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 1) {
                throw new ConfigException("setting " + ADVERTISED_URL.key() + " must be http://host:port, not " + url);
            }
        });
    }

    public static PopularityConfig from(Settings settings) {
        settings.validate(ALL);
        return new PopularityConfig(
                settings.get(TOP_N),
                settings.get(GRACE),
                settings.get(DEDUP_WINDOW),
                settings.get(EMIT_INTERVAL),
                Arrays.stream(settings.get(BOT_USER_AGENTS).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                advertisedUrl(settings), settings.get(FORWARD_TIMEOUT));
    }

    /** The advertised URL as set, or made of the HTTP host and port; none when the port is picked at start (0). */
    private static Optional<URI> advertisedUrl(Settings settings) {
        String set = settings.get(ADVERTISED_URL) == null ? "" : settings.get(ADVERTISED_URL).trim();
        if (!set.isEmpty()) {
            try {
                return Optional.of(new URI(set.endsWith("/") ? set.substring(0, set.length() - 1) : set));
            } catch (URISyntaxException e) {
                throw new ConfigException("setting " + ADVERTISED_URL.key() + " must be http://host:port, not " + set);
            }
        }
        int port = settings.get(CommonConfig.HTTP_PORT);
        if (port == 0) {
            return Optional.empty();
        }
        String host = settings.get(CommonConfig.HTTP_HOST);
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        return Optional.of(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
    }

    public static PopularityConfig defaults() {
        return from(Settings.ofOverrides(Map.of()));
    }

    public PopularityConfig withTopN(int n) {
        return new PopularityConfig(n, grace, dedupWindow, emitInterval, botMarkers, advertisedUrl, forwardTimeout);
    }

    public PopularityConfig withDedupWindow(Duration d) {
        return new PopularityConfig(topN, grace, d, emitInterval, botMarkers, advertisedUrl, forwardTimeout);
    }

    /** These settings with another advertised URL (tests running several instances in one JVM). */
    public PopularityConfig withAdvertisedUrl(URI url) {
        return new PopularityConfig(topN, grace, dedupWindow, emitInterval, botMarkers, Optional.of(url), forwardTimeout);
    }
}
