package io.inkstream.app;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.EnrichService;
import io.inkstream.ingest.IngestConfig;
import io.inkstream.ingest.IngestService;
import io.inkstream.platform.Service;
import io.inkstream.popularity.PopularityConfig;
import io.inkstream.popularity.PopularityService;
import io.inkstream.renderer.RendererService;
import io.inkstream.renderer.RendererSettings;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.Setting;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The pipeline's services by name, in start order (upstream first). */
public final class Services {

    static final Map<String, Function<ServiceContext, Service>> ALL = new LinkedHashMap<>();
    /** Every service's declared settings, for `inkstream config` and the README table. */
    static final List<Setting<?>> SETTINGS = new ArrayList<>();

    static {
        ALL.put(IngestService.NAME, IngestService::new);
        ALL.put(EnrichService.NAME, EnrichService::new);
        ALL.put("popularity", PopularityService::new);
        // Last: the renderer's site pages are a catch-all route.
        ALL.put("renderer", RendererService::new);
        SETTINGS.addAll(IngestConfig.ALL);
        SETTINGS.addAll(EnrichConfig.ALL);
        SETTINGS.addAll(PopularityConfig.ALL);
        SETTINGS.addAll(RendererSettings.ALL);
    }

    private Services() {
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    static Service create(String name, ServiceContext context) {
        Function<ServiceContext, Service> factory = ALL.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown service '" + name + "'; choose one of " + names());
        }
        return factory.apply(context);
    }
}
