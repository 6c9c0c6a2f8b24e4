package io.inkstream.ingest.format;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * Wire body markup made safe for a page: only the safelist (paragraphs, links, emphasis,
 * quotes, lists, headings) survives, so scripts, styles, event handlers and javascript:
 * links from a feed never reach a reader.
 */
final class BodyHtml {

    static final Safelist SAFELIST = Safelist.basic()
            .addTags("h2", "h3", "h4", "h5", "h6")
            .removeTags("span");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private BodyHtml() {
    }

    /** @return the sanitized HTML, or null when nothing readable is left */
    static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = Jsoup.clean(html, "", SAFELIST, COMPACT).trim();
        return Jsoup.parseBodyFragment(clean).text().isBlank() ? null : clean;
    }

    /** The readable blocks of an HTML body as plain-text paragraphs. */
    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Element body = Jsoup.parseBodyFragment(Jsoup.clean(html, "", SAFELIST, COMPACT)).body();
        return paragraphsOf(body);
    }

    static List<String> paragraphsOf(Element container) {
        List<String> out = new ArrayList<>();
        for (Element block : container.select("p, h1, h2, h3, h4, h5, h6, li:not(:has(p)), blockquote:not(:has(p)), pre")) {
            addText(out, block.text());
        }
        if (out.isEmpty()) {
            addText(out, container.text());
        }
        return out;
    }

    /** Plain text bodies: paragraphs are separated by blank lines, or by line breaks when there are none. */
    static List<String> paragraphsFromText(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String separator = text.matches("(?s).*\\R\\s*\\R.*") ? "\\R\\s*\\R" : "\\R";
        for (String p : text.split(separator)) {
            addText(out, p);
        }
        return out;
    }

    private static void addText(List<String> out, String text) {
        String t = text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
