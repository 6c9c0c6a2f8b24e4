package io.inkstream.popularity.count;

import io.inkstream.events.PageView;
import java.util.List;
import java.util.Locale;

/**
 * A view is bot traffic when the collector flagged it, or when its user agent contains a known bot
 * marker (case-insensitive); bot views never count.
 */
public final class BotDetector {

    /** Markers of well-known crawlers, monitors and HTTP libraries. */
    public static final List<String> DEFAULT_MARKERS = List.of(
            "bot", "crawl", "spider", "slurp", "facebookexternalhit", "headlesschrome", "phantomjs",
            "curl/", "wget/", "python-requests", "go-http-client", "java/", "okhttp", "scrapy",
            "pingdom", "uptime", "monitor", "preview", "lighthouse");

    private final List<String> markers;

    public BotDetector(List<String> markers) {
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isBot(PageView view) {
        if (view.getBot()) {
            return true;
        }
        String agent = view.getUserAgent();
        if (agent == null) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
