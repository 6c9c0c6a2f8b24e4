package io.inkstream.renderer.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.renderer.store.ArticleStore;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the site's HTML pages from the stores with the precompiled templates; knows nothing of HTTP
 * beyond the status each answer should have, so every page can be tested without a server or Kafka.
 */
public final class SiteRenderer {

    private final ArticleStore articles;
    private final PageModels models;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public SiteRenderer(ArticleStore articles, PageModels models) {
        this.articles = articles;
        this.models = models;
    }

    public PageModels models() {
        return models;
    }

    /** The article at a site path: the page, a 301 to its canonical path, 410 when killed, else 404. */
    public RenderedPage article(String path) {
        ArticleStore.Lookup found = articles.byPath(path);
        if (found instanceof ArticleStore.Lookup.Found f) {
            EnrichedArticle e = f.article();
            ArticleView v = models.article(e);
            String html = render("article.jte", Map.of("head", models.articleHead(e, v, false), "v", v));
            return RenderedPage.ok(html, lastModified(e, v.sectionScope()));
        }
        return notShown(found, "");
    }

    /** The print view of the article at a site path (its canonical path or an older one). */
    public RenderedPage print(String path) {
        ArticleStore.Lookup found = articles.byPath(path);
        if (found instanceof ArticleStore.Lookup.Found f) {
            return printPage(f.article());
        }
        return notShown(found, "/print");
    }

    /** The answer for a path that does not show an article: a redirect, gone or not found. */
    private RenderedPage notShown(ArticleStore.Lookup found, String prefix) {
        if (found instanceof ArticleStore.Lookup.Moved m) {
            return RenderedPage.movedTo(prefix + m.canonicalPath());
        }
        return found instanceof ArticleStore.Lookup.Gone ? gone() : notFound();
    }

    private RenderedPage printPage(EnrichedArticle e) {
        ArticleView v = models.article(e);
        String html = render("print.jte", Map.of("head", models.articleHead(e, v, true), "v", v,
                "canonicalUrl", models.site().absolute(e.getCanonicalPath())));
        return RenderedPage.ok(html, e.getArticle().getVersionCreated());
    }

    /** The front page: all sections, newest first. */
    public RenderedPage home(int page) {
        return listing(null, "Latest news", "/", page);
    }

    /** A section page by its slug ("politics"), newest first; 404 for a section the site does not have. */
    public RenderedPage section(String slug, int page) {
        return models.sectionName(slug)
                .map(name -> listing(slug, name, PageModels.sectionPath(slug), page))
                .orElseGet(this::notFound);
    }

    private RenderedPage listing(String slug, String heading, String path, int page) {
        if (page < 1) {
            return notFound();
        }
        ListingView v = models.listing(slug, heading, page);
        if (page > 1 && v.items().isEmpty()) {
            return notFound();
        }
        String canonical = page == 1 ? path : path + "?page=" + page;
        Head head = models.head(heading, models.site().siteName() + ": " + heading, canonical, false, slug);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("head", head, "v", v));
        params.put("sectionScope", slug);
        Instant modified = latest(articles.lastChange(), models.rankingTime(PageModels.ALL),
                slug == null ? Instant.EPOCH : models.rankingTime(slug));
        return RenderedPage.ok(render("listing.jte", params), modified);
    }

    public RenderedPage notFound() {
        return error(404, "Page not found",
                "We could not find that page. It may have moved, or the address may be mistyped.");
    }

    public RenderedPage gone() {
        return error(410, "Article removed", "This article has been withdrawn and is no longer available.");
    }

    private RenderedPage error(int status, String title, String message) {
        Head head = models.head(title, message, null, true, null);
        String html = render("error.jte", Map.of("head", head, "status", status, "message", message,
                "topNews", models.topNews()));
        return new RenderedPage(status, html, null, null);
    }

    /** The embeddable "Most popular in 24h" list of one scope ("all" or a section slug). */
    public RenderedPage popularWidget(String scope) {
        PopularPanel panel = models.popularPanel(scope, models.scopeTitle(scope), "popular-list");
        String html = render("widget.jte", Map.of("panel", panel, "siteName", models.site().siteName(),
                "cssHref", models.head("", "", null, true, null).cssHref(),
                "jsHref", models.head("", "", null, true, null).jsHref()));
        return RenderedPage.ok(html, models.rankingTime(scope));
    }

    private Instant lastModified(EnrichedArticle e, String sectionScope) {
        return latest(e.getArticle().getVersionCreated(), articles.lastChange(), models.rankingTime(PageModels.ALL),
                sectionScope == null ? Instant.EPOCH : models.rankingTime(sectionScope));
    }

    private static Instant latest(Instant... times) {
        return Stream.of(times).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }
}
