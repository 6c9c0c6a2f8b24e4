package io.inkstream.platform.http;

import io.inkstream.events.PageView;

import java.util.List;
import java.util.Locale;

/**
 * The one rule for bot traffic (docs/decisions/0011-one-bot-rule.md): a user agent is a bot's when it
 * contains one of the markers (case-insensitive). Where a request is seen (the renderer's beacon), a
 * request with no user agent at all is a bot's: every browser sends one, scripts often do not. On a
 * {@link PageView} the collector has already decided that and set the bot flag; a view whose user agent
 * was not recorded is judged by its flag alone.
 */
public final class BotDetector {

    /** Markers of well-known crawlers, previewers, monitors, headless browsers and HTTP libraries. */
    public static final List<String> DEFAULT_MARKERS = List.of(
            "bot", "crawl", "spider", "slurp", "scrape", "scrapy", "fetch", "facebookexternalhit", "mediapartners",
            "preview", "headless", "phantomjs", "lighthouse", "pingdom", "uptime", "monitor",
            "curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "java/", "okhttp", "httpclient",
            "libwww", "axios");

    /** The default markers. */
    public static final BotDetector DEFAULT = new BotDetector(DEFAULT_MARKERS);

    private final List<String> markers;

    public BotDetector(List<String> markers) {
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /** For a request as it arrives: a missing or blank user agent, or one with a marker, is a bot's. */
    public boolean isBotRequest(String userAgent) {
        return userAgent == null || userAgent.isBlank() || hasMarker(userAgent);
    }

    /** For a recorded view: flagged by the collector, or a recorded user agent with a marker. */
    public boolean isBot(PageView view) {
        return view.getBot() || view.getUserAgent() != null && hasMarker(view.getUserAgent());
    }

    private boolean hasMarker(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
