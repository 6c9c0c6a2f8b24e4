package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IPTC NewsML-G2: a newsItem or packageItem alone, or a newsMessage whose itemSet holds
 * several, each accepted or refused on its own. itemMeta gives status, class, times and
 * embargo, contentMeta the headline, slugline, byline, dateline, source, language and subject
 * qcodes, contentSet the XHTML, NITF or plain-text body, or a picture's or video's renditions.
 * A packageItem becomes one story with the text and media items of the same message it
 * references. {@code stat:canceled} is a kill.
 */
public final class NewsMlG2Parser extends FormatParser.ByTypeOrHead implements WireFormatParser.OfEntries {

    public static final String FORMAT = "newsml-g2";

    /** Senders known to write their own wall-clock time without an offset (Scoop's BusinessDesk: New Zealand). */
    private static final Map<String, ZoneId> LOCAL_TIME_SENDERS = Map.of("businessdesk", ZoneId.of("Pacific/Auckland"));

    /** A body line that only names the writer, as Scoop and others open their copy: "By Jonathan Underhill". */
    private static final Pattern BY_LINE = Pattern.compile("[Bb][Yy]\\s+(\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3})");

    /** Markup that a sender escaped into the text (STT's {@code &lt;endash&gt;-&lt;/endash&gt;}): only its text is copy. */
    private static final Pattern ESCAPED_INLINE = Pattern.compile("<([A-Za-z][\\w-]*)>([^<]*)</\\1>");

    private static final int MADE_UP_HEADLINE_CHARS = 120;

    /** Line breaks in one block from which it is wire copy laid out in lines, not markup wrapped for reading. */
    private static final int WIRE_TEXT_LINES = 4;

    private static final Pattern MARKUP = Pattern.compile("<(p|br|div)[\\s/>]", Pattern.CASE_INSENSITIVE);

    /** A line that starts indented after a line of text: plain wire copy marks paragraphs so. */
    private static final Pattern INDENTED_LINE = Pattern.compile("\\S[^\\n]*\\R[ \\t]+\\S");

    public NewsMlG2Parser() {
        super(FORMAT, head -> head.startsWith("<") && (head.contains("<newsItem") || head.contains("<newsMessage") || head.contains(":newsItem")
                        || head.contains("<packageItem") || head.contains(":newsMessage")),
                "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml", "application/vnd.iptc.g2.packageitem+xml");
    }

    @Override
    public List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException {
        Element root;
        try {
            root = SecureXml.parse(payload);
        } catch (RejectedItemException e) {
            throw new RejectedItemException(e.code(), "NewsML-G2: " + e.reason(), e);
        }
        Message message = Message.of(root);
        Map<Element, List<Element>> packages = packageParts(message.items());
        Set<Element> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        packages.values().forEach(taken::addAll);
        List<ParsedEntry> out = new ArrayList<>();
        for (Element item : message.items()) {
            List<Element> parts = packages.get(item);
            if (taken.contains(item) || (parts != null && parts.isEmpty() && !hasHeadline(item) && message.items().size() > 1)) {
                continue; // part of a package; or an envelope that references nothing here and says nothing (Scoop's)
            }
            String label = message.items().size() == 1 ? null : SecureXml.attr(item, "guid");
            try {
                out.add(ParsedEntry.of(label, parts == null ? validated(readItem(item, message), item) : assemble(item, parts, message)));
            } catch (RejectedItemException e) {
                out.add(ParsedEntry.refused(label, e));
            }
        }
        return out;
    }

    /**
     * The items of a file with what their envelope says for all of them: the language a message
     * declares (Scoop's only declaration) and the zone of a sender known to write wall-clock times.
     */
    private record Message(List<Element> items, ZoneId localZone, String language) {

