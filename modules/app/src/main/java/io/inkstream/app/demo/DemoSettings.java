package io.inkstream.app.demo;

import io.inkstream.platform.config.Setting;

import java.time.Duration;
import java.util.List;

/** The knobs of {@code inkstream up --demo}, declared once like every other setting. */
public final class DemoSettings {

    public static final Setting<Integer> VIEWS_PER_SECOND = Setting.integer("demo.views.per.second", 30, 0, 1000,
            "Page views per second the demo's simulated readers send to the beacon (0 turns them off).");
    public static final Setting<Duration> NEWS_INTERVAL = Setting.duration("demo.news.interval", "45s",
            "How often the demo publishes one of its held-back newest items, so the latest lists move.");

    public static final List<Setting<?>> ALL = List.of(VIEWS_PER_SECOND, NEWS_INTERVAL);

    private DemoSettings() {
    }
}
