package io.inkstream.renderer.http;

import io.inkstream.platform.Service;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.renderer.MutableClock;
import io.inkstream.renderer.TestArticles;
import io.inkstream.renderer.beacon.BeaconCollector;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;
import io.javalin.Javalin;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site's routes on the project's real shared HTTP server with one known article and a sink that acknowledges
 * every view at once (no Kafka): what the beacon's fuzz and regression tests post to.
 */
final class BeaconServer implements AutoCloseable {

    private final SiteRoutes routes;
    private final HttpServer server;

    private BeaconServer(SiteRoutes routes, HttpServer server) {
        this.routes = routes;
        this.server = server;
    }

    static BeaconServer start(String salt) {
        MutableClock clock = new MutableClock(Instant.parse("2015-09-25T03:00:00Z"));
        ArticleStore articles = new ArticleStore(clock);
        articles.apply(TestArticles.XI_ID, TestArticles.xiCyberspace());
        SiteRoutes routes = new SiteRoutes(articles, new RankingStore(), SiteConfig.defaults("https://news.example.com"),
                new BeaconCollector(articles, salt, clock, view -> CompletableFuture.completedFuture(null)),
                clock, "*");
        HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(new Service() {
            public String name() {
                return "renderer";
            }

            public void start() {
            }

            public boolean ready() {
                return true;
            }

            public void routes(Javalin app) {
                routes.register(app);
            }

            public void close() {
            }
        }), null);
        return new BeaconServer(routes, server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        routes.close();
    }
}
