package io.inkstream.renderer.page;

import java.time.ZoneId;
import java.util.List;

/**
 * What the pages need to know about the site itself.
 *
 * @param baseUrl      absolute base URL without a trailing slash, e.g. https://news.example.com
 * @param siteName     the site's name in titles and the header
 * @param defaultZone  zone for times when an article does not say its source's zone
 * @param menuSections sections always in the menu, in order (more appear as articles arrive)
 * @param pageSize     teasers per listing page
 */
public record SiteConfig(String baseUrl, String siteName, ZoneId defaultZone, List<String> menuSections, int pageSize) {

    public static final List<String> DEFAULT_MENU = List.of(
            "Politics", "Business", "Society", "Culture", "Military", "Sci-tech", "Entertainment", "Sports", "Features");

    public SiteConfig {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        menuSections = List.copyOf(menuSections);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
    }

    public static SiteConfig defaults(String baseUrl) {
        return new SiteConfig(baseUrl, "Inkstream", ZoneId.of("Asia/Shanghai"), DEFAULT_MENU, 20);
    }

    /** The absolute URL of a site path. */
    public String absolute(String path) {
        return baseUrl + path;
    }
}
