package io.inkstream.enrich;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.streams.StreamsRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich service: turns every ingested article version into what the site needs beyond the
 * wire copy (stable path, summary, counts, language, entities, keywords, related news,
 * near-duplicates) and publishes it on articles.enriched, exactly once.
 */
public final class EnrichService implements Service {

    public static final String NAME = "enrich";
    /** The Streams application id (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-enrich";

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final StreamsRunner runner;

    public EnrichService(ServiceContext context) {
        this(context, EnrichConfig.from(context.settings()));
    }

    public EnrichService(ServiceContext context, EnrichConfig config) {
        this.runner = new StreamsRunner(NAME,
                EnrichTopology.build(config, context.topics(), context.serdes()),
                context.streamsProperties(APPLICATION_ID), context.meters());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        log.info("enrich starting");
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

    @Override
    public void close() {
        runner.close();
        log.info("enrich stopped");
    }
}
