package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.w3c.dom.Element;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a WordPress export (WXR: RSS 2.0 with the {@code wp:} namespace) as one entry per post,
 * each accepted or refused on its own. Attachments are not articles: they are the media of the
 * post that is their {@code wp:post_parent} or names them as {@code _thumbnail_id} (its featured
 * image, first). The body is {@code content:encoded} as WordPress shows it: shortcodes resolved
 * ({@code [dropcap]M[/dropcap]} keeps its text, {@code [caption]} becomes the image's caption,
 * unknown ones are dropped), blank-line paragraphs and line breaks (WordPress's "autop"), images
 * taken out as media, then sanitized.
 *
 * <p>Status: {@code publish} (and {@code inherit}) is usable; {@code future} is withheld until its
 * date; {@code trash} is a kill of the post (same guid, so a published post leaves the site);
 * {@code draft}, {@code pending}, {@code auto-draft} and {@code private} posts are refused with
 * the reason, since they were never meant to be public. Pages, menus and other post types are
 * not news and are skipped.
 */
public final class WxrParser extends FormatParser implements WireFormatParser.OfEntries {

    public static final String FORMAT = "wordpress-wxr";

    private static final String WP_NS = "wordpress.org/export/";
    /** Later than this, a post date is a typo (the test export has 3013), not a time to sort by. */
    private static final Instant LATEST_PLAUSIBLE = Instant.parse("2100-01-01T00:00:00Z");
    // every repetition is bounded and enclosing pairs are not matched by backreference, so hostile
    // content ("[a][a][a]…" without closers) costs linear time
    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]\\[]{0,2000})\\](.*?)\\[/caption\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_ATTR = Pattern.compile("caption=\"([^\"]{0,2000})\"");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]\\[]{0,2000}\\]\\s{0,100}(https?://[^\\s\\[]{1,2000})\\s{0,100}\\[/embed\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSER = Pattern.compile("\\[/([a-z][a-z0-9_-]{0,40})\\]");
    private static final Pattern SHORTCODE_TAG = Pattern.compile("\\[(/?)([a-z][a-z0-9_-]{0,40})(\\s[^\\]\\[]{0,2000})?/?\\]");
    private static final Set<String> KNOWN_SHORTCODES = Set.of("gallery", "audio", "video", "playlist", "embed", "caption",
            "wp_caption", "dropcap", "contact-form", "gravityform", "wpforms", "ad", "adsense", "spacer", "divider", "clear");
    private static final String BLOCKS = "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
            + "|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<(?:" + BLOCKS + ")[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</(?:" + BLOCKS + ")>)", Pattern.CASE_INSENSITIVE);
    /** A void block element has no closing tag to end its chunk. */
    private static final Pattern VOID_BLOCK = Pattern.compile("(<hr[^>]*>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile("^</?(?:" + BLOCKS + ")[\\s/>]", Pattern.CASE_INSENSITIVE);

    public WxrParser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        String head = PayloadText.head(payload, 8192);
        return head.startsWith("<") && head.contains("<rss") && head.contains(WP_NS);
    }

    @Override
    public List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException {
        Element channel = channel(SecureXml.parse(payload));
        Map<String, String> authors = new HashMap<>();
        for (Element au : SecureXml.children(channel, "author")) {
            String login = SecureXml.text(au, "author_login");
            String first = SecureXml.text(au, "author_first_name");
            String last = SecureXml.text(au, "author_last_name");
            String display = SecureXml.text(au, "author_display_name");
            if (login != null) {
                authors.put(login, first != null && last != null ? first + " " + last : display != null ? display : login);
            }
        }
        List<Element> items = SecureXml.children(channel, "item");
        // attachments by id (for _thumbnail_id) and by parent post, in document order
        Map<String, Element> attachments = new HashMap<>();
        Map<String, List<Element>> byParent = new HashMap<>();
        for (Element item : items) {
            if ("attachment".equals(SecureXml.text(item, "post_type"))) {
                if (SecureXml.text(item, "post_id") != null) {
                    attachments.put(SecureXml.text(item, "post_id"), item);
                }
                String parent = SecureXml.text(item, "post_parent");
                if (parent != null && !parent.equals("0")) {
                    byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(item);
                }
            }
        }
        Context ctx = new Context(SecureXml.text(channel, "title"), SecureXml.text(channel, "language"), authors, attachments, byParent);
        List<ParsedEntry> entries = new ArrayList<>();
        int position = 0;
        for (Element item : items) {
            position++;
            String type = SecureXml.text(item, "post_type");
            if (type != null && !type.equals("post")) {
                continue; // attachments belong to their posts; pages and menus are not news
            }
            String label = SecureXml.text(item, "guid") != null ? SecureXml.text(item, "guid") : "item " + position;
            try {
                entries.add(ParsedEntry.of(label, post(item, ctx)));
            } catch (RejectedItemException e) {
                entries.add(ParsedEntry.refused(label, e));
            }
        }
        if (entries.isEmpty()) {
            throw new RejectedItemException("missing-body", "WordPress WXR: the export holds " + items.size()
                    + " items and no post (wp:post_type post).");
        }
        return entries;
    }

    private record Context(String site, String language, Map<String, String> authors,
                           Map<String, Element> attachments, Map<String, List<Element>> attachmentsByParent) {
    }

    private static Element channel(Element root) throws RejectedItemException {
        Element channel = SecureXml.child(root, "channel");
        if (!"rss".equals(root.getLocalName()) || channel == null) {
            throw new RejectedItemException("unparseable", "WordPress WXR: expected <rss><channel>, found <" + root.getLocalName() + ">.");
        }
        return channel;
    }

    private static ParsedArticle post(Element item, Context ctx) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        String id = SecureXml.text(item, "post_id");
        String title = SecureXml.text(item, "title");
        String name = title != null ? "'" + Iptc7901Parser.abbreviate(title) + "'" : "post " + id;
        String status = SecureXml.text(item, "status") == null ? "publish" : SecureXml.text(item, "status").toLowerCase(Locale.ROOT);
        switch (status) {
            case "publish", "inherit" -> a.pubStatus(PubStatus.usable);
            case "future" -> a.pubStatus(PubStatus.withheld);
            case "trash" -> a.pubStatus(PubStatus.canceled);
            default -> throw new RejectedItemException("not-published", "WordPress WXR: post " + name + " has status '" + status
                    + "', not published (only publish, future and trash posts are read).");
        }
        a.headline(title);
        a.sourceAgency(ctx.site());
        a.language(ctx.language());
        a.sourceId(SecureXml.text(item, "guid") != null ? SecureXml.text(item, "guid") : SecureXml.text(item, "link"));
        a.sourceUrl(SecureXml.text(item, "link"));
        String creator = SecureXml.text(item, "creator");
        a.byline(creator == null ? null : ctx.authors().getOrDefault(creator, creator));
        readDates(item, a, status);
        for (Element c : SecureXml.children(item, "category")) {
            // WordPress writes the label HTML-escaped inside CDATA ("Secrets &amp; Lies")
            String label = SecureXml.text(c) == null ? null : org.jsoup.parser.Parser.unescapeEntities(SecureXml.text(c), false);
            if (label == null || a.subjects().contains(label)) {
                continue;
            }
            a.subject(label);
            if ("category".equals(SecureXml.attr(c, "domain")) && SecureXml.attr(c, "nicename") != null) {
                a.subjectCode("wpcat:" + SecureXml.attr(c, "nicename"));
            }
        }
        String excerpt = SecureXml.text(item, "encoded") == null ? null : excerpt(item);
        a.subheadline(excerpt);

        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> meta = meta(item);
        Element thumbnail = meta.get("_thumbnail_id") == null ? null : ctx.attachments().get(meta.get("_thumbnail_id"));
        if (thumbnail != null) {
            attachmentMedia(thumbnail, a, seen);
        }
        for (Element att : id == null ? List.<Element>of() : ctx.attachmentsByParent().getOrDefault(id, List.of())) {
            attachmentMedia(att, a, seen); // the thumbnail, if it is one of them, is already in and skipped by URL
        }
        String ownAttachment = SecureXml.text(item, "attachment_url");
        if (ownAttachment != null && seen.add(ownAttachment)) {
            a.media(ParsedArticle.Media.photo(ownAttachment, null, null, title));
        }

        Element encoded = null;
        for (Element e : SecureXml.children(item, "encoded")) {
            if (e.getNamespaceURI() != null && e.getNamespaceURI().contains("purl.org/rss/1.0/modules/content")) {
                encoded = e;
            }
        }
        String html = encoded == null ? "" : encoded.getTextContent();
        readBody(BodyHtml.sanitize(autop(mediaOut(shortcodes(html, a), a, seen))), a);

        if (a.paragraphs().isEmpty() && !a.media().isEmpty()) {
            a.type(a.media().get(0).type()); // a post that is only an image is a picture item, as WordPress shows it
        }
        if (a.headline() == null) {
            if (a.paragraphs().isEmpty() && a.media().isEmpty()) {
                throw new RejectedItemException("missing-headline", "WordPress WXR: post " + id + " has no title and no content.");
            }
            if (!a.paragraphs().isEmpty()) {
                String first = a.paragraphs().get(0);
                a.headline(first.length() <= 120 ? first : first.substring(0, Math.max(60, first.lastIndexOf(' ', 119))) + "…");
            }
            a.warning("WordPress WXR: the post has no title; the headline is made from its content.");
        }
        if (a.type() == ContentType.text && a.paragraphs().isEmpty() && a.pubStatus() != PubStatus.canceled) {
            throw new RejectedItemException("missing-body", "WordPress WXR: post " + name + " has no content:encoded text and no image.");
        }
        return a.build();
    }

    private static String excerpt(Element item) {
        for (Element e : SecureXml.children(item, "encoded")) {
            if (e.getNamespaceURI() != null && e.getNamespaceURI().contains("/excerpt")) {
                String t = Jsoup.parseBodyFragment(e.getTextContent()).text().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    /** post_date_gmt is the post's time; post_date beside it gives the site's offset. */
    private static void readDates(Element item, ParsedArticle.Builder a, String status) {
        Instant gmt = localTime(SecureXml.text(item, "post_date_gmt"));
        Instant local = localTime(SecureXml.text(item, "post_date"));
        String offset = "Z";
        Instant at = gmt;
        if (gmt != null && local != null) {
            long minutes = Duration.between(gmt, local).toMinutes();
            if (Math.abs(minutes) <= 14 * 60 && minutes % 15 == 0) {
                offset = ZoneOffset.ofTotalSeconds((int) minutes * 60).getId();
            }
        }
        if (at == null) {
            try {
                WireTime pub = WireTime.parse(SecureXml.text(item, "pubDate"), "pubDate");
                if (pub != null) {
                    at = pub.instant();
                    offset = pub.offset();
                }
            } catch (RejectedItemException e) {
                a.warning("WordPress WXR: " + e.reason());
            }
        }
        if (at == null) {
            return;
        }
        if (at.isAfter(LATEST_PLAUSIBLE)) {
            a.warning("WordPress WXR: the post date " + at + " is implausible; left out.");
            return;
        }
        a.publishedAt(at, offset);
        a.firstCreated(at);
        Instant modified = localTime(SecureXml.text(item, "post_modified_gmt"));
        a.versionCreated(modified != null && !modified.isBefore(at) && !modified.isAfter(LATEST_PLAUSIBLE) ? modified : at);
        if ("future".equals(status)) {
            a.embargoUntil(at);
        }
    }

    /** "2013-07-29 16:03:54"; WordPress writes 0000-00-00 00:00:00 for a post never dated. */
    private static Instant localTime(String value) {
        if (value == null || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> meta(Element item) {
        Map<String, String> meta = new HashMap<>();
        for (Element m : SecureXml.children(item, "postmeta")) {
            String key = SecureXml.text(m, "meta_key");
            if (key != null) {
                meta.putIfAbsent(key, SecureXml.text(m, "meta_value"));
            }
        }
        return meta;
    }

    /** An attachment item as media: its URL, its description (else caption) and its alt text (else title). */
    private static void attachmentMedia(Element att, ParsedArticle.Builder a, Set<String> seen) {
        String url = SecureXml.text(att, "attachment_url") != null ? SecureXml.text(att, "attachment_url") : SecureXml.text(att, "guid");
        if (url == null || !seen.add(url)) {
            return;
        }
        String caption = SecureXml.text(att, "description") != null ? SecureXml.text(att, "description") : excerpt(att);
        String alt = meta(att).get("_wp_attachment_image_alt") != null ? meta(att).get("_wp_attachment_image_alt") : SecureXml.text(att, "title");
        String lower = url.toLowerCase(Locale.ROOT);
        ContentType type = lower.matches(".*\\.(mp4|mov|webm|m4v)(\\?.*)?$") ? ContentType.video
                : lower.matches(".*\\.(mp3|m4a|ogg|wav)(\\?.*)?$") ? ContentType.audio : ContentType.picture;
        a.media(new ParsedArticle.Media(type, url, caption, null, alt));
    }

    /** Shortcodes as WordPress renders them: caption to figure, embed to a link, enclosing ones keep their text. */
    static String shortcodes(String html, ParsedArticle.Builder a) {
        String out = upToLastCloser(html, "[/caption]", CAPTION, m -> {
            String inner = m.group(2);
            Matcher attr = CAPTION_ATTR.matcher(m.group(1));
            Matcher img = Pattern.compile("^\\s*((?:<a[^>]{0,2000}>\\s*)?<img[^>]{0,2000}>(?:\\s*</a>)?)").matcher(inner);
            String media = img.find() ? img.group(1) : "";
            String text = attr.find() ? attr.group(1) : inner.substring(media.isEmpty() ? 0 : img.end());
            return "<figure>" + media + "<figcaption>" + text.strip() + "</figcaption></figure>";
        });
        out = upToLastCloser(out, "[/embed]", EMBED, m -> {
            a.link(new ParsedArticle.Link(m.group(1), null, "embed"));
            return "";
        });
        Set<String> enclosing = new java.util.HashSet<>();
        Matcher closer = CLOSER.matcher(out);
        while (closer.find()) {
            enclosing.add(closer.group(1));
        }
        return SHORTCODE_TAG.matcher(out).replaceAll(m -> {
            String tag = m.group(2);
            // [dropcap]M[/dropcap]: the tags go, the text stays; [sic] and other bracketed prose stay
            boolean shortcode = !m.group(1).isEmpty() || enclosing.contains(tag) || KNOWN_SHORTCODES.contains(tag)
                    || tag.contains("_") || tag.contains("-") || m.group(3) != null;
            return shortcode ? "" : Matcher.quoteReplacement(m.group());
        });
    }

    /** Replaces matches only before the last closer, where every opening finds one: no scan to the end per opening. */
    private static String upToLastCloser(String html, String closer, Pattern pattern, java.util.function.Function<java.util.regex.MatchResult, String> replace) {
        int last = html.toLowerCase(Locale.ROOT).lastIndexOf(closer);
        if (last < 0) {
            return html;
        }
        int end = last + closer.length();
        String head = pattern.matcher(html.substring(0, end)).replaceAll(m -> Matcher.quoteReplacement(replace.apply(m)));
        return head + html.substring(end);
    }

    /** Images, figures and embedded frames become the post's media and links, out of the text. */
    private static String mediaOut(String html, ParsedArticle.Builder a, Set<String> seen) {
        if (!html.contains("<img") && !html.contains("<iframe") && !html.contains("<figure") && !html.contains("<video")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element img : doc.select("img[src]")) {
            org.jsoup.nodes.Element figure = img.closest("figure");
            String caption = figure == null ? null : figure.select("figcaption").text();
            String url = img.absUrl("src").isEmpty() ? img.attr("src") : img.absUrl("src");
            if (url.startsWith("http") && seen.add(url)) {
                a.media(ParsedArticle.Media.photo(url, caption == null || caption.isBlank() ? null : caption, null,
                        img.attr("alt").isBlank() ? null : img.attr("alt")));
            }
            (figure != null ? figure : img).remove();
        }
        for (org.jsoup.nodes.Element frame : doc.select("iframe[src], video[src], embed[src]")) {
            String src = frame.attr("src");
            if (src.startsWith("http")) {
                a.link(new ParsedArticle.Link(src, frame.attr("title").isBlank() ? null : frame.attr("title"), "embed"));
            }
            frame.remove();
        }
        return doc.body().html();
    }

    /** WordPress's autop: blank lines make paragraphs, single line breaks make br, block elements stand alone. */
    static String autop(String html) {
        if (html == null || html.isBlank()) {
            return html;
        }
        String text = html.replace("\r\n", "\n").replace('\r', '\n');
        text = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
        text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
        text = VOID_BLOCK.matcher(text).replaceAll("$1\n\n");
        StringBuilder out = new StringBuilder();
        for (String chunk : text.split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (STARTS_WITH_BLOCK.matcher(c).find()) {
                out.append(c.replaceAll("(?<!>)\\s*\\n\\s*(?!<)", "<br />\n")).append('\n');
            } else {
                out.append("<p>").append(c.replaceAll("\\s*\\n\\s*", "<br />\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    /**
     * The body HTML without markup left empty by broken source (an unclosed strong, a paragraph
     * that held only an image), and its readable blocks as paragraphs, a line break inside one
     * starting a new paragraph as in wire copy. One parse serves both.
     */
    private static void readBody(String safe, ParsedArticle.Builder a) {
        if (safe == null) {
            return;
        }
        Document doc = Jsoup.parseBodyFragment(safe);
        doc.outputSettings().prettyPrint(false);
        org.jsoup.nodes.Element body = doc.body();
        for (org.jsoup.nodes.Element e : body.select("strong, em, b, i, u, a, p")) {
            if (e.text().isBlank() && e.select("br").isEmpty()) {
                e.remove();
            }
        }
        String html = body.html().strip();
        a.bodyHtml(html.isEmpty() ? null : html);
        for (org.jsoup.nodes.Element br : body.select("br")) {
            br.replaceWith(new TextNode("\u2028"));
        }
        var blocks = body.select("p, h1, h2, h3, h4, h5, h6, li:not(:has(p)), blockquote:not(:has(p)), pre");
        for (org.jsoup.nodes.Element block : blocks.isEmpty() ? List.of(body) : blocks) {
            for (String line : block.text().split("\u2028")) {
                String t = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
                if (!t.isEmpty()) {
                    a.paragraph(t);
                }
            }
        }
    }

}
