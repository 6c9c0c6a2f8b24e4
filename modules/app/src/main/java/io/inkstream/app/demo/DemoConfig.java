package io.inkstream.app.demo;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.time.Duration;
import java.util.List;

/**
 * The knobs of {@code inkstream up --demo}, declared once like every other setting.
 *
 * @param viewsPerSecond page views per second from the simulated readers (0: none)
 * @param newsInterval   how often one held-back newest item is published
 */
public record DemoConfig(int viewsPerSecond, Duration newsInterval) {

    public static final Setting<Integer> VIEWS_PER_SECOND = Setting.integer("inkstream.demo.views-per-second", 30, 0, 1000,
            "Page views per second the demo's simulated readers send to the beacon (0 turns them off).")
            .formerly("demo.views.per.second");
    public static final Setting<Duration> NEWS_INTERVAL = Setting.duration("inkstream.demo.news-interval", "45s",
            "How often the demo publishes one of its held-back newest items, so the latest lists move.")
            .formerly("demo.news.interval");

    public static final List<Setting<?>> ALL = List.of(VIEWS_PER_SECOND, NEWS_INTERVAL);

    public static DemoConfig from(Settings settings) {
        settings.validate(ALL);
        return new DemoConfig(settings.require(VIEWS_PER_SECOND), settings.require(NEWS_INTERVAL));
    }
}
