package io.inkstream.renderer.feed;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.renderer.page.PageModels;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleStore;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * sitemap.xml (the front page, sections and every visible article) and the Google News sitemap
 * (articles of the last two days, at most 1000, as Google asks).
 */
public final class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final int MAX_URLS = 50_000;
    private static final int MAX_NEWS = 1000;
    private static final Duration NEWS_WINDOW = Duration.ofDays(2);

    private final ArticleStore articles;
    private final PageModels models;
    private final SiteConfig site;
    private final Clock clock;

    public Sitemaps(ArticleStore articles, PageModels models, Clock clock) {
        this.articles = articles;
        this.models = models;
        this.site = models.site();
        this.clock = clock;
    }

    public String sitemap() {
        return write(false, w -> {
            url(w, "/", null);
            for (String section : articles.sections()) {
                url(w, PageModels.sectionPath(ArticleStore.sectionSlug(section)), null);
            }
            for (ArticleStore.Located e : articles.latestPaths(MAX_URLS)) {
                url(w, e.canonicalPath(), e.versionCreated());
            }
        });
    }

    public String news() {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        List<EnrichedArticle> recent = articles.latestSince(since, MAX_NEWS);
        return write(true, w -> {
            for (EnrichedArticle e : recent) {
                w.writeStartElement(SITEMAP_NS, "url");
                element(w, SITEMAP_NS, "loc", site.absolute(e.getCanonicalPath()));
                w.writeStartElement(NEWS_NS, "news");
                w.writeStartElement(NEWS_NS, "publication");
                element(w, NEWS_NS, "name", site.siteName());
                element(w, NEWS_NS, "language", PageModels.lang(e));
                w.writeEndElement();
                element(w, NEWS_NS, "publication_date", ArticleStore.shownAt(e).toString());
                element(w, NEWS_NS, "title", e.getArticle().getHeadline());
                w.writeEndElement();
                w.writeEndElement();
            }
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private String write(boolean news, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(SITEMAP_NS);
            w.writeStartElement(SITEMAP_NS, "urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            if (news) {
                w.setPrefix("news", NEWS_NS);
                w.writeNamespace("news", NEWS_NS);
            }
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("sitemap could not be written", e);
        }
        return out.toString();
    }

    private void url(XMLStreamWriter w, String path, Instant lastModified) throws XMLStreamException {
        w.writeStartElement(SITEMAP_NS, "url");
        element(w, SITEMAP_NS, "loc", site.absolute(path));
        if (lastModified != null) {
            element(w, SITEMAP_NS, "lastmod", lastModified.toString());
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
