package io.inkstream.renderer.page;

import java.util.List;

/**
 * The document head of a page and what frames it (site name, section menu, footer year).
 *
 * @param title        the page's own title, without the site name
 * @param publishedIso for articles, the OpenGraph article:published_time, else null
 * @param jsonLd       schema.org JSON already escaped for a script element, or null
 * @param noindex      true for pages search engines should not keep (errors, print views)
 */
public record Head(String lang, String title, String description, String canonicalUrl, String ogType,
                   String ogImage, String publishedIso, String section, String jsonLd, boolean noindex,
                   String siteName, List<MenuItem> menu, String cssHref, String jsHref, int year) {
}
