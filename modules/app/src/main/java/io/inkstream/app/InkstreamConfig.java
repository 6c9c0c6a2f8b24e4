package io.inkstream.app;

import io.inkstream.app.demo.DemoConfig;
import io.inkstream.enrich.EnrichConfig;
import io.inkstream.ingest.IngestConfig;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.ConfigException;
import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;
import io.inkstream.popularity.PopularityConfig;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.renderer.RendererConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole configuration of a process, resolved once from {@link Settings} at start: every part's typed
 * values, so that a bad value anywhere stops the process before the broker starts, with every problem in
 * one message. The services are built from these values; nothing reads {@code Settings} again.
 *
 * @param settings the settings these were resolved from (for services built from a context in tests and tools)
 */
public record InkstreamConfig(CommonConfig common, RegistryConfig registry, IngestConfig ingest, EnrichConfig enrich,
                              PopularityConfig popularity, RendererConfig renderer, DemoConfig demo, Settings settings) {

    /** Every declared setting, in the README table's order: common, registry, each service, the demo. */
    static List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(CommonConfig.ALL);
        all.addAll(RegistryConfig.ALL);
        all.addAll(IngestConfig.ALL);
        all.addAll(EnrichConfig.ALL);
        all.addAll(PopularityConfig.ALL);
        all.addAll(RendererConfig.ALL);
        all.addAll(DemoConfig.ALL);
        return all;
    }

    public static InkstreamConfig from(Settings settings) {
        settings.validate(allSettings());
        try {
            return new InkstreamConfig(CommonConfig.from(settings), RegistryConfig.from(settings),
                    IngestConfig.from(settings), EnrichConfig.from(settings), PopularityConfig.from(settings),
                    RendererConfig.from(settings), DemoConfig.from(settings), settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage()); // a record's own check on a combination of values
        }
    }
}
