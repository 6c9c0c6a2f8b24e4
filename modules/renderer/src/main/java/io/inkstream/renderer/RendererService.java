package io.inkstream.renderer;

import io.inkstream.events.PageView;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.renderer.beacon.BeaconCollector;
import io.inkstream.renderer.http.SiteRoutes;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;
import io.inkstream.renderer.store.StoreFeeder;
import io.javalin.Javalin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The renderer: serves the site from its own copy of articles.enriched and popularity.top24h, writes
 * each article's public version to articles.published, and turns readers' beacons into pageviews.
 *
 * <p>Two parts with different needs. Publishing is partitioned work that must happen once per version,
 * so it is a Kafka Streams app (exactly-once). Serving needs every article on every instance, indexed by
 * path, section and time, and a callback on each ranking for the live widget, so a plain consumer feeds
 * in-memory stores from the compacted topics (see {@link StoreFeeder}).
 */
public final class RendererService implements Service {

    private static final Logger log = LoggerFactory.getLogger(RendererService.class);

    private final ArticleStore articles;
    private final RankingStore rankings = new RankingStore();
    private final StoreFeeder feeder;
    private final StreamsRunner publisher;
    private final KafkaProducer<String, PageView> pageviews;
    private final SiteRoutes routes;

    public RendererService(ServiceContext context) {
        this(context, Clock.systemUTC());
    }

    public RendererService(ServiceContext context, Clock clock) {
        Settings settings = context.settings();
        settings.validate(RendererSettings.ALL);
        SiteConfig site = RendererSettings.site(settings);
        this.articles = new ArticleStore(clock);
        this.feeder = new StoreFeeder(context.consumerProperties("renderer-stores"), context.topics(),
                context.serdes(), articles, rankings);
        this.publisher = new StreamsRunner("renderer",
                RendererTopology.build(context.topics(), context.serdes(), site, clock),
                context.streamsProperties("renderer"), context.meters());
        this.pageviews = new KafkaProducer<>(context.producerProperties("renderer-beacon"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(context.topics().pageviews()).serializer());
        String topic = context.topics().pageviews().name();
        BeaconCollector beacons = new BeaconCollector(articles, salt(settings), clock,
                view -> pageviews.send(new ProducerRecord<>(topic, view.getArticleId(), view), (meta, error) -> {
                    if (error != null) {
                        log.warn("page view for {} not written: {}", view.getArticleId(), error.toString());
                    }
                }));
        this.routes = new SiteRoutes(articles, rankings, site, beacons, clock,
                settings.require(RendererSettings.WIDGET_FRAME_ANCESTORS));
    }

    private static String salt(Settings settings) {
        String salt = settings.get(RendererSettings.VISITOR_SALT);
        if (salt != null) {
            return salt;
        }
        log.warn("{} is not set: using a random salt, so visitors are told apart per process only",
                RendererSettings.VISITOR_SALT.key());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String name() {
        return "renderer";
    }

    @Override
    public void start() {
        feeder.start();
        publisher.start();
        log.info("renderer started");
    }

    /** Ready when the stores hold everything that was on the topics at start and publishing runs. */
    @Override
    public boolean ready() {
        return feeder.caughtUp() && publisher.ready();
    }

    /** The site, the beacon, the live widget, feeds and API; add after other services' routes (catch-all). */
    @Override
    public void routes(Javalin app) {
        routes.register(app);
    }

    /** The articles this instance serves (for tools and tests). */
    public ArticleStore articles() {
        return articles;
    }

    public RankingStore rankings() {
        return rankings;
    }

    @Override
    public void close() {
        publisher.close();
        feeder.close();
        pageviews.close();
        routes.close();
        log.info("renderer closed");
    }
}
