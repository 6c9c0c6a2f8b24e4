package io.inkstream.renderer.page;

import java.util.List;

/** One body paragraph as runs of text, some of which are links (escaped by the template, never raw HTML). */
public record ParagraphView(List<Span> spans) {

    /** A run of text; {@code href} is null for plain text. */
    public record Span(String text, String href) {
    }
}
