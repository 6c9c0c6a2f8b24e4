package io.inkstream.ingest.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a news article web page: schema.org NewsArticle JSON-LD first, then OpenGraph and
 * article: meta tags, then the page structure (h1, the article element's paragraphs,
 * figures with captions). Only the article body is kept, sanitized; navigation, asides,
 * scripts and footers are not.
 */
public final class HtmlPageParser extends FormatParser.ByTypeOrHead {

    public static final String FORMAT = "html";

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "ReviewNewsArticle");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = new ObjectMapper();

    public HtmlPageParser() {
        super(FORMAT, text -> {
            String head = text.toLowerCase(Locale.ROOT);
            return head.startsWith("<!doctype html") || head.startsWith("<html") || (head.startsWith("<") && head.contains("<body"));
        }, "text/html", "application/xhtml+xml");
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        Document doc = load(payload, contentType);
        ParsedArticle.Builder a = ParsedArticle.builder();
        JsonNode ld = newsArticleJsonLd(doc);
        if (ld != null) {
            fromJsonLd(ld, a);
        }
        fromMeta(doc, a);
        fromStructure(doc, a);
        if (a.headline() == null) {
            throw new RejectedItemException("missing-headline", "The page has no headline (JSON-LD headline, og:title, h1 or title).");
        }
        if (a.paragraphs().isEmpty()) {
            throw new RejectedItemException("missing-body", "The page has no article body (JSON-LD articleBody or paragraphs).");
        }
        return List.of(a.build());
    }

    private static Document load(byte[] payload, String contentType) throws RejectedItemException {
        String charset = null;
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            charset = m.find() ? m.group(1) : null;
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(payload), charset, "");
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedItemException("bad-encoding", "Cannot read the page as text: " + e.getMessage());
        }
        String text = doc.text();
        long broken = text.chars().filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')).count();
        if (broken > 0 && broken * 20 > text.length()) {
            throw new RejectedItemException("unparseable", "The item is binary data or text in an undeclared encoding, not an HTML page.");
        }
        return doc;
    }

    private JsonNode newsArticleJsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(json.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (JacksonException e) {
                // a broken JSON-LD block on a page is common; the meta tags and markup still work
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode found = findArticle(n);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        JsonNode type = node.path("@type");
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            if (ARTICLE_TYPES.contains(t.asText())) {
                return node;
            }
        }
        return node.has("@graph") ? findArticle(node.get("@graph")) : null;
    }

    private static void fromJsonLd(JsonNode ld, ParsedArticle.Builder a) throws RejectedItemException {
        a.headline(str(ld.path("headline")));
        a.subheadline(str(ld.path("alternativeHeadline")));
        a.section(str(ld.path("articleSection").isArray() ? ld.path("articleSection").path(0) : ld.path("articleSection")));
        a.language(str(ld.path("inLanguage")));
        a.byline(names(ld.path("author")));
        a.sourceAgency(names(ld.path("sourceOrganization")) != null ? names(ld.path("sourceOrganization")) : names(ld.path("publisher")));
        a.editor(names(ld.path("editor")));
        WireTime published = WireTime.parse(str(ld.path("datePublished")), "datePublished");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        String url = str(ld.path("url")) != null ? str(ld.path("url")) : str(ld.path("mainEntityOfPage").isObject() ? ld.path("mainEntityOfPage").path("@id") : ld.path("mainEntityOfPage"));
        a.sourceUrl(url);
        a.sourceId(str(ld.path("@id")) != null ? str(ld.path("@id")) : url);
        JsonNode keywords = ld.path("keywords");
        if (keywords.isArray()) {
            keywords.forEach(k -> a.subject(k.asText()));
        } else if (str(keywords) != null) {
            for (String k : str(keywords).split(",")) {
                if (!k.isBlank()) {
                    a.subject(k.trim());
                }
            }
        }
        JsonNode images = ld.path("image");
        for (JsonNode img : images.isArray() ? images : List.of(images)) {
            String href = img.isTextual() ? img.asText() : str(img.path("url"));
            if (href != null) {
                a.media(ParsedArticle.Media.photo(href, str(img.path("caption")), names(img.path("creditText")) != null
                        ? names(img.path("creditText")) : names(img.path("author")), null));
            }
        }
        String body = str(ld.path("articleBody"));
        if (body != null) {
            a.paragraphs(BodyHtml.paragraphsFromText(body));
        }
    }

    private static void fromMeta(Document doc, ParsedArticle.Builder a) throws RejectedItemException {
        if (a.headline() == null) {
            a.headline(meta(doc, "og:title"));
        }
        if (a.publishedAt() == null) {
            WireTime t = WireTime.parse(meta(doc, "article:published_time"), "article:published_time");
            if (t != null) {
                a.publishedAt(t.instant(), t.offset());
            }
        }
        if (a.section() == null) {
            a.section(meta(doc, "article:section"));
        }
        if (a.byline() == null) {
            a.byline(meta(doc, "author") != null ? meta(doc, "author") : meta(doc, "article:author"));
        }
        if (a.sourceAgency() == null) {
            a.sourceAgency(meta(doc, "og:site_name"));
        }
        String canonical = doc.select("link[rel=canonical]").attr("href");
        String pageUrl = !canonical.isBlank() ? canonical : meta(doc, "og:url");
        if (a.sourceUrl() == null) {
            a.sourceUrl(pageUrl);
        }
        if (a.sourceId() == null) {
            a.sourceId(pageUrl);
        }
        if (a.language() == null) {
            String lang = doc.select("html").attr("lang");
            a.language(lang.isBlank() ? null : lang);
        }
        if (a.subjects().isEmpty()) {
            doc.select("meta[property=article:tag]").forEach(m -> a.subject(m.attr("content")));
        }
        if (a.media().isEmpty()) {
            String image = meta(doc, "og:image");
            if (image != null && doc.select("article figure img, figure img").isEmpty()) {
                a.media(ParsedArticle.Media.photo(image, meta(doc, "og:image:alt"), null, meta(doc, "og:image:alt")));
            }
        }
    }

    private static void fromStructure(Document doc, ParsedArticle.Builder a) throws RejectedItemException {
        doc.select("script, style, noscript, template, iframe, object, embed, nav, aside, footer, form").remove();
        for (Element header : doc.select("header")) {
            if (header.closest("article") == null) {
                header.remove(); // site header with menus; an article's own header holds its h1
            }
        }
        Element container = articleContainer(doc);
        if (a.headline() == null) {
            String h1 = container.select("h1").text();
            a.headline(!h1.isBlank() ? h1 : (doc.title().isBlank() ? null : doc.title()));
        }
        if (a.publishedAt() == null) {
            String dt = container.select("time[datetime]").attr("datetime");
            WireTime t = WireTime.parse(dt, "time datetime");
            if (t != null) {
                a.publishedAt(t.instant(), t.offset());
            }
        }
        // JSON-LD may already list the page's figures; a figure is one photo, however often it is described
        Set<String> seen = new LinkedHashSet<>();
        for (ParsedArticle.Media m : a.media()) {
            seen.add(m.url());
            seen.add(m.caption());
        }
        List<ParsedArticle.Media> figures = new ArrayList<>();
        for (Element figure : container.select("figure")) {
            Element img = figure.selectFirst("img");
            String caption = figure.select("figcaption").text();
            String src = img == null ? "" : (img.absUrl("src").isBlank() ? img.attr("src") : img.absUrl("src"));
            if (img != null && !seen.contains(src) && (caption.isBlank() || !seen.contains(caption))) {
                seen.add(src);
                seen.add(caption);
                String credit = figure.select(".credit, [itemprop=creditText], small").text();
                figures.add(ParsedArticle.Media.photo(src,
                        caption.isBlank() ? null : caption.replace(credit, "").trim(), credit.isBlank() ? null : credit,
                        img.attr("alt").isBlank() ? null : img.attr("alt")));
            }
            figure.remove();
        }
        figures.forEach(a::media);
        container.select("h1").remove();
        Element body = container.selectFirst("[itemprop=articleBody], .article-body, .articleBody, .story-body, .content");
        Element source = body != null ? body : container;
        String safe = BodyHtml.sanitize(topLevelBlocks(source).outerHtml());
        if (safe != null) {
            a.bodyHtml(safe);
            if (a.paragraphs().isEmpty()) {
                a.paragraphs(BodyHtml.paragraphs(safe));
            }
        }
    }

    /** Paragraph-level blocks not nested in another one, so a quote's paragraph is not read twice. */
    private static org.jsoup.select.Elements topLevelBlocks(Element source) {
        String blocks = "p, h2, h3, h4, h5, h6, blockquote, ul, ol, pre";
        org.jsoup.select.Elements out = new org.jsoup.select.Elements();
        for (Element e : source.select(blocks)) {
            boolean nested = false;
            for (Element parent : e.parents()) {
                if (parent == source) {
                    break;
                }
                nested |= parent.is(blocks);
            }
            if (!nested) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element articleContainer(Document doc) {
        Element article = doc.selectFirst("article");
        if (article != null) {
            return article;
        }
        Element main = doc.selectFirst("main, [role=main]");
        return main != null ? main : doc.body();
    }

    private static String meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        if (m == null) {
            return null;
        }
        String v = m.attr("content").trim();
        return v.isEmpty() ? null : v;
    }

    /** A schema.org Person/Organization, a string, or an array of them, as printed names. */
    private static String names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            String name = n.isTextual() ? n.asText() : str(n.path("name"));
            if (name != null && !name.isBlank()) {
                out.add(name.trim());
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    private static String str(JsonNode v) {
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
