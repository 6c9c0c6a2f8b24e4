package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.ingest.channel.FeedPollChannel;
import io.inkstream.ingest.channel.FeedStateStore;
import io.inkstream.ingest.channel.FolderChannel;
import io.inkstream.ingest.channel.HttpChannel;
import io.inkstream.ingest.channel.WireItemWriter;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.ingest.stream.ArticleVersioning;
import io.inkstream.ingest.stream.StoreNames;
import io.inkstream.ingest.stream.VersionState;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.platform.http.HttpProblem;
import io.javalin.Javalin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The ingest service: wire items arrive over HTTP (and other channels), are kept raw on
 * wire.received, and become versioned canonical articles on articles.ingested, or
 * rejections with a reason on wire.rejected.
 */
public final class IngestService implements Service {

    public static final String NAME = "ingest";
    /** The Streams application id (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-ingest";

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ServiceContext context;
    private final IngestConfig config;
    private final Clock clock;
    private final WireFormats formats;
    private final WireItemParser parser;
    private final WireItems wireItems;
    private final String apiKey;
    private StreamsRunner runner;
    private WireItemWriter writer;
    private HttpChannel http;
    private FolderChannel folder;
    private FeedStateStore feedStates;
    private FeedPollChannel feedPoller;

    public IngestService(ServiceContext context) {
        this(context, Clock.systemUTC());
    }

    public IngestService(ServiceContext context, Clock clock) {
        this(context, IngestConfig.from(context.settings()), clock);
    }

    public IngestService(ServiceContext context, IngestConfig config, Clock clock) {
        this.context = context;
        this.config = config;
        this.clock = clock;
        this.parser = WireItemParser.of(config);
        this.formats = parser.formats();
        this.wireItems = new WireItems(formats, config.maxItemBytes());
        this.apiKey = config.apiKey();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        writer = new WireItemWriter(new KafkaProducer<>(context.producerProperties(NAME + "-channels"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(context.topics().wireReceived()).serializer()),
                context.topics().wireReceived().name());
        http = new HttpChannel(wireItems, parser, writer, apiKey, this::repeatsLatestVersion, clock);
        runner = new StreamsRunner(NAME, IngestTopology.build(context.topics(), context.serdes(), parser, clock),
                context.streamsProperties(config.applicationId(), ServiceContext.PAGE_PATH_COMMIT_INTERVAL), context.meters());
        runner.start();
        if (config.dropFolder() != null) {
            folder = new FolderChannel(config.dropFolder(), wireItems, parser, writer, clock);
            folder.start(config.dropScanInterval().toMillis());
        }
        if (!config.pollFeeds().isEmpty()) {
            feedStates = new FeedStateStore(context);
            feedPoller = new FeedPollChannel(config.pollFeeds(), feedStates, wireItems, writer, clock);
            feedPoller.start(config.pollInterval());
        }
        log.info("ingest started (formats {}, max item {} bytes{})", formats.names(), wireItems.maxItemBytes(),
                apiKey == null ? "" : ", API key required");
    }

    @Override
    public boolean ready() {
        return runner != null && runner.ready();
    }

    @Override
    public ServiceStatus status() {
        StreamsRunner r = runner;
        return r == null ? ServiceStatus.of(ServiceStatus.STARTING) : r.status();
    }

    @Override
    public void routes(Javalin app) {
        app.post("/v1/items", ctx -> {
            HttpChannel channel = http;
            if (channel == null) {
                throw new HttpProblem(503, "starting", "Ingest is not started yet; retry shortly.");
            }
            channel.handle(ctx);
        });
    }

    /** The channels' writer to wire.received (for the folder channel and tools). */
    public WireItemWriter writer() {
        return writer;
    }

    /** The feed poller (its {@code pollNow()} polls at once), or null when no feeds are configured. */
    public FeedPollChannel feedPoller() {
        return feedPoller;
    }

    /** The drop folder channel (its {@code scanOnce()} scans at once), or null when no drop folder is configured. */
    public FolderChannel folder() {
        return folder;
    }

    public WireItems wireItems() {
        return wireItems;
    }

    /** Article versions found unchanged (duplicates, not republished) by this instance since it started. */
    public long duplicates() {
        StreamsRunner r = runner;
        if (r == null) {
            return 0;
        }
        return (long) r.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("stream-" + ArticleVersioning.METRIC_SCOPE + "-metrics")
                        && e.getKey().name().equals(ArticleVersioning.DUPLICATES + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** Best effort: true when this instance's store shows the draft's content as the article's latest version. */
    private boolean repeatsLatestVersion(Article draft) {
        StreamsRunner r = runner;
        if (r == null) {
            return false;
        }
        try {
            ReadOnlyKeyValueStore<String, VersionState> store = r.streams().store(
                    StoreQueryParameters.fromNameAndType(StoreNames.ARTICLE_VERSIONS, QueryableStoreTypes.<String, VersionState>keyValueStore()));
            VersionState latest = store.get(draft.getId());
            return latest != null && latest.contentHash().equals(draft.getProvenance().getContentHash());
        } catch (InvalidStateStoreException e) {
            return false; // store not queryable here (starting, or partition elsewhere): not known to be a duplicate
        }
    }

    @Override
    public synchronized void close() {
        if (feedPoller != null) {
            feedPoller.close();
        }
        if (feedStates != null) {
            feedStates.close();
        }
        if (folder != null) {
            folder.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (writer != null) {
            writer.close();
        }
        log.info("ingest stopped");
    }
}
