package io.inkstream.renderer.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.events.Article;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Keyword;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * schema.org NewsArticle structured data for an article page, as JSON that is safe inside a
 * {@code <script>} element: {@code <}, {@code >} and {@code &} are written as unicode escapes so no
 * headline can close the element.
 */
public final class JsonLd {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private JsonLd() {
    }

    public static String newsArticle(EnrichedArticle e, SiteConfig site, String publishedIso, String modifiedIso,
                                     List<PhotoView> photos) {
        Article a = e.getArticle();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "NewsArticle");
        n.put("headline", a.getHeadline());
        n.put("description", e.getSummary());
        n.put("url", site.absolute(e.getCanonicalPath()));
        n.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", site.absolute(e.getCanonicalPath()));
        n.put("datePublished", publishedIso);
        n.put("dateModified", modifiedIso);
        n.put("inLanguage", e.getLanguage());
        if (a.getSection() != null) {
            n.put("articleSection", a.getSection());
        }
        n.put("wordCount", e.getWordCount());
        String author = a.getByline() != null ? a.getByline() : a.getSourceAgency();
        if (author != null) {
            n.putObject("author").put("@type", a.getByline() != null ? "Person" : "Organization").put("name", author);
        }
        if (a.getSourceAgency() != null) {
            n.putObject("sourceOrganization").put("@type", "Organization").put("name", a.getSourceAgency());
        }
        if (a.getEditor() != null) {
            n.putObject("editor").put("@type", "Person").put("name", a.getEditor());
        }
        n.putObject("publisher").put("@type", "Organization").put("name", site.siteName());
        ArrayNode images = MAPPER.createArrayNode();
        photos.stream().filter(p -> p.url() != null).forEach(p -> images.add(p.url()));
        if (!images.isEmpty()) {
            n.set("image", images);
        }
        if (!e.getKeywords().isEmpty()) {
            n.put("keywords", String.join(", ", e.getKeywords().stream().map(Keyword::getTerm).toList()));
        }
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Escapes the characters that could end a script element or open a comment. */
    static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/2029 end a line in older JavaScript parsers.
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    }
}
