package io.inkstream.renderer.syndication;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sanitized body HTML of a published article written as XML: as XHTML elements (NewsML-G2's
 * inlineXML), or mapped onto NITF 3.6's body.content, where what NITF has no element for keeps
 * its text only.
 */
final class BodyXml {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    /** NITF's block content for HTML's blocks. */
    private static final Set<String> NITF_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "blockquote", "pre", "dl", "div", "hr", "table", "figure");

    private BodyXml() {
    }

    /** The body's nodes as well-formed XHTML (elements in the XHTML namespace) into the open element of {@code out}. */
    static void xhtml(XmlOut out, String bodyHtml) {
        for (Node n : Jsoup.parseBodyFragment(bodyHtml).body().childNodes()) {
            xhtmlNode(out, n);
        }
    }

    private static void xhtmlNode(XmlOut out, Node n) {
        if (n instanceof TextNode t) {
            out.text(t.getWholeText());
        } else if (n instanceof Element e) {
            if (!XML_NAME.matcher(e.normalName()).matches()) {
                e.childNodes().forEach(c -> xhtmlNode(out, c));
                return;
            }
            out.start(XHTML, e.normalName());
            for (Attribute a : e.attributes()) {
                if (XML_NAME.matcher(a.getKey()).matches()) {
                    out.attr(a.getKey(), a.getValue());
                }
            }
            e.childNodes().forEach(c -> xhtmlNode(out, c));
            out.end();
        }
    }

    /** The body's blocks as NITF body.content children into the open body.content element of {@code out}. */
    static void nitf(XmlOut out, String ns, String bodyHtml) {
        new NitfBody(out, ns).blocks(Jsoup.parseBodyFragment(bodyHtml).body());
    }

    /** HTML onto NITF: p, hl2 (h1..h6), ul/ol/li, bq (blockquote), pre, hr; inline a, em (em, i, b, strong), q, br. */
    private static final class NitfBody {
        private final XmlOut out;
        private final String ns;
        /** True while a p opened for loose inline content is open. */
        private boolean looseParagraph;

        NitfBody(XmlOut out, String ns) {
            this.out = out;
            this.ns = ns;
        }

        /** Children of a container that holds only blocks (body.content, li's blocks, bq's block). */
        void blocks(Element container) {
            for (Node n : container.childNodes()) {
                if (n instanceof Element e && isBlock(e)) {
                    closeLoose();
                    block(e);
                } else if (!(n instanceof TextNode t && t.isBlank() && !looseParagraph)) {
                    openLoose();
                    inline(n);
                }
            }
            closeLoose();
        }

        private void openLoose() {
            if (!looseParagraph) {
                out.start(ns, "p");
                looseParagraph = true;
            }
        }

        private void closeLoose() {
            if (looseParagraph) {
                out.end();
                looseParagraph = false;
            }
        }

        private void block(Element e) {
            switch (e.normalName()) {
                case "p" -> inlineElement("p", e);
                case "h1", "h2", "h3", "h4", "h5", "h6" -> inlineElement("hl2", e);
                case "pre" -> out.element(ns, "pre", e.wholeText());
                case "hr" -> out.empty(ns, "hr");
                case "ul", "ol" -> list(e);
                case "blockquote" -> {
                    out.start(ns, "bq").start(ns, "block");
                    boolean outer = looseParagraph;
                    looseParagraph = false;
                    blocks(e);
                    looseParagraph = outer;
                    out.end().end();
                }
                default -> { // dl, div, table, figure: their blocks, or their text as paragraphs
                    boolean outer = looseParagraph;
                    looseParagraph = false;
                    if (e.normalName().equals("dl")) {
                        for (Element item : e.children()) {
                            inlineElement("p", item);
                        }
                    } else {
                        blocks(e);
                    }
                    looseParagraph = outer;
                }
            }
        }

        private void list(Element e) {
            if (e.children().stream().noneMatch(c -> c.normalName().equals("li"))) {
                return; // NITF lists need an item; an empty list says nothing
            }
            out.start(ns, e.normalName());
            for (Element item : e.children()) {
                if (!item.normalName().equals("li")) {
                    continue;
                }
                out.start(ns, "li");
                // li is mixed: inline content and blocks both
                for (Node n : item.childNodes()) {
                    if (n instanceof Element b && isBlock(b)) {
                        block(b);
                    } else {
                        inline(n);
                    }
                }
                out.end();
            }
            out.end();
        }

        private void inlineElement(String name, Element e) {
            out.start(ns, name);
            e.childNodes().forEach(this::inline);
            out.end();
        }

        /** Inline content: NITF's enriched text, or only the text where NITF has no element. */
        private void inline(Node n) {
            if (n instanceof TextNode t) {
                out.text(t.getWholeText());
                return;
            }
            if (!(n instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "a" -> {
                    out.start(ns, "a").attr("href", e.hasAttr("href") ? e.attr("href") : null);
                    e.childNodes().forEach(this::inline);
                    out.end();
                }
                case "em", "i", "b", "strong", "cite" -> inlineElement("em", e);
                case "q" -> inlineElement("q", e);
                case "br" -> out.empty(ns, "br");
                default -> {
                    if (isBlock(e)) { // a block inside inline content: its text, spaced
                        out.text(" ");
                        e.childNodes().forEach(this::inline);
                        out.text(" ");
                    } else {
                        e.childNodes().forEach(this::inline);
                    }
                }
            }
        }

        private static boolean isBlock(Element e) {
            return NITF_BLOCKS.contains(e.normalName()) || e.normalName().equals("li");
        }
    }
}