        static Message of(Element root) throws RejectedItemException {
            String name = String.valueOf(root.getLocalName());
            if (name.equals("newsItem") || name.equals("packageItem")) {
                return new Message(List.of(root), null, null);
            }
            if (!name.equals("newsMessage")) {
                throw new RejectedItemException("unparseable",
                        "Expected a NewsML-G2 newsItem, packageItem or newsMessage, found <" + root.getLocalName() + ">.");
            }
            List<Element> items = new ArrayList<>();
            for (Element set : SecureXml.children(root, "itemSet")) {
                for (Node n = set.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && ("newsItem".equals(e.getLocalName()) || "packageItem".equals(e.getLocalName()))) {
                        items.add(e);
                    }
                }
            }
            if (items.isEmpty()) {
                throw new RejectedItemException("missing-body", "The NewsML-G2 newsMessage holds no newsItem or packageItem in its itemSet.");
            }
            Element header = SecureXml.child(root, "header") != null ? SecureXml.child(root, "header") : SecureXml.child(root, "Header");
            String sender = SecureXml.text(header, "sender");
            return new Message(items, sender == null ? null : LOCAL_TIME_SENDERS.get(sender.toLowerCase(Locale.ROOT)),
                    first(SecureXml.attr(root, "xml:lang"), SecureXml.attr(root, "lang")));
        }
    }

    /** Each packageItem with the newsItems of the same file it references, in the package's order. */
    private static Map<Element, List<Element>> packageParts(List<Element> items) {
        Map<String, Element> byGuid = new LinkedHashMap<>();
        for (Element item : items) {
            if ("newsItem".equals(item.getLocalName()) && SecureXml.attr(item, "guid") != null) {
                byGuid.putIfAbsent(SecureXml.attr(item, "guid"), item);
            }
        }
        Map<Element, List<Element>> packages = new IdentityHashMap<>();
        for (Element item : items) {
            if ("packageItem".equals(item.getLocalName())) {
                List<Element> present = new ArrayList<>();
                for (String ref : references(item)) {
                    Element part = byGuid.get(ref);
                    if (part != null && !present.contains(part)) {
                        present.add(part);
                    }
                }
                packages.put(item, present);
            }
        }
        return packages;
    }

    /** The guids a package's groups reference, in order. */
    private static List<String> references(Element pkg) {
        List<String> refs = new ArrayList<>();
        NodeList found = pkg.getElementsByTagNameNS("*", "itemRef");
        for (int i = 0; i < found.getLength(); i++) {
            String ref = SecureXml.attr((Element) found.item(i), "residref");
            if (ref != null) {
                refs.add(ref);
            }
        }
        return refs;
    }

    private static boolean hasHeadline(Element item) {
        return SecureXml.text(SecureXml.child(item, "contentMeta"), "headline") != null;
    }

    /**
     * One story from a package: its text item with the pictures and videos beside it, or, when
     * the text is not in the file, the package's own headline over the titles of what it lists.
     */
    private static ParsedArticle assemble(Element pkg, List<Element> parts, Message message) throws RejectedItemException {
        Element text = null;
        List<Element> media = new ArrayList<>();
        for (Element part : parts) {
            if (itemClass(part) == ContentType.text) {
                text = text == null ? part : text;
            } else {
                media.add(part);
            }
        }
        ParsedArticle.Builder a;
        if (text != null) {
            a = readItem(text, message);
            if (a.headline() == null) {
                a.headline(SecureXml.text(SecureXml.child(pkg, "contentMeta"), "headline"));
            }
        } else {
            a = readItem(pkg, message);
            a.type(ContentType.text);
            a.sourceId(SecureXml.attr(pkg, "guid"));
            int listed = 0;
            NodeList refs = pkg.getElementsByTagNameNS("*", "itemRef");
            for (int i = 0; i < refs.getLength(); i++) {
                Element ref = (Element) refs.item(i);
                if (media.stream().anyMatch(m -> String.valueOf(SecureXml.attr(m, "guid")).equals(SecureXml.attr(ref, "residref")))) {
                    continue;
                }
                String title = first(SecureXml.text(ref, "headline"), SecureXml.text(ref, "title"));
                if (title != null) {
                    a.paragraph(title);
                    listed++;
                }
                String description = SecureXml.text(ref, "description");
                if (description != null) {
                    a.paragraph(description);
                }
            }
            if (listed > 0) {
                a.warning("The package's " + listed + " referenced items are not in this file: their titles are listed as its body.");
            }
        }
        for (Element m : media) {
            ParsedArticle.Media item = mediaOf(readItem(m, message), m);
            if (item.url() != null) {
                a.media(item);
            }
        }
        return validated(a, text != null ? text : pkg);
    }

    /** A text item needs a headline (or a body to take one from); a picture or video item is a media item either way. */
    private static ParsedArticle validated(ParsedArticle.Builder a, Element item) throws RejectedItemException {
        String guid = SecureXml.attr(item, "guid");
        String which = "The NewsML-G2 " + item.getLocalName() + (guid == null ? "" : " " + guid);
        if (a.type() == ContentType.text && a.headline() == null) {
            if (a.paragraphs().isEmpty()) {
                throw new RejectedItemException("missing-headline", which + " has neither a headline (contentMeta/headline) nor a body.");
            }
            a.headline(madeUpHeadline(a.paragraphs().get(0)));
            a.warning(which + " has no headline: the start of its body is shown as the headline.");
        }
        if (a.type() == ContentType.text && a.paragraphs().isEmpty() && a.pubStatus() != PubStatus.canceled) {
            a.warning(which + " has no body in contentSet (inlineXML or inlineData): only its headline is shown.");
        }
        if (a.type() != ContentType.text && a.media().isEmpty()) {
            ParsedArticle.Media own = mediaOf(a, item);
            if (own.url() != null) {
                a.media(own);
            }
        }
        return a.build();
    }

    private static String madeUpHeadline(String text) {
        if (text.length() <= MADE_UP_HEADLINE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MADE_UP_HEADLINE_CHARS - 1);
        return text.substring(0, cut > MADE_UP_HEADLINE_CHARS / 2 ? cut : MADE_UP_HEADLINE_CHARS - 1) + "…";
    }

    /** The fields of one item, unvalidated: a package reads its parts before it judges the whole. */
    private static ParsedArticle.Builder readItem(Element item, Message message) {
        ZoneId zone = message.localZone();
        ParsedArticle.Builder a = ParsedArticle.builder();
        Element itemMeta = SecureXml.child(item, "itemMeta");
        Element contentMeta = SecureXml.child(item, "contentMeta");
        a.sourceId(SecureXml.attr(item, "guid"));
        a.language(SecureXml.attr(item, "xml:lang"));
        a.type(itemClass(item));
        a.pubStatus(pubStatus(SecureXml.attr(SecureXml.child(itemMeta, "pubStatus"), "qcode"), a));
        WireTime firstCreated = time(SecureXml.text(itemMeta, "firstCreated"), "firstCreated", zone, a);
        WireTime contentCreated = time(SecureXml.text(contentMeta, "contentCreated"), "contentCreated", zone, a);
        WireTime versionCreated = time(SecureXml.text(itemMeta, "versionCreated"), "versionCreated", zone, a);
        WireTime published = firstCreated != null ? firstCreated : contentCreated != null ? contentCreated : versionCreated;
        if (published != null) {
            a.publishedAt(published.instant(), published.offset());
        }
        a.firstCreated(WireTime.instantOrNull(firstCreated != null ? firstCreated : contentCreated));
        a.versionCreated(WireTime.instantOrNull(versionCreated));
        a.embargoUntil(WireTime.instantOrNull(time(first(SecureXml.text(itemMeta, "embargoed"), SecureXml.text(contentMeta, "embargoed")),
                "embargoed", zone, a)));
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
        if (a.language() == null) {
            a.language(message.language());
        }
        return a;
    }

    /** A time the item states; an unreadable one is a warning, not a refusal of the story. */
    private static WireTime time(String value, String what, ZoneId zone, ParsedArticle.Builder a) {
        try {
            return WireTime.parse(value, what + " time", zone);
        } catch (RejectedItemException e) {
            a.warning(e.reason() + " It was left out.");
            return null;
        }
    }

    private static void readContentMeta(Element cm, ParsedArticle.Builder a) {
        String anyHeadline = null;
        for (Element h : SecureXml.children(cm, "headline")) {
            String role = SecureXml.attr(h, "role");
            if (role == null || role.endsWith("main") || role.endsWith("headline")) {
                if (a.headline() == null) {
                    a.headline(SecureXml.text(h));
                }
            } else if (role.contains("sub")) {
                a.subheadline(SecureXml.text(h));
            } else if (anyHeadline == null) {
                anyHeadline = SecureXml.text(h);
            }
        }
        if (a.headline() == null) {
            a.headline(anyHeadline);
        }
        for (Element d : SecureXml.children(cm, "description")) {
            String role = String.valueOf(SecureXml.attr(d, "role")).toLowerCase(Locale.ROOT);
            if (a.subheadline() == null && (role.contains("summary") || role.contains("abstract") || role.contains("intro") || role.contains("lead"))) {
                a.subheadline(SecureXml.text(d));
            }
        }
        a.slugline(SecureXml.text(cm, "slugline"));
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
        String place = located == null ? null : first(SecureXml.text(located, "name"), SecureXml.attr(located, "literal"));
        a.datelinePlace("No-Data-Available".equalsIgnoreCase(String.valueOf(place)) ? null : place); // Reuters' placeholder
        for (Element src : SecureXml.children(cm, "infoSource")) {
            String name = first(SecureXml.text(src, "name"), SecureXml.attr(src, "literal"));
            if (name != null) {
                a.sourceAgency(name);
                break;
            }
        }
        if (a.sourceAgency() == null) {
            a.sourceAgency(SecureXml.text(cm, "creditline"));
        }
        for (Element s : SecureXml.children(cm, "subject")) {
            String qcode = SecureXml.attr(s, "qcode");
            String name = first(SecureXml.text(s, "name"), qcode);
            if (name != null) {
                a.subject(name);
            }
            if (qcode != null && qcode.indexOf(':') > 0) {
                a.subjectCode(qcode);
                a.subjectCode(anpaCategory(qcode));
            }
        }
        for (Element k : SecureXml.children(cm, "keyword")) {
            String keyword = SecureXml.text(k);
            if (keyword != null && !a.subjects().contains(keyword)) {
                a.subject(keyword);
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

    /** Reuters' a1312cat: and AP's apcategorycode: are ANPA 1312 categories, which the section map knows as anpa:. */
    private static String anpaCategory(String qcode) {
        int colon = qcode.indexOf(':');
        String scheme = qcode.substring(0, colon);
        String code = qcode.substring(colon + 1);
        return (scheme.equals("a1312cat") || scheme.equals("apcategorycode")) && code.matches("[A-Za-z]")
                ? "anpa:" + code.toLowerCase(Locale.ROOT) : null;
    }

    private static void readBody(Element contentSet, ParsedArticle.Builder a) {
        if (contentSet == null) {
            return;
        }
        Element xml = SecureXml.child(contentSet, "inlineXML");
        if (xml != null) {
            Element doc = firstElement(xml);
            Element body;
            if (EmbeddedNitf.isNitf(doc)) {
                body = EmbeddedNitf.content(doc);
                if (a.headline() == null) {
                    a.headline(EmbeddedNitf.headline(doc));
                }
            } else {
                // an XHTML document's head (title) is not body copy
                NodeList bodies = xml.getElementsByTagNameNS("*", "body");
                body = bodies.getLength() > 0 ? (Element) bodies.item(0) : xml;
            }
            if (body == null) {
                return;
            }
            cleanBody(body, a);
            if (a.byline() == null && EmbeddedNitf.isNitf(doc)) {
                a.byline(EmbeddedNitf.byline(doc));
            }
            String safe = BodyHtml.sanitize(SecureXml.innerXml(body));
            a.bodyHtml(safe);
            a.paragraphs(BodyHtml.paragraphs(safe));
            return;
        }
        Element data = SecureXml.child(contentSet, "inlineData");
        if (data != null) {
            String text = data.getTextContent();
            if (MARKUP.matcher(text).find()) {
                text = Jsoup.parse(text).wholeText(); // ANSA sends <p> inside text/plain
            }
            a.paragraphs(INDENTED_LINE.matcher(text).find() ? indentedParagraphs(text) : BodyHtml.paragraphsFromText(text));
        }
    }

    /** Wire copy whose paragraphs start on an indented line, with the other line breaks only wrapping. */
    private static List<String> indentedParagraphs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\\R")) {
            boolean starts = line.matches("^[ \\t]+\\S.*") || line.isBlank();
            if (starts && !paragraph.toString().isBlank()) {
                out.add(paragraph.toString().replaceAll("\\s+", " ").trim());
                paragraph.setLength(0);
            }
            paragraph.append(line).append(' ');
        }
        if (!paragraph.toString().isBlank()) {
            out.add(paragraph.toString().replaceAll("\\s+", " ").trim());
        }
        return out;
    }

    /**
     * Takes out of an XHTML or NITF body what is not copy: header blocks (DPA's subject lists and
     * genre line), TT's vignette line, figures (the pictures come as media items), an opening h1 that repeats the
     * headline, a first line that only names the writer (kept as the byline when the item has
     * none), and markup escaped into the text.
     */
    private static void cleanBody(Element body, ParsedArticle.Builder a) {
        withoutPrefixes(body);
        for (String unwanted : List.of("header", "figure")) {
            NodeList found = body.getElementsByTagNameNS("*", unwanted);
            for (int i = found.getLength() - 1; i >= 0; i--) {
                Node n = found.item(i);
                n.getParentNode().removeChild(n);
            }
        }
        NodeList all = body.getElementsByTagNameNS("*", "*");
        List<Element> metadata = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" dat ")) {
                metadata.add(e); // TT's vignette and source line: the item's subject and creditline again
            }
        }
        for (Element e : metadata) {
            if (e.getParentNode() != null) {
                e.getParentNode().removeChild(e);
            }
        }
        NodeList h1 = body.getElementsByTagNameNS("*", "h1");
        if (h1.getLength() > 0 && a.headline() != null && a.headline().equalsIgnoreCase(SecureXml.text((Element) h1.item(0)))) {
            h1.item(0).getParentNode().removeChild(h1.item(0));
        }
        NodeList ps = body.getElementsByTagNameNS("*", "p");
        if (a.byline() == null && ps.getLength() > 1) {
            String firstLine = SecureXml.text((Element) ps.item(0));
            Matcher by = firstLine == null ? null : BY_LINE.matcher(firstLine);
            if (by != null && by.matches()) {
                a.byline(by.group(1));
                ps.item(0).getParentNode().removeChild(ps.item(0));
            }
        }
        unescapeText(body);
        wireTextAsBlocks(body);
    }

    /**
     * Reuters puts plain wire copy into XHTML: a whole story in one {@code <p>}, paragraphs
     * starting on an indented line and tables as bare lines, or a results table as the body's
     * bare text. Such a block becomes paragraphs (lines kept with line breaks), and bare text a
     * {@code <pre>}; ordinary markup, whose line breaks are only layout, is left alone.
     */
    private static void wireTextAsBlocks(Element body) {
        if (firstElement(body) == null) {
            String text = body.getTextContent();
            if (lineBreaks(text) >= WIRE_TEXT_LINES) {
                Element pre = body.getOwnerDocument().createElementNS(body.getNamespaceURI(), "pre");
                pre.setTextContent(text.strip());
                body.setTextContent("");
                body.appendChild(pre);
            }
            return;
        }
        NodeList ps = body.getElementsByTagNameNS("*", "p");
        List<Element> wireText = new ArrayList<>();
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            if (firstElement(p) == null && lineBreaks(p.getTextContent()) >= WIRE_TEXT_LINES) {
                wireText.add(p);
            }
        }
        for (Element p : wireText) {
            List<List<String>> paragraphs = new ArrayList<>();
            List<String> current = null;
            for (String line : p.getTextContent().split("\\R")) {
                boolean starts = current == null || line.isBlank() || line.matches("^(?: {2,}|\\t).*");
                if (line.isBlank()) {
                    current = null;
                    continue;
                }
                if (starts) {
                    current = new ArrayList<>();
                    paragraphs.add(current);
                }
                current.add(line.strip().isEmpty() ? line : line.replaceFirst("^\\s+", ""));
            }
            Node parent = p.getParentNode();
            for (List<String> lines : paragraphs) {
                Element np = p.getOwnerDocument().createElementNS(p.getNamespaceURI(), "p");
                for (int i = 0; i < lines.size(); i++) {
                    if (i > 0) {
                        np.appendChild(p.getOwnerDocument().createElementNS(p.getNamespaceURI(), "br"));
                    }
                    np.appendChild(p.getOwnerDocument().createTextNode(lines.get(i)));
                }
                parent.insertBefore(np, p);
            }
            parent.removeChild(p);
        }
    }

    private static int lineBreaks(String text) {
        int n = 0;
        for (String ignored : text.strip().split("\\R")) {
            n++;
        }
        return n - 1;
    }

    /** {@code <html:p>} (Reuters binds XHTML to a prefix) serializes as {@code <p>}, the tag HTML knows. */
    private static void withoutPrefixes(Element body) {
        NodeList all = body.getElementsByTagNameNS("*", "*");
        List<Element> prefixed = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i).getPrefix() != null) {
                prefixed.add((Element) all.item(i));
            }
        }
        for (Element e : prefixed) {
            e.getOwnerDocument().renameNode(e, e.getNamespaceURI(), e.getLocalName());
        }
    }

    /** Walks the text without recursion: a hostile file may nest elements deeper than the stack. */
    private static void unescapeText(Element body) {
        Node n = body.getFirstChild();
        while (n != null && n != body) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                String v = n.getNodeValue();
                if (v.indexOf('<') >= 0 || v.indexOf('&') >= 0) {
                    n.setNodeValue(Parser.unescapeEntities(ESCAPED_INLINE.matcher(v).replaceAll("$2"), false));
                }
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != body && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            n = n == body ? null : n.getNextSibling();
        }
    }

    /** A picture's or video's item as media: its best rendition, with the caption and credit the item states. */
    private static ParsedArticle.Media mediaOf(ParsedArticle.Builder read, Element item) {
        Element contentMeta = SecureXml.child(item, "contentMeta");
        String caption = null;
        for (Element d : SecureXml.children(contentMeta, "description")) {
            String role = String.valueOf(SecureXml.attr(d, "role")).toLowerCase(Locale.ROOT);
            if (caption == null && (role.contains("caption") || role.contains("summary") || "null".equals(role))) {
                caption = SecureXml.text(d);
            }
        }
        String credit = first(SecureXml.text(contentMeta, "creditline"), read.byline(), read.sourceAgency());
        return new ParsedArticle.Media(read.type(), bestRendition(SecureXml.child(item, "contentSet")),
                first(caption, read.headline()), credit, null);
    }

    /** The href of the named original (baseImage, highRes, original), else of the widest rendition. */
    private static String bestRendition(Element contentSet) {
        String best = null;
        int widest = -1;
        for (Element remote : SecureXml.children(contentSet, "remoteContent")) {
            String href = SecureXml.attr(remote, "href");
            if (href == null) {
                continue;
            }
            String rendition = String.valueOf(SecureXml.attr(remote, "rendition")).toLowerCase(Locale.ROOT);
            if (rendition.endsWith("baseimage") || rendition.endsWith("highres") || rendition.endsWith("original")) {
                return href;
            }
            String width = String.valueOf(SecureXml.attr(remote, "width"));
            int w = width.matches("\\d{1,6}") ? Integer.parseInt(width) : 0;
            if (w > widest) {
                widest = w;
                best = href;
            }
        }
        return best;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static ContentType itemClass(Element item) {
        String qcode = SecureXml.attr(SecureXml.child(SecureXml.child(item, "itemMeta"), "itemClass"), "qcode");
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

    private static PubStatus pubStatus(String qcode, ParsedArticle.Builder a) {
        if (qcode == null) {
            return PubStatus.usable;
        }
        PubStatus status = AgencyStatus.iptcPubStatus(qcode.substring(qcode.indexOf(':') + 1));
        if (status == null) {
            a.warning("Unknown pubStatus qcode '" + qcode + "' (stat:usable, stat:withheld or stat:canceled): taken as usable.");
            return PubStatus.usable;
        }
        return status;
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
