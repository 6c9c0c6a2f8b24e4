package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads IPTC NewsML 1.2 documents (AFP, ANA-MPE, DPA and others): each {@code NewsItem} is one
 * story, accepted or refused on its own. {@code Identification} gives the agency's id,
 * {@code NewsManagement} the times, status and urgency, the {@code NewsComponent} tree the
 * headline, byline, dateline, language and subject codes, a text {@code ContentItem} the body
 * (embedded NITF, bare NITF or XHTML blocks, HTML as text, or plain text) and photo components the
 * media. {@code Status} Canceled is a kill; the id leaves out the revision, so that every revision
 * and the kill of a story are versions of one article.
 */
public final class NewsMl12Parser extends FormatParser implements WireFormatParser.OfEntries {

    public static final String FORMAT = "newsml-1.2";

    /** Deeper component nesting than any real item: a hostile item must not exhaust the stack. */
    private static final int MAX_DEPTH = 16;

    public NewsMl12Parser() {
        super(FORMAT);
    }

    @Override
    public boolean sniff(byte[] payload, String contentType, String filename) {
        return PayloadText.mediaTypeIs(contentType, "text/vnd.iptc.newsml") || "NewsML".equals(SecureXml.rootName(payload));
    }

    @Override
    public List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException {
        XmlCharset.Read read = XmlCharset.parse(payload, contentType, "NewsML 1.2", "NewsML", "NewsItem");
        Element root = read.root();
        List<Element> items = "NewsML".equals(root.getLocalName()) ? SecureXml.children(root, "NewsItem") : List.of(root);
        if (items.isEmpty()) {
            throw new RejectedItemException("missing-body", "The NewsML 1.2 document has no NewsItem.");
        }
        Element envelope = SecureXml.child(root, "NewsEnvelope");
        List<ParsedEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            Element identifier = SecureXml.child(SecureXml.child(item, "Identification"), "NewsIdentifier");
            String label = first(SecureXml.text(identifier, "PublicIdentifier"), SecureXml.text(identifier, "NewsItemId"), "NewsItem " + (i + 1));
            try {
                entries.add(ParsedEntry.of(label, item(item, envelope, read.article())));
            } catch (RejectedItemException e) {
                entries.add(ParsedEntry.refused(label, e));
            }
        }
        return entries;
    }

    private static ParsedArticle item(Element item, Element envelope, ParsedArticle.Builder a) throws RejectedItemException {
        Element identifier = SecureXml.child(SecureXml.child(item, "Identification"), "NewsIdentifier");
        a.sourceId(storyId(identifier));
        readManagement(SecureXml.child(item, "NewsManagement"), envelope, a);
        Element top = SecureXml.child(item, "NewsComponent");
        if (top == null) {
            if (SecureXml.child(item, "Update") != null) {
                throw new RejectedItemException("unparseable",
                        "The NewsML 1.2 NewsItem is an Update (a partial change to an earlier item), which ingest does not apply; send the whole NewsItem.");
            }
            if (a.pubStatus() != PubStatus.canceled) {
                throw new RejectedItemException("missing-body", "The NewsML 1.2 NewsItem has no NewsComponent (no headline and no content).");
            }
        }
        Story story = new Story();
        if (top != null) {
            component(top, story, a, 0);
        }
        if (a.language() == null) {
            a.language(SecureXml.attr(item, "xml:lang"));
        }
        a.headline(story.headline);
        a.subheadline(story.subheadline);
        a.byline(first(story.byline, story.creator));
        a.slugline(first(story.slugline, SecureXml.text(SecureXml.child(item, "Identification"), "NameLabel")));
        a.sourceAgency(first(story.provider, story.source, story.credit));
        a.datelinePlace(first(story.city, place(story.dateline)));

        NitfBody body = story.text == null ? NitfBody.empty() : body(story.text, story.headline);
        body.into(a);
        story.media.forEach(a::media);
        if (body.isEmpty() && !story.media.isEmpty() && story.text == null) {
            a.type(story.media.get(0).type()); // a photo (or video) item: the media is the story
        }
        if (story.headline == null) {
            if (body.isEmpty() && a.type() == ContentType.text) {
                if (a.pubStatus() != PubStatus.canceled) {
                    throw new RejectedItemException("missing-headline",
                            "The NewsML 1.2 NewsItem has no headline (NewsLines/HeadLine) and no text ContentItem with a body.");
                }
                a.headline("Withdrawn: " + first(a.sourceId(), "NewsML 1.2 item"));
            } else if (!body.isEmpty()) {
                a.headline(body.madeUpHeadline());
                a.warning("The NewsML 1.2 NewsItem has no headline (NewsLines/HeadLine); the body's first sentence is the headline.");
            }
        }
        return a.build();
    }

    /** What the component tree says about the story; the first value found (top down) wins. */
    private static final class Story {
        String headline;
        String subheadline;
        String byline;
        String creator;
        String dateline;
        String city;
        String slugline;
        String provider;
        String source;
        String credit;
        Element text;
        final List<ParsedArticle.Media> media = new ArrayList<>();
    }

    private static void component(Element nc, Story story, ParsedArticle.Builder a, int depth) throws RejectedItemException {
        if (depth > MAX_DEPTH) {
            throw new RejectedItemException("unparseable", "The NewsML 1.2 NewsComponents nest deeper than " + MAX_DEPTH + " levels.");
        }
        boolean media = isMedia(nc);
        if (media) {
            media(nc, story);
            if (depth > 0) {
                return; // a photo of the story; a photo item's own lines are read below
            }
        }
        Element lines = SecureXml.child(nc, "NewsLines");
        story.headline = first(story.headline, SecureXml.text(lines, "HeadLine"));
        story.subheadline = first(story.subheadline, SecureXml.text(lines, "SubHeadLine"));
        story.byline = first(story.byline, SecureXml.text(lines, "ByLine"));
        story.dateline = first(story.dateline, SecureXml.text(lines, "DateLine"));
        story.slugline = first(story.slugline, SecureXml.text(lines, "SlugLine"));
        story.credit = first(story.credit, SecureXml.text(lines, "CreditLine"));
        for (Element keywords : SecureXml.children(lines, "KeywordLine")) {
            subject(a, SecureXml.text(keywords));
        }
        Element admin = SecureXml.child(nc, "AdministrativeMetadata");
        story.provider = first(story.provider, party(SecureXml.child(admin, "Provider")));
        story.source = first(story.source, party(SecureXml.child(admin, "Source")));
        story.creator = first(story.creator, party(SecureXml.child(admin, "Creator")));
        readDescriptive(SecureXml.child(nc, "DescriptiveMetadata"), story, a);
        for (Element topicSet : SecureXml.children(nc, "TopicSet")) {
            for (Element topic : SecureXml.children(topicSet, "Topic")) {
                Element formal = SecureXml.child(topic, "FormalName");
                subjectCode(a, SecureXml.text(formal));
                for (Element d : SecureXml.children(topic, "Description")) {
                    if ("Name".equals(SecureXml.attr(d, "Variant")) && "en".equals(SecureXml.attr(d, "xml:lang"))) {
                        subject(a, SecureXml.text(d));
                    }
                }
            }
        }
        if (media) {
            return;
        }
        for (Element item : SecureXml.children(nc, "ContentItem")) {
            if (story.text == null && isText(item)) {
                story.text = item;
            }
        }
        for (Element child : SecureXml.children(nc, "NewsComponent")) {
            component(child, story, a, depth + 1);
        }
    }

    private static void readDescriptive(Element dm, Story story, ParsedArticle.Builder a) {
        if (dm == null) {
            return;
        }
        String language = SecureXml.attr(SecureXml.child(dm, "Language"), "FormalName");
        if (language != null && a.language() == null) {
            a.language(language.toLowerCase(Locale.ROOT));
        }
        for (Element code : SecureXml.children(dm, "SubjectCode")) {
            for (org.w3c.dom.Node n = code.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) { // Subject, SubjectMatter, SubjectDetail
                    subjectCode(a, SecureXml.attr(e, "FormalName"));
                }
            }
        }
        for (Element location : SecureXml.children(dm, "Location")) {
            story.city = first(story.city, property(location, "City"));
        }
        story.city = first(story.city, property(dm, "City"));
        for (Element p : SecureXml.children(dm, "Property")) {
            if ("Keyword".equals(SecureXml.attr(p, "FormalName")) && SecureXml.attr(p, "Role") == null) {
                subject(a, SecureXml.attr(p, "Value"));
            }
        }
    }

    private static void readManagement(Element management, Element envelope, ParsedArticle.Builder a) {
        WireTime first = time(SecureXml.text(management, "FirstCreated"), "FirstCreated", a);
        WireTime revision = time(SecureXml.text(management, "ThisRevisionCreated"), "ThisRevisionCreated", a);
        if (first != null) {
            a.firstCreated(first.instant());
        }
        if (revision != null) {
            a.versionCreated(revision.instant());
        }
        WireTime published = first != null ? first : revision != null ? revision
                : time(SecureXml.text(envelope, "DateAndTime"), "NewsEnvelope DateAndTime", a);
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        AgencyStatus.pubStatus(SecureXml.attr(SecureXml.child(management, "Status"), "FormalName"), "NewsML 1.2 Status", a);
        Element willChange = SecureXml.child(management, "StatusWillChange");
        if (willChange != null && "usable".equalsIgnoreCase(SecureXml.attr(SecureXml.child(willChange, "FutureStatus"), "FormalName"))) {
            a.embargoUntil(WireTime.instantOrNull(time(SecureXml.text(willChange, "DateAndTime"), "StatusWillChange DateAndTime", a)));
        }
        AgencyStatus.priority(first(SecureXml.attr(SecureXml.child(management, "Urgency"), "FormalName"),
                SecureXml.attr(SecureXml.child(envelope, "Priority"), "FormalName")), "NewsML 1.2 Urgency", a);
    }

    /**
     * The story's id across its revisions: the PublicIdentifier (urn:newsml:provider:date:item:revision)
     * without the revision, else the same built from its parts.
     */
    private static String storyId(Element identifier) {
        String revision = SecureXml.text(identifier, "RevisionId");
        String urn = SecureXml.text(identifier, "PublicIdentifier");
        if (urn != null) {
            int colon = urn.lastIndexOf(':');
            return revision != null && colon > 0 && urn.substring(colon + 1).startsWith(revision) ? urn.substring(0, colon) : urn;
        }
        String provider = SecureXml.text(identifier, "ProviderId");
        String itemId = SecureXml.text(identifier, "NewsItemId");
        if (provider == null || itemId == null) {
            return null;
        }
        String date = SecureXml.text(identifier, "DateId");
        return "urn:newsml:" + provider + ":" + (date == null ? "" : date + ":") + itemId;
    }

    private static NitfBody body(Element contentItem, String headline) {
        Element data = SecureXml.child(contentItem, "DataContent");
        if (data == null) {
            return NitfBody.empty();
        }
        Element nitf = SecureXml.child(data, "nitf");
        if (nitf != null) {
            Element content = SecureXml.child(SecureXml.child(nitf, "body"), "body.content");
            return content == null ? NitfBody.empty() : NitfBody.ofBlocks(content, headline);
        }
        if (hasElements(data)) {
            org.w3c.dom.NodeList bodies = data.getElementsByTagNameNS("*", "body"); // XHTML: its head is not body copy
            return NitfBody.ofBlocks(bodies.getLength() > 0 ? (Element) bodies.item(0) : data, headline);
        }
        String text = data.getTextContent();
        String format = (first(SecureXml.attr(SecureXml.child(contentItem, "Format"), "FormalName"), "")
                + " " + first(SecureXml.attr(SecureXml.child(contentItem, "MimeType"), "FormalName"), "")).toLowerCase(Locale.ROOT);
        boolean markup = format.contains("html") || format.contains("nitf") || text.strip().startsWith("<");
        return markup ? NitfBody.ofHtml(text, headline) : NitfBody.ofText(text, headline);
    }

    private static boolean isText(Element contentItem) {
        String mediaType = SecureXml.attr(SecureXml.child(contentItem, "MediaType"), "FormalName");
        return (mediaType == null || mediaType.equalsIgnoreCase("Text")) && SecureXml.child(contentItem, "DataContent") != null;
    }

    /** A component that is a photo, graphic or video of the story rather than its text. */
    private static boolean isMedia(Element nc) {
        String role = String.valueOf(SecureXml.attr(SecureXml.child(nc, "Role"), "FormalName")).toLowerCase(Locale.ROOT);
        if (role.contains("photo") || role.contains("picture") || role.contains("image") || role.contains("graphic") || role.contains("video")) {
            return true;
        }
        List<Element> items = SecureXml.children(nc, "ContentItem");
        return !items.isEmpty() && items.stream().noneMatch(NewsMl12Parser::isText)
                && items.stream().anyMatch(i -> mediaType(i) != null) && SecureXml.children(nc, "NewsComponent").isEmpty();
    }

    private static void media(Element nc, Story story) {
        Element lines = SecureXml.child(nc, "NewsLines");
        String caption = first(SecureXml.text(lines, "HeadLine"), SecureXml.text(lines, "SubHeadLine"));
        String credit = first(SecureXml.text(lines, "CreditLine"), party(SecureXml.child(SecureXml.child(nc, "AdministrativeMetadata"), "Provider")));
        ContentType type = null;
        String url = null;
        long largest = -1;
        List<Element> items = new ArrayList<>(SecureXml.children(nc, "ContentItem"));
        for (Element child : SecureXml.children(nc, "NewsComponent")) { // AFP: one component per size, one with the caption
            items.addAll(SecureXml.children(child, "ContentItem"));
            Element childLines = SecureXml.child(child, "NewsLines");
            caption = first(caption, SecureXml.text(childLines, "HeadLine"));
        }
        for (Element item : items) {
            ContentType t = mediaType(item);
            if (t == null) {
                if (caption == null && isText(item)) {
                    caption = NitfBody.normalize(SecureXml.child(item, "DataContent").getTextContent());
                }
                continue;
            }
            String href = SecureXml.attr(item, "Href");
            long size = width(item);
            if (href != null && href.toLowerCase(Locale.ROOT).matches("https?://.*") && size > largest) {
                url = href;
                largest = size;
                type = t;
            }
            type = type == null ? t : type;
        }
        if (type != null || caption != null) {
            story.media.add(new ParsedArticle.Media(type == null ? ContentType.picture : type, url,
                    caption == null || caption.isEmpty() ? null : caption, credit, null));
        }
    }

    private static ContentType mediaType(Element contentItem) {
        String mediaType = String.valueOf(SecureXml.attr(SecureXml.child(contentItem, "MediaType"), "FormalName")).toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "photo", "image", "picture" -> ContentType.picture;
            case "graphic" -> ContentType.graphic;
            case "video" -> ContentType.video;
            case "audio" -> ContentType.audio;
            default -> null;
        };
    }

    private static long width(Element contentItem) {
        String w = property(SecureXml.child(contentItem, "Characteristics"), "Width");
        return w != null && w.matches("\\d{1,9}") ? Long.parseLong(w) : 0;
    }

    private static String property(Element parent, String formalName) {
        for (Element p : SecureXml.children(parent, "Property")) {
            if (formalName.equals(SecureXml.attr(p, "FormalName"))) {
                return SecureXml.attr(p, "Value");
            }
        }
        return null;
    }

    private static String party(Element holder) {
        for (Element party : SecureXml.children(holder, "Party")) {
            String name = SecureXml.attr(party, "FormalName");
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The place a DateLine opens with ("STOCKHOLM, Aug 29, 2014 (AFP) -"), unless it is only a date ("4/4/2018"). */
    private static String place(String dateline) {
        if (dateline == null) {
            return null;
        }
        String head = dateline.split(",", 2)[0].trim();
        return head.isEmpty() || head.matches(".*\\d.*") ? null : head;
    }

    private static void subjectCode(ParsedArticle.Builder a, String formalName) {
        if (formalName != null && formalName.matches("\\d{8}") && !formalName.equals("00000000")) {
            a.subjectCode("subj:" + formalName);
        }
    }

    private static void subject(ParsedArticle.Builder a, String name) {
        if (name != null && !name.isBlank() && !a.subjects().contains(name.strip())) {
            a.subject(name.strip());
        }
    }

    private static WireTime time(String value, String what, ParsedArticle.Builder a) {
        try {
            return WireTime.parse(value, "NewsML 1.2 " + what);
        } catch (RejectedItemException e) {
            a.warning(e.reason() + " Left out.");
            return null;
        }
    }

    private static boolean hasElements(Element e) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
