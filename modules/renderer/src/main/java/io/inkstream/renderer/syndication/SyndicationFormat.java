package io.inkstream.renderer.syndication;

import io.inkstream.events.PublishedArticle;
import io.inkstream.renderer.feed.Ninjs;

import java.nio.charset.StandardCharsets;

/**
 * The standards a syndication partner can receive an article version in. A canceled version (a kill)
 * renders as the format's own kill notice. Every format is validated in tests against IPTC's
 * published schema.
 */
public enum SyndicationFormat {
    /** IPTC ninjs 2.2 JSON, the default. */
    NINJS_2_2("ninjs-2.2", "application/json");

    private final String id;
    private final String contentType;

    SyndicationFormat(String id, String contentType) {
        this.id = id;
        this.contentType = contentType;
    }

    /** The name partners and settings use: {@code ninjs-2.2}. */
    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    /** The article version, or its kill notice when it is canceled, as this format's document. */
    public byte[] render(PublishedArticle article) {
        return Ninjs.of(article).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The format named {@code id} ({@code ninjs-2.2}, ...), or an exception naming the known ones. */
    public static SyndicationFormat byId(String id) {
        for (SyndicationFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown syndication format '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(SyndicationFormat::id).toList());
    }
}
