package io.inkstream.popularity.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.events.PageView;
import io.inkstream.platform.http.BotDetector;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BotDetectorTest {

    private final BotDetector detector = new BotDetector(BotDetector.DEFAULT_MARKERS);

    @Test
    void viewFlaggedByTheCollectorIsABot() {
        assertThat(detector.isBot(view("Mozilla/5.0 (Windows NT 10.0) Firefox/130.0", true))).isTrue();
    }

    @Test
    void knownCrawlerUserAgentIsABot() {
        assertThat(detector.isBot(view("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", false))).isTrue();
        assertThat(detector.isBot(view("curl/8.5.0", false))).isTrue();
    }

    @Test
    void browserIsNotABot() {
        assertThat(detector.isBot(view("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15", false))).isFalse();
        assertThat(detector.isBot(view(null, false))).isFalse();
    }

    private static PageView view(String agent, boolean bot) {
        return PageView.newBuilder().setArticleId("a").setVisitorHash("v").setViewedAt(Instant.EPOCH)
                .setUserAgent(agent).setBot(bot).build();
    }
}
