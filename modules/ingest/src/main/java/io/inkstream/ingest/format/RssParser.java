package io.inkstream.ingest.format;

import org.w3c.dom.Element;

import java.util.List;

/**
 * Reads an RSS 2.0 feed: each item becomes an article, its body from content:encoded or
 * else the description, its source id from the guid (or link), its source from the
 * channel title. Items without a title are skipped; a feed with no usable item is rejected.
 */
public final class RssParser extends FormatParser.ByTypeOrHead {

    public static final String FORMAT = "rss";

    public RssParser() {
        super(FORMAT, head -> head.startsWith("<") && head.contains("<rss"),
                "application/rss+xml");
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        Element root = SecureXml.parse(payload);
        Element channel = SecureXml.child(root, "channel");
        if (!"rss".equals(root.getLocalName()) || channel == null) {
            throw new RejectedItemException("unparseable", "Expected an RSS 2.0 <rss><channel>, found <" + root.getLocalName() + ">.");
        }
        String source = SecureXml.text(channel, "title");
        String language = SecureXml.text(channel, "language");
        return FeedEntries.usable(SecureXml.children(channel, "item"), item -> item(item, source, language),
                "The RSS feed has no item with a title and a body (content:encoded or description).");
    }

    private static ParsedArticle item(Element item, String source, String language) throws RejectedItemException {
        String title = SecureXml.text(item, "title");
        String html = SecureXml.child(item, "encoded") != null ? SecureXml.child(item, "encoded").getTextContent()
                : SecureXml.child(item, "description") == null ? null : SecureXml.child(item, "description").getTextContent();
        String safe = BodyHtml.sanitize(html);
        if (title == null || safe == null) {
            return null;
        }
        ParsedArticle.Builder a = ParsedArticle.builder()
                .headline(title)
                .bodyHtml(safe)
                .paragraphs(BodyHtml.paragraphs(safe))
                .sourceAgency(source)
                .language(language);
        String link = SecureXml.text(item, "link");
        a.sourceUrl(link);
        a.sourceId(SecureXml.text(item, "guid") != null ? SecureXml.text(item, "guid") : link);
        a.byline(SecureXml.text(item, "creator") != null ? SecureXml.text(item, "creator") : SecureXml.text(item, "author"));
        WireTime published = WireTime.parse(SecureXml.text(item, "pubDate") != null ? SecureXml.text(item, "pubDate") : SecureXml.text(item, "date"), "pubDate");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        for (Element category : SecureXml.children(item, "category")) {
            String name = SecureXml.text(category);
            if (name != null) {
                a.subject(name);
            }
        }
        for (Element enclosure : SecureXml.children(item, "enclosure")) {
            String type = SecureXml.attr(enclosure, "type");
            if (type != null && type.startsWith("image/")) {
                a.media(ParsedArticle.Media.photo(SecureXml.attr(enclosure, "url"), null, null, null));
            }
        }
        for (Element media : SecureXml.children(item, "content")) { // media:content
            String medium = SecureXml.attr(media, "medium");
            if (SecureXml.attr(media, "url") != null && (medium == null || medium.equals("image"))) {
                a.media(ParsedArticle.Media.photo(SecureXml.attr(media, "url"),
                        SecureXml.text(media, "description"), SecureXml.text(media, "credit"), null));
            }
        }
        return a.build();
    }
}
