package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import org.jsoup.Jsoup;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A story body as NITF {@code body.content} carries it (and as NewsML 1.2 carries it: embedded
 * NITF, bare NITF or XHTML blocks, markup as text, or plain text), turned into the safelisted
 * HTML and plain paragraphs of an article. Blocks (p, hl2, block, bq, lists, tables) become
 * paragraphs and headings; agency inline elements (person, org, chron, money) keep their text and
 * {@code <endash/>}-style character elements become the character; photos become media of the
 * story. What is not story text is left out: a first paragraph that repeats the headline (AP),
 * the agency's end marker ("ends", PA), a closing rights notice ("© ..."), and the editors'
 * sign-off ("hh/ph/ts", AFP), which is kept as the editor instead.
 */
record NitfBody(String html, List<String> paragraphs, List<ParsedArticle.Media> media, String signOff) {

    /** A second guard for the stack: XmlCharset already refuses documents nested deeper than this. */
    private static final int MAX_DEPTH = 256;
    private static final Map<String, String> CHARACTER_ELEMENTS = Map.of(
            "endash", "\u2013", "emdash", "\u2014", "nbsp", "\u00a0", "bullet", "\u2022", "ellipsis", "\u2026");
    /** Editors' initials at the end of an AFP or EFE story: "hh/ph/ts/hd", "bur-dar-gl/fz". */
    static final Pattern SIGN_OFF = Pattern.compile("[a-z]{1,4}(-[a-z]{1,4})*(/[a-z]{1,4}(-[a-z]{1,4})*)+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\"'\u201c\u00ab(]?\\p{Lu})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern END_MARKER = Pattern.compile("(?i)ends|end|-?\\s*30\\s*-?|#+");

    NitfBody {
        paragraphs = List.copyOf(paragraphs);
        media = List.copyOf(media);
    }

    static NitfBody empty() {
        return new NitfBody(null, List.of(), List.of(), null);
    }

    /**
     * @param container {@code body.content}, a NewsML 1.2 {@code DataContent} or an XHTML body
     * @param headline  the story's headline, so that a first paragraph repeating it is dropped; or null
     */
    static NitfBody ofBlocks(Element container, String headline) {
        org.jsoup.nodes.Element out = container();
        List<ParsedArticle.Media> media = new ArrayList<>();
        blocks(container, out, media, 0);
        return finish(out, media, headline);
    }

    /** A body sent as markup in text (a CDATA section of HTML). */
    static NitfBody ofHtml(String html, String headline) {
        String clean = Jsoup.clean(html, "", BodyHtml.SAFELIST, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings().prettyPrint(false);
        return finish(doc.body(), new ArrayList<>(), headline);
    }

    /** A plain-text body: paragraphs are separated by blank lines, or by line breaks when there are none. */
    static NitfBody ofText(String text, String headline) {
        org.jsoup.nodes.Element out = container();
        for (String p : BodyHtml.paragraphsFromText(text)) {
            out.appendElement("p").appendText(p);
        }
        return finish(out, new ArrayList<>(), headline);
    }

    boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    /**
     * A headline for a story sent without one (a Ritzau flash, a NITF without hedline): the first
     * sentence of the body, cut at a word when longer than {@link ParsedArticle#MADE_UP_HEADLINE_CHARS}.
     */
    String madeUpHeadline() {
        if (paragraphs.isEmpty()) {
            return null;
        }
        String first = paragraphs.get(0);
        java.util.regex.Matcher end = SENTENCE_END.matcher(first);
        String sentence = end.find() ? first.substring(0, end.start() + 1) : first;
        int max = ParsedArticle.MADE_UP_HEADLINE_CHARS;
        if (sentence.length() <= max) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', max - 1);
        return sentence.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }

    /** Puts the body, its photos and the sign-off (as the editor) into the article. */
    void into(ParsedArticle.Builder a) {
        a.bodyHtml(html).paragraphs(paragraphs);
        media.forEach(a::media);
        if (signOff != null) {
            a.editor(signOff);
        }
    }

    private static NitfBody finish(org.jsoup.nodes.Element out, List<ParsedArticle.Media> media, String headline) {
        for (org.jsoup.nodes.Element block : out.select("p, h2, h3, h4, h5, h6, li")) {
            trimEdges(block); // wire copy indents paragraphs ("<p>   1A) …"): the indent is not text
        }
        dropEmptyBlocks(out);
        org.jsoup.nodes.Element first = out.children().first();
        if (first != null && headline != null && sameText(first.text(), headline)) {
            first.remove(); // AP sends the headline again as the first paragraph
        }
        String signOff = null;
        for (org.jsoup.nodes.Element last = out.children().last(); last != null; last = out.children().last()) {
            String text = normalize(last.text());
            if (signOff == null && SIGN_OFF.matcher(text).matches()) {
                signOff = text;
            } else if (!END_MARKER.matcher(text).matches() && !text.startsWith("\u00a9")) {
                break;
            }
            last.remove();
        }
        String html = BodyHtml.sanitize(out.html());
        // the paragraphs from the body as built: the same blocks and text as the sanitized HTML, without parsing it again
        return new NitfBody(html, html == null ? List.of() : BodyHtml.paragraphsOf(out), media, signOff);
    }

    /** An element to build the body in, in a document that writes it without pretty-printing. */
    private static org.jsoup.nodes.Element container() {
        org.jsoup.nodes.Document doc = org.jsoup.nodes.Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        return doc.body();
    }

    private static void trimEdges(org.jsoup.nodes.Element block) {
        if (block.childNodeSize() > 0 && block.childNode(0) instanceof org.jsoup.nodes.TextNode first) {
            first.text(first.getWholeText().stripLeading());
        }
        if (block.childNodeSize() > 0 && block.childNode(block.childNodeSize() - 1) instanceof org.jsoup.nodes.TextNode last) {
            last.text(last.getWholeText().stripTrailing());
        }
    }

    private static void dropEmptyBlocks(org.jsoup.nodes.Element out) {
        for (org.jsoup.nodes.Element child : new ArrayList<>(out.children())) {
            if (normalize(child.text()).isEmpty() && child.select("img").isEmpty()) {
                child.remove();
            }
        }
    }

    private static void blocks(Element from, org.jsoup.nodes.Element to, List<ParsedArticle.Media> media, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        org.jsoup.nodes.Element loose = null; // text and inline elements sent between blocks
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = normalize(n.getNodeValue());
                if (!text.isEmpty()) {
                    loose = loose != null ? loose : to.appendElement("p");
                    loose.appendText(" " + text + " ");
                }
                continue;
            }
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = name(e);
            switch (name) {
                case "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "fn", "credit", "dt", "dd", "caption" -> {
                    loose = null;
                    inline(e, to.appendElement(blockTag(name)), media, depth + 1);
                }
                case "bq", "blockquote" -> {
                    loose = null;
                    blocks(e, to.appendElement("blockquote"), media, depth + 1);
                }
                case "ul", "ol" -> {
                    loose = null;
                    org.jsoup.nodes.Element list = to.appendElement(name);
                    for (Element li : SecureXml.children(e, "li")) {
                        inline(li, list.appendElement("li"), media, depth + 1);
                    }
                }
                case "table", "nitf-table" -> {
                    loose = null;
                    table(e, to, depth + 1);
                }
                case "media" -> media(e, media);
                case "br" -> {
                    if (loose != null) {
                        loose.appendElement("br");
                    }
                }
                case "head", "title", "meta", "script", "style", "object", "embed", "iframe", "hr", "body.head", "body.end",
                        "media-reference", "media-object" -> {
                    // not body copy (an XHTML head, a player, a rule)
                }
                default -> {
                    if (hasBlockChildren(e)) {
                        loose = null;
                        blocks(e, to, media, depth + 1); // block, div, body.content, section, dl, …
                    } else {
                        loose = loose != null ? loose : to.appendElement("p");
                        inline(e, loose, media, depth + 1);
                    }
                }
            }
        }
    }

    private static String blockTag(String name) {
        return switch (name) {
            case "hl1", "hl2" -> "h2";
            case "pre", "h1", "h2", "h3", "h4", "h5", "h6" -> name.equals("h1") ? "h2" : name;
            default -> "p";
        };
    }

    private static boolean hasBlockChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && switch (name(c)) {
                case "p", "block", "div", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "bq", "blockquote", "ul", "ol", "dl",
                        "table", "nitf-table", "pre", "media", "body.content", "section", "article" -> true;
                default -> false;
            }) {
                return true;
            }
        }
        return false;
    }

    private static void inline(Element from, org.jsoup.nodes.Element to, List<ParsedArticle.Media> media, int depth) {
        if (depth > MAX_DEPTH) {
            to.appendText(normalize(from.getTextContent()));
            return;
        }
        boolean pre = "pre".equals(to.tagName());
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                to.appendText(pre ? n.getNodeValue() : WHITESPACE.matcher(n.getNodeValue()).replaceAll(" "));
                continue;
            }
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = name(e);
            if (CHARACTER_ELEMENTS.containsKey(name)) {
                to.appendText(CHARACTER_ELEMENTS.get(name));
                continue;
            }
            switch (name) {
                case "br" -> to.appendElement("br");
                case "em", "i" -> inline(e, to.appendElement("em"), media, depth + 1);
                case "strong", "b" -> inline(e, to.appendElement("strong"), media, depth + 1);
                case "sub", "sup", "u", "code" -> inline(e, to.appendElement(name), media, depth + 1);
                case "q" -> {
                    to.appendText("\u201c");
                    inline(e, to, media, depth + 1);
                    to.appendText("\u201d");
                }
                case "a" -> {
                    String href = SecureXml.attr(e, "href");
                    boolean safe = href != null && href.toLowerCase(Locale.ROOT).matches("(https?|mailto):.*");
                    inline(e, safe ? to.appendElement("a").attr("href", href) : to, media, depth + 1);
                }
                case "media" -> media(e, media);
                case "script", "style" -> {
                    // never text
                }
                default -> inline(e, to, media, depth + 1); // person, org, location, chron, money, span, …
            }
        }
    }

    /** A table as one paragraph per row, its cells separated by a bar: readable without table markup. */
    private static void table(Element table, org.jsoup.nodes.Element to, int depth) {
        org.w3c.dom.NodeList rows = table.getElementsByTagNameNS("*", "tr");
        if (rows.getLength() == 0) {
            rows = table.getElementsByTagName("tr");
        }
        for (int i = 0; i < rows.getLength() && depth <= MAX_DEPTH; i++) {
            List<String> cells = new ArrayList<>();
            for (Node c = rows.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element cell && ("td".equals(name(cell)) || "th".equals(name(cell)))) {
                    String text = normalize(cell.getTextContent());
                    if (!text.isEmpty()) {
                        cells.add(text);
                    }
                }
            }
            if (!cells.isEmpty()) {
                to.appendElement("p").appendText(String.join(" | ", cells));
            }
        }
    }

    private static void media(Element e, List<ParsedArticle.Media> out) {
        String kind = String.valueOf(SecureXml.attr(e, "media-type")).toLowerCase(Locale.ROOT);
        ContentType type = kind.contains("video") ? ContentType.video : kind.contains("audio") ? ContentType.audio
                : kind.contains("graphic") ? ContentType.graphic : ContentType.picture;
        Element ref = SecureXml.child(e, "media-reference");
        String source = SecureXml.attr(ref, "source") != null ? SecureXml.attr(ref, "source") : SecureXml.attr(ref, "data-location");
        // a bare id or relative file name ("high-tide.jpg") names nothing a reader can load
        String url = source != null && source.toLowerCase(Locale.ROOT).matches("https?://.*") ? source : null;
        String caption = SecureXml.text(e, "media-caption");
        String credit = SecureXml.text(e, "media-producer");
        String alt = SecureXml.attr(ref, "alternate-text");
        if (url != null || caption != null || alt != null) {
            out.add(new ParsedArticle.Media(type, url, caption, credit, alt));
        }
    }

    private static String name(Element e) {
        String n = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return n.toLowerCase(Locale.ROOT);
    }

    static boolean sameText(String a, String b) {
        return a != null && b != null && normalize(a).equalsIgnoreCase(normalize(b));
    }

    static String normalize(String s) {
        return s == null ? "" : WHITESPACE.matcher(s.replace('\u00a0', ' ')).replaceAll(" ").trim();
    }
}
