package io.inkstream.renderer.partner;

import io.inkstream.platform.ServiceContext;
import io.javalin.Javalin;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renderer's service to syndication partners, wired: the log and registry fed from the syndication topics,
 * the push loops, and the feed and admin routes (docs/decisions/0019).
 */
public final class Syndication implements AutoCloseable {

    /** How long syndication.versions keeps a version (the topic's retention), so this copy too. */
    public static final Duration RETENTION = Duration.ofDays(30);

    /** The settings this part needs (the renderer's SyndicationConfig, passed in as values). */
    public record Settings(String adminToken, int pullPerMinute, PushDelivery.Policy push, boolean pushEnabled) {
    }

    private final VersionLog versions = new VersionLog(RETENTION);
    private final PartnerRegistry partners = new PartnerRegistry();
    private final PartnerRecords records;
    private final PushDeliveries pushes;
    private final SyndicationFeeder feeder;
    private final SyndicationRoutes routes;
    private final AtomicLong pushed = new AtomicLong();

    public Syndication(ServiceContext context, String clientId, Settings settings, Clock clock) {
        this.records = new PartnerRecords(context, clientId + "-syndication");
        this.pushes = new PushDeliveries(partners, versions, records, settings.push(), clock, pushed::incrementAndGet);
        this.feeder = new SyndicationFeeder(context.consumerProperties(clientId + "-syndication"), context.topics(),
                context.serdes(), versions, partners, settings.pushEnabled() ? pushes::start : () -> { });
        this.routes = new SyndicationRoutes(partners, versions, records, new PullRate(settings.pullPerMinute()),
                settings.adminToken(), clock, feeder::caughtUp);
        context.meters().gauge("inkstream.syndication.pushed", pushed);
        context.meters().gauge("inkstream.syndication.versions", versions, VersionLog::size);
    }

    public void start() {
        feeder.start();
    }

    public boolean ready() {
        return feeder.caughtUp();
    }

    public void routes(Javalin app) {
        routes.register(app);
    }

    /** Versions pushed and acknowledged by partners since start. */
    public long pushed() {
        return pushed.get();
    }

    public PartnerRegistry partners() {
        return partners;
    }

    @Override
    public void close() {
        pushes.close();
        versions.wakeAll();
        feeder.close();
        records.close();
    }
}
