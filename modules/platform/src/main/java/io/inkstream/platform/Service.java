package io.inkstream.platform;

import io.javalin.Javalin;
import java.util.Map;

/**
 * A service's lifecycle: started once, ready when it processes, closed on shutdown. Services
 * talk to each other only through topics; their HTTP routes all join one server.
 */
public interface Service extends AutoCloseable {

    /**
     * Short name, e.g. ingest; used in logs, health and {@code inkstream run}. The Streams application id is
     * {@code inkstream-<name>}, declared once as the service's {@code APPLICATION_ID}.
     */
    String name();

    void start();

    /** True when the service is processing (its Streams app is RUNNING, its consumers assigned). */
    boolean ready();

    /** What the service is doing, for {@code /health}: UP exactly when {@link #ready()}; else why not, with progress. */
    default ServiceStatus status() {
        return ServiceStatus.of(ready() ? ServiceStatus.UP : ServiceStatus.STARTING);
    }

    /**
     * What {@code /health} shows of this instance besides its state, e.g. the Streams tasks it holds (empty: nothing);
     * with several instances of a service, each one's health says what it does.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Adds this service's HTTP routes to the shared server. */
    default void routes(Javalin app) {
    }

    /**
     * Adds routes that match whatever no other route does (the site's page paths): the server adds these
     * after every service's {@link #routes}, whatever order the services come in.
     */
    default void fallbackRoutes(Javalin app) {
    }

    @Override
    void close();
}
