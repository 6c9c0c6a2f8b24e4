package io.inkstream.renderer.beacon;

import java.util.Locale;
import java.util.regex.Pattern;

/** A view counts as a bot's when the user agent is missing or names a crawler, a script or a headless browser. */
public final class BotDetector {

    private static final Pattern BOT = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|scrape|fetch|monitor|preview|headless|phantomjs|lighthouse"
                    + "|curl/|wget/|python-requests|python-urllib|okhttp|java/|go-http-client|httpclient|libwww|axios"
                    + "|facebookexternalhit|bingpreview|mediapartners");

    private BotDetector() {
    }

    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        return BOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
