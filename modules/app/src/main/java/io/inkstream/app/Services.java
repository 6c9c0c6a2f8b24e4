package io.inkstream.app;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.Setting;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The pipeline's services by name, in start order (upstream first). */
final class Services {

    static final Map<String, Function<ServiceContext, Service>> ALL = new LinkedHashMap<>();
    /** Every service's declared settings, for `inkstream config` and the README table. */
    static final List<Setting<?>> SETTINGS = new ArrayList<>();

    static {
    }

    private Services() {
    }

    static List<String> names() {
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
