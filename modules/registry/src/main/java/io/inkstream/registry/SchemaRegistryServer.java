package io.inkstream.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Confluent-compatible schema registry: its state is the schemas topic, its face the
 * Confluent REST API v1 over HTTP. It answers only once it has read the whole topic.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.forKafka(bootstrap))) {
 *     String url = registry.url(); // schema.registry.url for the serdes
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final KafkaSchemaStore store;
    private final Javalin http;

    private SchemaRegistryServer(KafkaSchemaStore store, Javalin http) {
        this.store = store;
        this.http = http;
    }

    /**
     * Reads the schemas topic (creating it if missing) to its end, then listens for HTTP.
     *
     * @throws IllegalStateException when the port is taken or Kafka cannot be reached
     */
    public static SchemaRegistryServer start(RegistryConfig config) {
        long started = System.nanoTime();
        RegistryState state = new RegistryState();
        KafkaSchemaStore store = new KafkaSchemaStore(config.bootstrapServers(), config.topic(), state);
        Javalin http = null;
        try {
            store.start();
            SchemaRegistry registry = new SchemaRegistry(store, state, config.defaultCompatibility());
            http = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.startupWatcherEnabled = false;
            });
            new RegistryRoutes(registry, new ObjectMapper()).addTo(http);
            http.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            stopQuietly(http, store);
            throw new IllegalStateException("Schema registry port " + config.port() + " on " + config.host()
                    + " is already in use (another registry or inkstream running?); choose another port", e);
        } catch (RuntimeException e) {
            stopQuietly(http, store);
            throw e;
        }
        SchemaRegistryServer server = new SchemaRegistryServer(store, http);
        log.info("Schema registry ready on {} (topic {}) in {} ms", server.url(), config.topic(),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** The base URL clients use as {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + port();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        int port = http.port();
        http.stop();
        store.close();
        log.info("Schema registry on port {} stopped", port);
    }

    private static void stopQuietly(Javalin http, KafkaSchemaStore store) {
        if (http != null) {
            try {
                http.stop();
            } catch (RuntimeException ignored) {
                // already failing: the original error is the one to report
            }
        }
        store.close();
    }
}
