package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads IPTC NewsML-G2 newsItems (alone or in a newsMessage): itemMeta gives status,
 * class, times and embargo, contentMeta the headline, byline, dateline, source and
 * subjects, contentSet the XHTML or plain-text body. {@code stat:canceled} is a kill.
 */
public final class NewsMlG2Parser implements WireFormatParser {

    public static final String FORMAT = "newsml-g2";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        if (PayloadText.mediaTypeIs(contentType, "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml")) {
            return true;
        }
        String head = PayloadText.head(payload, 4096);
        return head.startsWith("<") && (head.contains("<newsItem") || head.contains("<newsMessage") || head.contains(":newsItem"));
    }

    @Override
    public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
        Element root = SecureXml.parse(payload);
        List<Element> items = new ArrayList<>();
        if ("newsItem".equals(root.getLocalName())) {
            items.add(root);
        } else if ("newsMessage".equals(root.getLocalName())) {
            for (Element set : SecureXml.children(root, "itemSet")) {
                items.addAll(SecureXml.children(set, "newsItem"));
            }
        }
        if (items.isEmpty()) {
            throw new RejectedItemException("unparseable", "Expected a NewsML-G2 newsItem or newsMessage, found <" + root.getLocalName() + ">.");
        }
        List<ParsedArticle> out = new ArrayList<>();
        for (Element item : items) {
            out.add(item(item));
        }
        return out;
    }

    private ParsedArticle item(Element item) throws RejectedItemException {
        ParsedArticle.Builder a = ParsedArticle.builder();
        Element itemMeta = SecureXml.child(item, "itemMeta");
        Element contentMeta = SecureXml.child(item, "contentMeta");
        a.sourceId(SecureXml.attr(item, "guid"));
        a.language(SecureXml.attr(item, "xml:lang"));
        ContentType type = itemClass(SecureXml.attr(SecureXml.child(itemMeta, "itemClass"), "qcode"));
        a.type(type);
        a.pubStatus(pubStatus(SecureXml.attr(SecureXml.child(itemMeta, "pubStatus"), "qcode")));
        WireTime published = WireTime.parse(first(SecureXml.text(itemMeta, "firstCreated"), SecureXml.text(contentMeta, "contentCreated"),
                SecureXml.text(itemMeta, "versionCreated")), "firstCreated time");
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        a.embargoUntil(WireTime.instantOrNull(WireTime.parse(first(SecureXml.text(itemMeta, "embargoed"), SecureXml.text(contentMeta, "embargoed")), "embargoed time")));
        for (Element link : SecureXml.children(itemMeta, "link")) {
            String href = SecureXml.attr(link, "href");
            if (href != null) {
                String rel = SecureXml.attr(link, "rel");
                if (rel != null && rel.endsWith("canonical")) {
                    a.sourceUrl(href);
                }
                a.link(new ParsedArticle.Link(href, SecureXml.attr(link, "title"), rel));
            }
        }
        if (contentMeta != null) {
            readContentMeta(contentMeta, a);
        }
        readBody(SecureXml.child(item, "contentSet"), a);
        if (a.headline() == null) {
            throw new RejectedItemException("missing-headline", "The newsItem has no contentMeta/headline.");
        }
        if (type == ContentType.text && a.paragraphs().isEmpty() && a.pubStatus() != PubStatus.canceled) {
            throw new RejectedItemException("missing-body", "The text newsItem has no body in contentSet (inlineXML or inlineData).");
        }
        return a.build();
    }

    private static void readContentMeta(Element cm, ParsedArticle.Builder a) {
        for (Element h : SecureXml.children(cm, "headline")) {
            String role = SecureXml.attr(h, "role");
            if (role == null || role.endsWith("main") || role.endsWith("headline")) {
                if (a.headline() == null) {
                    a.headline(SecureXml.text(h));
                }
            } else if (role.contains("sub")) {
                a.subheadline(SecureXml.text(h));
            }
        }
        String urgency = SecureXml.text(cm, "urgency");
        if (urgency != null && urgency.matches("[1-9]")) {
            a.priority(Integer.parseInt(urgency));
        }
        String by = SecureXml.text(cm, "by");
        if (by == null) {
            List<String> creators = new ArrayList<>();
            for (Element c : SecureXml.children(cm, "creator")) {
                String name = SecureXml.text(c, "name") != null ? SecureXml.text(c, "name") : SecureXml.attr(c, "literal");
                if (name != null) {
                    creators.add(name);
                }
            }
            by = creators.isEmpty() ? null : String.join(", ", creators);
        }
        a.byline(by);
        Element located = SecureXml.child(cm, "located");
        a.datelinePlace(located == null ? null : first(SecureXml.text(located, "name"), SecureXml.attr(located, "literal")));
        for (Element src : SecureXml.children(cm, "infoSource")) {
            String name = first(SecureXml.text(src, "name"), SecureXml.attr(src, "literal"));
            if (name != null) {
                a.sourceAgency(name);
                break;
            }
        }
        if (a.sourceAgency() == null) {
            Element creditline = SecureXml.child(cm, "creditline");
            a.sourceAgency(SecureXml.text(creditline));
        }
        for (Element s : SecureXml.children(cm, "subject")) {
            String name = first(SecureXml.text(s, "name"), SecureXml.attr(s, "qcode"));
            if (name != null) {
                a.subject(name);
            }
        }
        for (Element g : SecureXml.children(cm, "genre")) {
            String qcode = SecureXml.attr(g, "qcode");
            if (qcode != null && qcode.startsWith("section:")) {
                a.section(first(SecureXml.text(g, "name"), qcode.substring("section:".length())));
            }
        }
        Element lang = SecureXml.child(cm, "language");
        if (SecureXml.attr(lang, "tag") != null) {
            a.language(SecureXml.attr(lang, "tag"));
        }
    }

    private static void readBody(Element contentSet, ParsedArticle.Builder a) {
        if (contentSet == null) {
            return;
        }
        Element xml = SecureXml.child(contentSet, "inlineXML");
        if (xml != null) {
            // an XHTML document's head (title) is not body copy
            org.w3c.dom.NodeList bodies = xml.getElementsByTagNameNS("*", "body");
            Element body = bodies.getLength() > 0 ? (Element) bodies.item(0) : xml;
            String safe = BodyHtml.sanitize(SecureXml.innerXml(body));
            a.bodyHtml(safe);
            a.paragraphs(BodyHtml.paragraphs(safe));
            return;
        }
        Element data = SecureXml.child(contentSet, "inlineData");
        if (data != null) {
            a.paragraphs(BodyHtml.paragraphsFromText(data.getTextContent()));
        }
        for (Element remote : SecureXml.children(contentSet, "remoteContent")) {
            String href = SecureXml.attr(remote, "href");
            if (href != null && a.type() != ContentType.text) {
                a.media(new ParsedArticle.Media(a.type(), href, a.headline(), a.sourceAgency(), null));
                break;
            }
        }
    }

    private static ContentType itemClass(String qcode) {
        if (qcode == null) {
            return ContentType.text;
        }
        return switch (qcode.substring(qcode.indexOf(':') + 1).toLowerCase(Locale.ROOT)) {
            case "picture" -> ContentType.picture;
            case "video" -> ContentType.video;
            case "graphic" -> ContentType.graphic;
            case "audio" -> ContentType.audio;
            default -> ContentType.text;
        };
    }

    private static PubStatus pubStatus(String qcode) throws RejectedItemException {
        if (qcode == null) {
            return PubStatus.usable;
        }
        return switch (qcode.substring(qcode.indexOf(':') + 1).toLowerCase(Locale.ROOT)) {
            case "usable" -> PubStatus.usable;
            case "withheld" -> PubStatus.withheld;
            case "canceled", "cancelled" -> PubStatus.canceled;
            default -> throw new RejectedItemException("unparseable", "Unknown pubStatus qcode '" + qcode + "' (stat:usable, stat:withheld or stat:canceled).");
        };
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
