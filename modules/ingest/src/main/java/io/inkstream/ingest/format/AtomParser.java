package io.inkstream.ingest.format;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Atom feed (or a lone entry): each entry becomes an article, its body from
 * content or else summary, its source id from the entry id, its source from the feed title.
 * Entries without a title or body are skipped; a feed with no usable entry is rejected.
 */
public final class AtomParser extends FormatParser.ByTypeOrHead {

    public static final String FORMAT = "atom";

    public AtomParser() {
        super(FORMAT, head -> head.startsWith("<") && head.contains("http://www.w3.org/2005/Atom"),
                "application/atom+xml");
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        Element root = SecureXml.parse(payload);
        List<Element> entries;
        String source = null;
        if ("feed".equals(root.getLocalName())) {
            entries = SecureXml.children(root, "entry");
            source = SecureXml.text(root, "title");
        } else if ("entry".equals(root.getLocalName())) {
            entries = List.of(root);
        } else {
            throw new RejectedItemException("unparseable", "Expected an Atom <feed> or <entry>, found <" + root.getLocalName() + ">.");
        }
        String feedLanguage = SecureXml.attr(root, "xml:lang");
        String feedSource = source;
        return FeedEntries.usable(entries, entry -> entry(entry, feedSource, feedLanguage),
                "The Atom feed has no entry with a title and a body (content or summary).");
    }

    private static ParsedArticle entry(Element entry, String source, String feedLanguage) throws RejectedItemException {
        String title = SecureXml.text(entry, "title");
        Element content = SecureXml.child(entry, "content") != null ? SecureXml.child(entry, "content") : SecureXml.child(entry, "summary");
        String safe = content == null ? null : BodyHtml.sanitize(html(content));
        if (title == null || safe == null) {
            return null;
        }
        ParsedArticle.Builder a = ParsedArticle.builder()
                .headline(title)
                .bodyHtml(safe)
                .paragraphs(BodyHtml.paragraphs(safe))
                .sourceAgency(source)
                .language(SecureXml.attr(entry, "xml:lang") != null ? SecureXml.attr(entry, "xml:lang") : feedLanguage)
                .sourceId(SecureXml.text(entry, "id"));
        List<String> authors = new ArrayList<>();
        for (Element author : SecureXml.children(entry, "author")) {
            if (SecureXml.text(author, "name") != null) {
                authors.add(SecureXml.text(author, "name"));
            }
        }
        a.byline(authors.isEmpty() ? null : String.join(", ", authors));
        WireTime published = WireTime.parse(SecureXml.text(entry, "published") != null ? SecureXml.text(entry, "published")
                : SecureXml.text(entry, "updated"), "published time");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
            a.firstCreated(published.instant());
        }
        a.versionCreated(WireTime.instantOrNull(WireTime.parse(SecureXml.text(entry, "updated"), "updated time")));
        readWennExtension(entry, a);
        for (Element link : SecureXml.children(entry, "link")) {
            String rel = SecureXml.attr(link, "rel");
            String href = SecureXml.attr(link, "href");
            if (href == null) {
                continue;
            }
            if (rel == null || rel.equals("alternate")) {
                a.sourceUrl(href);
            } else if (rel.equals("enclosure") && String.valueOf(SecureXml.attr(link, "type")).startsWith("image/")) {
                a.media(ParsedArticle.Media.photo(href, SecureXml.attr(link, "title"), null, null));
            } else {
                a.link(new ParsedArticle.Link(href, SecureXml.attr(link, "title"), rel));
            }
        }
        for (Element category : SecureXml.children(entry, "category")) {
            String term = SecureXml.attr(category, "label") != null ? SecureXml.attr(category, "label") : SecureXml.attr(category, "term");
            if (term != null) {
                a.subject(term);
            }
        }
        return a.build();
    }

    /**
     * WENN (entertainment news) extends each entry with its own management and content metadata:
     * the story's first publication and last update (the entry's updated is the feed's time), its
     * first line as a standfirst, its language and its tags.
     */
    private static void readWennExtension(Element entry, ParsedArticle.Builder a) throws RejectedItemException {
        Element management = wenn(SecureXml.child(entry, "NewsManagement"));
        Element content = wenn(SecureXml.child(entry, "ContentMetadata"));
        if (management == null && content == null) {
            return;
        }
        // the entry id names the feed instance that carried the story; WENN's own article id is the story's across instances
        String articleId = SecureXml.text(management, "original_article_id");
        if (articleId != null) {
            a.sourceId("wenn:" + articleId);
        }
        // WENN is an entertainment wire: every story is arts, culture and entertainment (as Superdesk's WENN parser files it)
        a.subjectCode("anpa:e").subjectCode("subj:01000000");
        WireTime published = WireTime.parse(SecureXml.text(management, "published"), "WENN published time");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
            a.firstCreated(published.instant());
        }
        a.versionCreated(WireTime.instantOrNull(WireTime.parse(SecureXml.text(management, "updated"), "WENN updated time")));
        a.subheadline(SecureXml.text(content, "first_line"));
        if (SecureXml.attr(content, "lang") != null) {
            a.language(SecureXml.attr(content, "lang"));
        }
        for (Element tag : SecureXml.children(SecureXml.child(content, "tags"), "tag")) {
            String value = SecureXml.attr(tag, "value");
            if (value != null && !a.subjects().contains(value)) {
                a.subject(value);
            }
        }
    }

    private static Element wenn(Element e) {
        return e != null && String.valueOf(e.getNamespaceURI()).startsWith("http://feed.wenn.com/xmlns/") ? e : null;
    }

    /** Atom text constructs: type text (escape it), html (already markup as text) or xhtml (inline elements). */
    private static String html(Element content) {
        String type = SecureXml.attr(content, "type");
        if ("xhtml".equals(type)) {
            return SecureXml.innerXml(content);
        }
        if ("html".equals(type)) {
            return content.getTextContent();
        }
        StringBuilder sb = new StringBuilder();
        for (String p : BodyHtml.paragraphsFromText(content.getTextContent())) {
            sb.append("<p>").append(org.jsoup.nodes.Entities.escape(p)).append("</p>");
        }
        return sb.toString();
    }
}
