package io.inkstream.app;

import io.inkstream.enrich.EnrichService;
import io.inkstream.ingest.IngestService;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.popularity.PopularityService;
import io.inkstream.renderer.RendererService;

import java.time.Clock;
import java.util.List;

/**
 * The pipeline's services by name, in start order (upstream first). The order is only that: the HTTP
 * server adds the renderer's catch-all page routes after every service's own ({@link Service#fallbackRoutes}).
 */
public final class Services {

    private static final List<String> NAMES = List.of(IngestService.NAME, EnrichService.NAME, PopularityService.NAME,
            RendererService.NAME);

    private Services() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The named service, built from its part of the resolved configuration. */
    static Service create(String name, ServiceContext context, InkstreamConfig config) {
        return switch (name) {
            case IngestService.NAME -> new IngestService(context, config.ingest(), Clock.systemUTC());
            case EnrichService.NAME -> new EnrichService(context, config.enrich());
            case PopularityService.NAME -> new PopularityService(context, config.popularity());
            case RendererService.NAME -> new RendererService(context, config.renderer(), Clock.systemUTC());
            default -> throw new IllegalArgumentException("unknown service '" + name + "'; choose one of " + names());
        };
    }
}
