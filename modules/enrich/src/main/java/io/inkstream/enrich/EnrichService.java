package io.inkstream.enrich;

import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.platform.streams.StreamsService;

/**
 * The enrich service: turns every ingested article version into what the site needs beyond the
 * wire copy (stable path, summary, counts, language, entities, keywords, related news,
 * near-duplicates) and publishes it on articles.enriched, exactly once.
 */
public final class EnrichService extends StreamsService {

    public static final String NAME = "enrich";
    /** The Streams application id (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-enrich";

    public EnrichService(ServiceContext context) {
        this(context, EnrichConfig.from(context.settings()));
    }

    public EnrichService(ServiceContext context, EnrichConfig config) {
        super(NAME, new StreamsRunner(NAME,
                EnrichTopology.build(config, context.topics(), context.serdes()),
                context.streamsProperties(APPLICATION_ID, ServiceContext.PAGE_PATH_COMMIT_INTERVAL), context.meters()));
    }
}
