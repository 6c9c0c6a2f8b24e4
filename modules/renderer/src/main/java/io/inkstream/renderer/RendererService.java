package io.inkstream.renderer;

import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.kafka.Acknowledged;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.renderer.beacon.BeaconCollector;
import io.inkstream.renderer.http.SiteRoutes;
import io.inkstream.renderer.partner.PushDelivery;
import io.inkstream.renderer.partner.Syndication;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleArchive;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.KilledArticle;
import io.inkstream.renderer.store.RankingStore;
import io.inkstream.renderer.store.StoreFeeder;
import io.javalin.Javalin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The renderer: serves the site from its own copy of articles.enriched and popularity.top24h, writes
 * each article's public version to articles.published, and turns readers' beacons into pageviews.
 *
 * <p>Two parts with different needs. Publishing is partitioned work that must happen once per version,
 * so it is a Kafka Streams app (exactly-once). Serving needs every article on every instance, indexed by
 * path, section and time, and a callback on each ranking for the live widget, so a plain consumer feeds
 * the stores from the compacted topics (see {@link StoreFeeder}): indexes in memory, full articles in
 * RocksDB under the data directory ({@link #archiveDir}).
 */
public final class RendererService implements Service {

    public static final String NAME = "renderer";
    /** The Streams application id of the publisher (behind the topic prefix); its one spelling. */
    public static final String APPLICATION_ID = "inkstream-renderer";

    private static final Logger log = LoggerFactory.getLogger(RendererService.class);

    private final ArticleStore articles;
    private final RankingStore rankings = new RankingStore();
    private final StoreFeeder feeder;
    private final StreamsRunner publisher;
    private final KafkaProducer<String, PageView> pageviews;
    private final SiteRoutes routes;
    private final Syndication syndication;
    private final String bootstrapServers;
    private final Topics topics;

    public RendererService(ServiceContext context) {
        this(context, Clock.systemUTC());
    }

    public RendererService(ServiceContext context, Clock clock) {
        this(context, RendererConfig.from(context.settings()), clock);
    }

    public RendererService(ServiceContext context, RendererConfig config, Clock clock) {
        SiteConfig site = config.site();
        this.bootstrapServers = context.bootstrapServers();
        this.topics = context.topics();
        this.articles = new ArticleStore(clock,
                ArticleArchive.onDisk(archiveDir(context.dataDir()), config.articleCacheSize()));
        this.feeder = new StoreFeeder(context.consumerProperties(NAME + "-stores"), context.topics(),
                context.serdes(), articles, rankings);
        this.publisher = new StreamsRunner(NAME,
                RendererTopology.build(context.topics(), context.serdes(), site, clock),
                context.streamsProperties(config.applicationId()), context.meters());
        this.pageviews = new KafkaProducer<>(context.producerProperties(NAME + "-beacon"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(context.topics().pageviews()).serializer());
        String topic = context.topics().pageviews().name();
        BeaconCollector beacons = new BeaconCollector(articles, VisitorSalt.resolve(config.visitorSalt(), context.dataDir()),
                clock, view -> Acknowledged.send(pageviews, new ProducerRecord<>(topic, view.getArticleId(), view)));
        this.routes = new SiteRoutes(articles, rankings, site, beacons, clock, config.widgetFrameAncestors(), feeder::caughtUp);
        SyndicationConfig s = config.syndication();
        this.syndication = new Syndication(context, NAME, new Syndication.Settings(s.adminToken(), s.pullPerMinute(),
                new PushDelivery.Policy(s.pushMaxAttempts(), s.pushBackoff(), s.pushMaxBackoff(), s.pushTimeout()),
                s.pushEnabled()), clock);
        if (s.adminToken() == null) {
            log.info("partner admin API off: inkstream.syndication.admin-token is unset (inkstream partners works)");
        }
    }

    /** Where a renderer keeps its full articles: a cache of articles.enriched, wiped and rebuilt on every start. */
    public static Path archiveDir(Path dataDir) {
        return dataDir.resolve("renderer-archive");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        // The renderer's own topic: the publisher writes kills there, the feeder reads them.
        TopicProvisioner.ensure(bootstrapServers, List.of(KilledArticle.topic(topics)));
        feeder.start();
        syndication.start();
        publisher.start();
        log.info("renderer started");
    }

    /** Ready when the stores hold everything that was on the topics at start and publishing runs. */
    @Override
    public boolean ready() {
        return feeder.caughtUp() && syndication.ready() && publisher.ready();
    }

    /** LOADING until the stores caught up with the topics, then the publisher's state. */
    @Override
    public ServiceStatus status() {
        return feeder.caughtUp() ? publisher.status() : ServiceStatus.of(ServiceStatus.LOADING);
    }

    /** The beacon, the live widget, feeds, API, sitemaps and the home page. */
    @Override
    public void routes(Javalin app) {
        routes.registerFixed(app);
        syndication.routes(app);
    }

    /** The site's pages by path: a catch-all, which the server adds after every other service's routes. */
    @Override
    public void fallbackRoutes(Javalin app) {
        routes.registerPages(app);
    }

    /**
     * The article page at {@code path} as the site renders it, in this thread and without HTTP (for benchmarks
     * and tools); fails when the page is anything but 200.
     */
    public String renderArticle(String path) {
        return ArchivedSite.renderedArticle(routes.pages(), path);
    }

    /** The slug of a section: its URL segment, and its scope on popularity.top24h. */
    public static String sectionSlug(String section) {
        return ArticleStore.sectionSlug(section);
    }

    /** The articles this instance serves (for tools and tests). */
    public ArticleStore articles() {
        return articles;
    }

    public RankingStore rankings() {
        return rankings;
    }

    /** Syndication partners as this instance sees them, and what was pushed (for tools, tests, benchmarks). */
    public Syndication syndication() {
        return syndication;
    }

    @Override
    public void close() {
        syndication.close();
        publisher.close();
        feeder.close();
        pageviews.close();
        routes.close();
        articles.close();
        log.info("renderer closed");
    }
}
