package io.inkstream.renderer.http;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PageView;
import io.inkstream.platform.http.HttpProblem;
import io.inkstream.renderer.beacon.BadBeacon;
import io.inkstream.renderer.beacon.BeaconCollector;
import io.inkstream.renderer.feed.Feeds;
import io.inkstream.renderer.feed.Sitemaps;
import io.inkstream.renderer.page.PageModels;
import io.inkstream.renderer.page.PopularPanel;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.page.SiteRenderer;
import io.inkstream.renderer.publish.PublishedArticles;
import io.inkstream.renderer.store.ArticleStore;
import io.inkstream.renderer.store.RankingStore;
import io.inkstream.renderer.syndication.SyndicationFormat;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renderer's HTTP surface, in one table: the site's pages, static assets, the live and embeddable
 * "Most popular in 24h", the page-view beacon, feeds, the ninjs API and sitemaps.
 *
 * <p>Article paths come from enrich and may have any shape, so the site's pages are a catch-all:
 * {@link #registerPages} adds them, and the server calls it (through the service's fallback routes)
 * after every other service's routes.
 */
public final class SiteRoutes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteRoutes.class);
    private static final Pattern SECTION_PATH = Pattern.compile("/([\\p{L}\\p{N}-]+)/?");
    private static final Pattern SCOPE = Pattern.compile("[\\p{L}\\p{N}-]{1,64}");
    private static final int API_MAX = 100;

    private final ArticleStore articles;
    private final RankingStore rankings;
    private final SiteConfig site;
    private final StaticAssets assets;
    private final PageModels models;
    private final SiteRenderer renderer;
    private final Feeds feeds;
    private final Sitemaps sitemaps;
    private final BeaconCollector beacons;
    private final String widgetFrameAncestors;
    /** True once the stores hold what was on the topics at start; until then a missing page is not known to be missing. */
    private final BooleanSupplier loaded;
    /** Pushes to live clients off the thread that applies rankings, so a slow reader delays no one's store. */
    private final ExecutorService push = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "renderer-popular-push");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param widgetFrameAncestors CSP frame-ancestors of the embeddable widget, e.g. * or https://partner.example
     */
    public SiteRoutes(ArticleStore articles, RankingStore rankings, SiteConfig site, BeaconCollector beacons,
                      Clock clock, String widgetFrameAncestors) {
        this(articles, rankings, site, beacons, clock, widgetFrameAncestors, () -> true);
    }

    /** @param loaded true once the stores caught up with the topics; pages and APIs answer 503 until then */
    public SiteRoutes(ArticleStore articles, RankingStore rankings, SiteConfig site, BeaconCollector beacons,
                      Clock clock, String widgetFrameAncestors, BooleanSupplier loaded) {
        this.loaded = loaded;
        this.articles = articles;
        this.rankings = rankings;
        this.site = site;
        this.assets = new StaticAssets();
        this.models = new PageModels(articles, rankings, site, assets.paths());
        this.renderer = new SiteRenderer(articles, models);
        this.feeds = new Feeds(articles, models);
        this.sitemaps = new Sitemaps(articles, models, clock);
        this.beacons = beacons;
        this.widgetFrameAncestors = widgetFrameAncestors;
    }

    /** The pages as the routes render them, without HTTP. */
    public SiteRenderer pages() {
        return renderer;
    }

    /** Every route: the fixed ones, then the catch-all pages (for a server of the renderer alone). */
    public void register(Javalin app) {
        registerFixed(app);
        registerPages(app);
    }

    /** The routes with fixed paths: assets, beacon, widget, feeds, API, sitemaps, the home page. */
    public void registerFixed(Javalin app) {
        app.get("/static/{file}", this::staticAsset);
        app.get("/media/<path>", new MediaFiles()::serve);

        app.post("/v1/beacon", whenLoaded(this::beacon));
        app.sse("/v1/popular/stream", this::popularStream);
        app.get("/widgets/popular", whenLoaded(ctx -> PageResponses.html(ctx, renderer.popularWidget(scope(ctx)), widgetFrameAncestors)));
        app.get("/widgets/popular.json", whenLoaded(this::popularJson));

        app.get("/feeds/rss.xml", whenLoaded(ctx -> xml(ctx, "application/rss+xml", feeds.syndication("rss_2.0", null))));
        app.get("/feeds/atom.xml", whenLoaded(ctx -> xml(ctx, "application/atom+xml", feeds.syndication("atom_1.0", null))));
        app.get("/feeds/feed.json", whenLoaded(ctx -> json(ctx, "application/feed+json", feeds.jsonFeed(null))));
        app.get("/feeds/{section}/rss.xml", whenLoaded(ctx -> xml(ctx, "application/rss+xml", feeds.syndication("rss_2.0", section(ctx)))));
        app.get("/feeds/{section}/atom.xml", whenLoaded(ctx -> xml(ctx, "application/atom+xml", feeds.syndication("atom_1.0", section(ctx)))));
        app.get("/feeds/{section}/feed.json", whenLoaded(ctx -> json(ctx, "application/feed+json", feeds.jsonFeed(section(ctx)))));

        app.get("/api/v1/articles", whenLoaded(this::apiList));
        app.get("/api/v1/articles/{id}", whenLoaded(this::apiArticle));

        app.get("/sitemap.xml", whenLoaded(ctx -> xml(ctx, "application/xml", sitemaps.sitemap())));
        app.get("/sitemap-news.xml", whenLoaded(ctx -> xml(ctx, "application/xml", sitemaps.news())));

        app.get("/", whenLoaded(ctx -> PageResponses.html(ctx, renderer.home(pageNumber(ctx)))));
    }

    /** The catch-all page routes (print views, sections, articles by any path): add after every other route. */
    public void registerPages(Javalin app) {
        app.get("/print/<path>", whenLoaded(ctx -> PageResponses.html(ctx, renderer.print("/" + ctx.pathParam("path")))));
        app.get("/<path>", whenLoaded(this::sitePage));
    }

    /**
     * The handler, once the stores are loaded; before, 503 with Retry-After: after a restart the site's copy of the
     * topics is still filling, and a page not there yet is not known to be gone (a 404 would be a lie to crawlers).
     */
    private Handler whenLoaded(Handler handler) {
        return LoadingGate.whenLoaded(loaded, "the site is loading its articles after a start; retry shortly", handler);
    }

    /** A section page ("/politics/"), else an article by any of its paths, else a useful 404. */
    private void sitePage(Context ctx) {
        String path = decodedPath(ctx);
        Matcher m = SECTION_PATH.matcher(path);
        if (m.matches() && models.sectionName(m.group(1)).isPresent()) {
            if (!path.endsWith("/")) {
                PageResponses.html(ctx, io.inkstream.renderer.page.RenderedPage.movedTo(path + "/"));
                return;
            }
            PageResponses.html(ctx, renderer.section(m.group(1), pageNumber(ctx)));
            return;
        }
        PageResponses.html(ctx, renderer.article(path));
    }

    private void staticAsset(Context ctx) {
        StaticAssets.Asset asset = assets.get(ctx.pathParam("file"))
                .orElseThrow(() -> new HttpProblem(404, "not_found", "no such asset"));
        ctx.header("X-Content-Type-Options", "nosniff");
        // Pages link assets with their content hash, so a cached copy is never stale.
        ctx.header("Cache-Control", ctx.queryParam("v") != null ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private void beacon(Context ctx) {
        if (ctx.contentLength() > BeaconCollector.MAX_BODY_BYTES) {
            throw new HttpProblem(413, "beacon_too_large", "beacon too large: at most "
                    + BeaconCollector.MAX_BODY_BYTES + " bytes");
        }
        CompletableFuture<PageView> stored;
        try {
            stored = beacons.collect(ctx.bodyAsBytes(), ctx.userAgent(), ctx.ip());
        } catch (BadBeacon e) {
            throw new HttpProblem(400, "bad_beacon", e.getMessage());
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        // 204 only once the broker acknowledged the view; no thread waits meanwhile (the producer completes it).
        ctx.future(() -> stored.handle((view, error) -> {
            if (error != null) {
                log.debug("page view not stored: {}", error.toString());
                throw HttpProblem.unavailable("unavailable", "the view could not be stored now; retry later");
            }
            ctx.status(204);
            return null;
        }));
    }

    private void popularStream(SseClient client) {
        String scope = scope(client.ctx());
        client.keepAlive();
        // Subscribe before sending the current ranking, so a change in between is not lost.
        AutoCloseable subscription = rankings.subscribe(ranking -> {
            if (scope.equals(ArticleStore.sectionSlug(ranking.getScope()))) {
                push.execute(() -> {
                    if (!client.terminated()) {
                        client.sendEvent("ranking", popularJsonText(scope));
                    }
                });
            }
        });
        push.execute(() -> client.sendEvent("ranking", popularJsonText(scope)));
        client.onClose(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("closing a live popular subscription failed", e);
            }
        });
    }

    private void popularJson(Context ctx) {
        // Public data, meant to be embedded by partners' pages.
        ctx.header("Access-Control-Allow-Origin", "*");
        String scope = scope(ctx);
        json(ctx, "application/json", popularJsonText(scope), models.rankingTime(scope));
    }

    private String popularJsonText(String scope) {
        PopularPanel panel = models.popularPanel(scope, models.scopeTitle(scope), "popular-list");
        return PopularJson.of(panel, models.rankingTime(scope), site);
    }

    /** One article in the format the request asks for (ApiFormats: ?format=, ?ninjs=, Accept); ninjs 2.2 by default. */
    private void apiArticle(Context ctx) {
        SyndicationFormat format = apiFormat(ctx);
        String id = ctx.pathParam("id");
        EnrichedArticle e = articles.byId(id).orElseThrow(() -> articles.isKilled(id)
                ? new HttpProblem(410, "gone", "article " + id + " was withdrawn")
                : new HttpProblem(404, "not_found", "no article " + id));
        api(ctx, format, format.render(PublishedArticles.published(e, site)), e.getArticle().getVersionCreated());
    }

    /**
     * Newest first; {@code section} a slug, {@code since} an ISO instant or date (changed at or after it). ninjs:
     * {@code {"items": [...], "count": n}}; NewsML-G2: a newsMessage of newsItems, sent at the list's last change;
     * NITF, one article per document, answers 406 pointing to the single-article route.
     */
    private void apiList(Context ctx) {
        SyndicationFormat format = apiFormat(ctx);
        if (!format.rendersLists()) {
            throw new HttpProblem(406, "not_acceptable", format.id() + " holds one article per document: ask for"
                    + " /api/v1/articles/{id}?format=" + format.id() + ", or for this list as ninjs or newsml-g2");
        }
        String section = ctx.queryParam("section");
        if (section != null && !SCOPE.matcher(section).matches()) {
            throw new HttpProblem(400, "bad_section", "section must be a section name such as politics");
        }
        Instant since = since(ctx.queryParam("since"));
        int limit = limit(ctx.queryParam("limit"));
        String slug = section == null ? null : ArticleStore.sectionSlug(section);
        List<EnrichedArticle> found = articles.select(e ->
                (slug == null || slug.equals(ArticleStore.sectionSlug(e.getArticle().getSection())))
                        && (since == null || !e.getArticle().getVersionCreated().isBefore(since)), 0, limit);
        Instant lastChange = articles.lastChange();
        api(ctx, format, format.renderList(found.stream().map(e -> PublishedArticles.published(e, site)).toList(), lastChange),
                lastChange);
    }

    private static SyndicationFormat apiFormat(Context ctx) {
        return ApiFormats.requested(ctx.queryParam("format"), ctx.queryParam("ninjs"), ctx.header("Accept"));
    }

    private static void api(Context ctx, SyndicationFormat format, byte[] body, Instant lastModified) {
        ctx.header("Vary", "Accept");
        ctx.contentType(ApiFormats.contentType(format));
        PageResponses.send(ctx, 200, new String(body, StandardCharsets.UTF_8), lastModified);
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "bad_since", "since must be an ISO instant such as 2015-09-25T00:00:00Z or a date such as 2015-09-25");
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return 20;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= API_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new HttpProblem(400, "bad_limit", "limit must be a whole number from 1 to " + API_MAX);
    }

    private String section(Context ctx) {
        String slug = ctx.pathParam("section");
        if (models.sectionName(slug).isEmpty()) {
            throw new HttpProblem(404, "not_found", "no section " + slug);
        }
        return slug;
    }

    /** "all" (the default) or a section slug; anything else is refused. */
    private static String scope(Context ctx) {
        String scope = ctx.queryParam("scope");
        if (scope == null || scope.isBlank()) {
            return "all";
        }
        if (!SCOPE.matcher(scope).matches()) {
            throw new HttpProblem(400, "bad_scope", "scope must be all or a section name such as politics");
        }
        return ArticleStore.sectionSlug(scope);
    }

    /** Page numbers count from 1; anything unreadable is 0, which answers 404. */
    private static int pageNumber(Context ctx) {
        String p = ctx.queryParam("page");
        if (p == null) {
            return 1;
        }
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String decodedPath(Context ctx) {
        try {
            return new URI(ctx.path()).getPath();
        } catch (URISyntaxException e) {
            return ctx.path();
        }
    }

    private static void xml(Context ctx, String type, String body) {
        ctx.contentType(type + "; charset=utf-8");
        PageResponses.send(ctx, 200, body, null);
    }

    private static void json(Context ctx, String type, String body) {
        json(ctx, type, body, null);
    }

    private static void json(Context ctx, String type, String body, Instant lastModified) {
        ctx.contentType(type + "; charset=utf-8");
        PageResponses.send(ctx, 200, body, lastModified);
    }

    @Override
    public void close() {
        push.shutdownNow();
    }
}
