package io.inkstream.popularity;

import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.platform.streams.StreamsService;
import io.javalin.Javalin;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The popularity service: "Most popular in 24h" per scope (all, and each section) from page views,
 * published on popularity.top24h when it changes and served from its state stores over HTTP;
 * exactly once, so a restart or a retry never counts a view twice.
 */
public final class PopularityService extends StreamsService {

    public static final String NAME = "popularity";
    /** The Streams application id (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-popularity";

    private final PopularityRoutes routes;

    public PopularityService(ServiceContext context) {
        this(context, PopularityConfig.from(context.settings()));
    }

    public PopularityService(ServiceContext context, PopularityConfig config) {
        super(NAME, runner(context, config));
        this.routes = new PopularityRoutes(new PopularityQueries(runner()), new PopularityForwarding(runner(), config));
    }

    private static StreamsRunner runner(ServiceContext context, PopularityConfig config) {
        Properties properties = context.streamsProperties(APPLICATION_ID);
        // Where the other instances reach this one's queries (PopularityForwarding).
        config.advertisedUrl().ifPresent(url -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                url.getHost() + ":" + url.getPort()));
        return new StreamsRunner(NAME,
                PopularityTopology.build(config, context.topics(), context.serdes()),
                properties, context.meters());
    }

    /** Which tasks this instance holds, and where the other instances reach it, for {@code /health}. */
    @Override
    public Map<String, Object> details() {
        return runner().tasks();
    }

    /** {@code GET /v1/popular?scope=all&limit=10} and {@code GET /v1/popular/articles/{id}}. */
    @Override
    public void routes(Javalin app) {
        routes.register(app);
    }

    /** The running Streams application (for tests and tools). */
    public KafkaStreams streams() {
        return runner().streams();
    }
}
