package io.inkstream.renderer.page;

import io.inkstream.events.Article;
import io.inkstream.events.Link;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an article body into what a page may show: wire HTML is cleaned again to a small safelist
 * (no scripts, handlers or styles survive), plain paragraphs stay text, and each attached link becomes
 * inline where its title appears in the text, else is listed after the body.
 */
public final class BodyFormatter {

    /** Paragraph-level markup partners send; links keep only http(s) targets and get rel=nofollow. */
    static final Safelist SAFELIST = Safelist.basic()
            .addTags("h2", "h3", "h4")
            .removeProtocols("a", "href", "ftp", "mailto");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private BodyFormatter() {
    }

    /** Cleans untrusted HTML to the safelist. */
    public static String sanitize(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /**
     * The body as sanitized HTML for syndication: the wire HTML cleaned, or the paragraphs as
     * {@code <p>} elements (text escaped by jsoup) with inline links and the rest of the links after them.
     */
    public static String html(Article article) {
        if (article.getBodyHtml() != null && !article.getBodyHtml().isBlank()) {
            return sanitize(article.getBodyHtml());
        }
        List<LinkView> leftOver = new ArrayList<>();
        Document doc = Document.createShell("");
        doc.outputSettings(OUTPUT);
        for (ParagraphView p : paragraphs(article, leftOver)) {
            org.jsoup.nodes.Element el = doc.body().appendElement("p");
            for (ParagraphView.Span s : p.spans()) {
                if (s.href() == null) {
                    el.appendText(s.text());
                } else {
                    el.appendElement("a").attr("href", s.href()).text(s.text());
                }
            }
        }
        for (LinkView l : leftOver) {
            doc.body().appendElement("p").appendElement("a").attr("href", l.href()).text(l.text());
        }
        return doc.body().html();
    }

    /** The body as paragraphs with inline links; links used inline are removed from {@code leftOver}. */
    public static List<ParagraphView> paragraphs(Article article, List<LinkView> leftOver) {
        List<LinkView> pending = new ArrayList<>(links(article));
        List<ParagraphView> out = new ArrayList<>();
        for (String text : article.getParagraphs()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            out.add(new ParagraphView(spans(text, pending)));
        }
        leftOver.addAll(pending);
        return out;
    }

    /** Attached links that are safe to show, except the source's own canonical link. */
    public static List<LinkView> links(Article article) {
        List<LinkView> out = new ArrayList<>();
        for (Link l : article.getLinks()) {
            String href = SafeUrl.orNull(l.getHref());
            if (href == null || "canonical".equalsIgnoreCase(l.getRel())) {
                continue;
            }
            String title = l.getTitle() == null || l.getTitle().isBlank() ? href : l.getTitle().strip();
            out.add(new LinkView(title, href));
        }
        return out;
    }

    private static List<ParagraphView.Span> spans(String text, List<LinkView> pending) {
        List<ParagraphView.Span> spans = new ArrayList<>();
        String rest = text;
        boolean placed = true;
        while (placed) {
            placed = false;
            for (LinkView link : List.copyOf(pending)) {
                // An inline marker "[Special coverage]" keeps its brackets off the page.
                String marker = "[" + link.text() + "]";
                int at = rest.indexOf(marker);
                int len = marker.length();
                if (at < 0) {
                    at = rest.indexOf(link.text());
                    len = link.text().length();
                }
                if (at >= 0) {
                    if (at > 0) {
                        spans.add(new ParagraphView.Span(rest.substring(0, at), null));
                    }
                    spans.add(new ParagraphView.Span(link.text(), link.href()));
                    rest = rest.substring(at + len);
                    pending.remove(link);
                    placed = true;
                    break;
                }
            }
        }
        if (!rest.isEmpty()) {
            spans.add(new ParagraphView.Span(rest, null));
        }
        return spans;
    }
}
