package io.inkstream.popularity;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.streams.StreamsRunner;
import io.javalin.Javalin;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The popularity service: "Most popular in 24h" per scope (all, and each section) from page views,
 * published on popularity.top24h when it changes and served from its state stores over HTTP;
 * exactly once, so a restart or a retry never counts a view twice.
 */
public final class PopularityService implements Service {

    public static final String NAME = "popularity";
    /** The Streams application id (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-popularity";

    private static final Logger log = LoggerFactory.getLogger(PopularityService.class);

    private final StreamsRunner runner;
    private final PopularityRoutes routes;

    public PopularityService(ServiceContext context) {
        this(context, PopularityConfig.from(context.settings()));
    }

    public PopularityService(ServiceContext context, PopularityConfig config) {
        Properties properties = context.streamsProperties(APPLICATION_ID);
        // Where the other instances reach this one's queries (PopularityForwarding).
        config.advertisedUrl().ifPresent(url -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                url.getHost() + ":" + url.getPort()));
        this.runner = new StreamsRunner(NAME,
                PopularityTopology.build(config, context.topics(), context.serdes()),
                properties, context.meters());
        this.routes = new PopularityRoutes(new PopularityQueries(runner), new PopularityForwarding(runner, config));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        log.info("popularity starting");
        runner.start();
    }

    @Override
    public boolean ready() {
        return runner.ready();
    }

    @Override
    public ServiceStatus status() {
        return runner.status();
    }

    /** Which tasks this instance holds, and where the other instances reach it, for {@code /health}. */
    @Override
    public Map<String, Object> details() {
        return runner.tasks();
    }

    /** {@code GET /v1/popular?scope=all&limit=10} and {@code GET /v1/popular/articles/{id}}. */
    @Override
    public void routes(Javalin app) {
        routes.register(app);
    }

    /** The running Streams application (for tests and tools). */
    public KafkaStreams streams() {
        return runner.streams();
    }

    @Override
    public void close() {
        runner.close();
        log.info("popularity stopped");
    }
}
