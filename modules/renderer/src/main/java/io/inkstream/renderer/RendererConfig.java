package io.inkstream.renderer;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;
import io.inkstream.renderer.page.SiteConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The renderer's settings, declared once: how the site names and addresses itself (the pages' part,
 * {@link SiteConfig}), and how it treats readers.
 *
 * @param site                 what the pages need to know about the site
 * @param visitorSalt          the configured salt for visitor hashes, or null ({@link VisitorSalt} decides then)
 * @param widgetFrameAncestors CSP frame-ancestors of the embeddable widget
 * @param applicationId        the Streams application id, {@link RendererService#APPLICATION_ID} unless kept from before
 * @param syndication          how partners are served
 * @param articleCacheSize     full articles kept decoded in heap, the most recently read (the rest are on disk)
 */
public record RendererConfig(SiteConfig site, String visitorSalt, String widgetFrameAncestors, String applicationId,
                             SyndicationConfig syndication, int articleCacheSize) {

    public static final Setting<String> SITE_BASE_URL = new Setting<>("inkstream.site.base-url", "url",
            "http://localhost:8080",
            "Absolute base URL of the public site; canonical links, feeds, sitemaps and articles.published use it.",
            RendererConfig::baseUrl);
    public static final Setting<String> SITE_NAME = Setting.string("inkstream.site.name", "Inkstream",
            "The site's name in page titles, the header, feeds and the news sitemap.");
    public static final Setting<ZoneId> SITE_ZONE = new Setting<>("inkstream.site.zone", "zone", "Asia/Shanghai",
            "Time zone for times of articles that do not state their source's zone.", RendererConfig::zone);
    public static final Setting<List<String>> SITE_SECTIONS = new Setting<>("inkstream.site.sections", "list",
            String.join(",", SiteConfig.DEFAULT_MENU),
            "Sections always in the menu, comma-separated, in order; sections of arriving articles are added after.",
            text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    public static final Setting<Integer> PAGE_SIZE = Setting.integer("inkstream.site.page-size", 20, 1, 100,
            "Articles per page on the front and section pages.");
    public static final Setting<String> VISITOR_SALT = Setting.string("inkstream.renderer.visitor-salt", null,
            "Secret salt for hashing visitor ids in page views; set the same value on every renderer instance. "
                    + "Unset: one is made on first start and kept in the data directory's visitor-salt file "
                    + "(visitors are then told apart per data directory).");
    public static final Setting<String> WIDGET_FRAME_ANCESTORS = Setting.string(
            "inkstream.renderer.widget-frame-ancestors", "*",
            "Who may embed /widgets/popular in an iframe (CSP frame-ancestors), e.g. * or https://partner.example.");
    public static final Setting<String> APPLICATION_ID = Setting.string("inkstream.renderer.application-id",
            RendererService.APPLICATION_ID,
            "Kafka Streams application id of the publisher (behind the topic prefix). Only to keep state from "
                    + "before the ids were renamed: set renderer (see README, Upgrading).");

    public static final Setting<Integer> ARTICLE_CACHE_SIZE = Setting.integer("inkstream.renderer.article-cache-size",
            2000, 0, 1_000_000,
            "Full articles the renderer keeps decoded in heap, the most recently read; the others are read from its "
                    + "archive on disk (data directory's renderer-archive). About 10 KB of heap each.");

    public static final List<Setting<?>> ALL = Stream.concat(Stream.of(SITE_BASE_URL, SITE_NAME, SITE_ZONE,
            SITE_SECTIONS, PAGE_SIZE, VISITOR_SALT, WIDGET_FRAME_ANCESTORS, APPLICATION_ID, ARTICLE_CACHE_SIZE),
            SyndicationConfig.ALL.stream()).toList();

    public static RendererConfig from(Settings settings) {
        settings.validate(ALL);
        return new RendererConfig(
                new SiteConfig(settings.require(SITE_BASE_URL), settings.require(SITE_NAME),
                        settings.require(SITE_ZONE), settings.require(SITE_SECTIONS), settings.require(PAGE_SIZE)),
                settings.get(VISITOR_SALT), settings.require(WIDGET_FRAME_ANCESTORS), settings.require(APPLICATION_ID),
                SyndicationConfig.from(settings), settings.require(ARTICLE_CACHE_SIZE));
    }

    public static RendererConfig defaults() {
        return from(Settings.ofOverrides(Map.of()));
    }

    private static String baseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL such as https://news.example.com");
            }
            return text.trim();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http(s) URL such as https://news.example.com");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone such as Asia/Shanghai or +08:00");
        }
    }
}
