package io.inkstream.renderer.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.renderer.page.BodyFormatter;
import io.inkstream.renderer.page.PageModels;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.store.ArticleStore;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The site's feeds, newest first, for the whole site or one section: RSS 2.0 and Atom 1.0 (written by
 * Rome) and JSON Feed 1.1; each item carries the summary and the sanitized body.
 */
public final class Feeds {

    /** Items per feed. */
    static final int SIZE = 30;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArticleStore articles;
    private final PageModels models;
    private final SiteConfig site;

    public Feeds(ArticleStore articles, PageModels models) {
        this.articles = articles;
        this.models = models;
        this.site = models.site();
    }

    /** Feed type "rss_2.0" or "atom_1.0"; {@code sectionSlug} null for the whole site. */
    public String syndication(String feedType, String sectionSlug) {
        String ext = feedType.startsWith("rss") ? "rss.xml" : "atom.xml";
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setTitle(title(sectionSlug));
        feed.setDescription("Latest news from " + title(sectionSlug));
        feed.setLink(site.absolute(home(sectionSlug)));
        feed.setUri(site.absolute(feedPath(sectionSlug, ext)));
        feed.setLanguage("en");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(site.absolute(feedPath(sectionSlug, ext)));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(site.absolute(home(sectionSlug)));
        feed.setLinks(List.of(alternate, self));
        List<EnrichedArticle> items = articles.latest(sectionSlug, 0, SIZE);
        feed.setPublishedDate(Date.from(items.isEmpty() ? articles.lastChange() : updated(items.get(0))));
        feed.setEntries(items.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written: " + e.getMessage(), e);
        }
    }

    private SyndEntry entry(EnrichedArticle e) {
        Article a = e.getArticle();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(a.getId());
        entry.setTitle(a.getHeadline());
        entry.setLink(site.absolute(e.getCanonicalPath()));
        entry.setPublishedDate(Date.from(ArticleStore.shownAt(e)));
        entry.setUpdatedDate(Date.from(a.getVersionCreated()));
        String author = author(a);
        if (author != null) {
            entry.setAuthor(author);
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(e.getSummary());
        entry.setDescription(summary);
        SyndContent body = new SyndContentImpl();
        body.setType("text/html");
        body.setValue(BodyFormatter.html(a));
        entry.setContents(List.of(body));
        if (a.getSection() != null) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(a.getSection());
            entry.setCategories(List.of(category));
        }
        return entry;
    }

    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
    public String jsonFeed(String sectionSlug) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", title(sectionSlug));
        feed.put("home_page_url", site.absolute(home(sectionSlug)));
        feed.put("feed_url", site.absolute(feedPath(sectionSlug, "feed.json")));
        feed.put("language", "en");
        ArrayNode items = feed.putArray("items");
        for (EnrichedArticle e : articles.latest(sectionSlug, 0, SIZE)) {
            Article a = e.getArticle();
            ObjectNode item = items.addObject();
            item.put("id", a.getId());
            item.put("url", site.absolute(e.getCanonicalPath()));
            item.put("title", a.getHeadline());
            item.put("summary", e.getSummary());
            item.put("content_html", BodyFormatter.html(a));
            item.put("date_published", ArticleStore.shownAt(e).toString());
            item.put("date_modified", a.getVersionCreated().toString());
            item.put("language", PageModels.lang(e));
            if (author(a) != null) {
                item.putArray("authors").addObject().put("name", author(a));
            }
            if (a.getSection() != null) {
                item.putArray("tags").add(a.getSection());
            }
            String image = models.teaser(e).imageUrl();
            if (image != null) {
                item.put("image", image);
            }
        }
        try {
            return JSON.writeValueAsString(feed);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String title(String sectionSlug) {
        return sectionSlug == null ? site.siteName()
                : site.siteName() + ": " + models.sectionName(sectionSlug).orElse(sectionSlug);
    }

    private static String home(String sectionSlug) {
        return sectionSlug == null ? "/" : PageModels.sectionPath(sectionSlug);
    }

    /** "/feeds/rss.xml" or "/feeds/politics/rss.xml". */
    public static String feedPath(String sectionSlug, String file) {
        return sectionSlug == null ? "/feeds/" + file : "/feeds/" + sectionSlug + "/" + file;
    }

    private static String author(Article a) {
        return a.getByline() != null ? a.getByline() : a.getSourceAgency();
    }

    private static Instant updated(EnrichedArticle e) {
        return e.getArticle().getVersionCreated();
    }
}
