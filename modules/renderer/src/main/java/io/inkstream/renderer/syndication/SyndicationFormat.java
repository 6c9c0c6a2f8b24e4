package io.inkstream.renderer.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.events.PublishedArticle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The standards a syndication partner can receive an article version in. A canceled version (a kill)
 * renders as the format's own kill notice; a version after the first as the format's update. Every
 * format is validated in tests against IPTC's published schema (docs/decisions/0017).
 */
public enum SyndicationFormat {
    /** IPTC ninjs 1.5 JSON. */
    NINJS_1_5("ninjs-1.5", "application/json", "1.5"),
    /** IPTC ninjs 2.2 JSON, the default. */
    NINJS_2_2("ninjs-2.2", "application/json", "2.2"),
    /** IPTC ninjs 3.1 JSON (camelCase property names). */
    NINJS_3_1("ninjs-3.1", "application/json", "3.1"),
    /** IPTC NewsML-G2 2.35, one newsItem. */
    NEWSML_G2("newsml-g2", "application/vnd.iptc.g2.newsitem+xml", "2.35"),
    /** IPTC NITF 3.6. */
    NITF("nitf", "application/nitf+xml", "3.6");

    /** What partners and the API get when they name no format. */
    public static final SyndicationFormat DEFAULT = NINJS_2_2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String contentType;
    private final String standardVersion;

    SyndicationFormat(String id, String contentType, String standardVersion) {
        this.id = id;
        this.contentType = contentType;
        this.standardVersion = standardVersion;
    }

    /** The name partners and settings use: {@code ninjs-2.2}. */
    public String id() {
        return id;
    }

    /** The media type of a rendered document (without charset; every format is UTF-8). */
    public String contentType() {
        return contentType;
    }

    /** The version of the standard the documents are written in and name: {@code 2.2}, {@code 2.35}, {@code 3.6}. */
    public String standardVersion() {
        return standardVersion;
    }

    /** The URI of IPTC's JSON Schema of a ninjs format (what its standard object and the JSON profile name); null for XML. */
    public String schemaUri() {
        return isNinjs() ? ninjs().schemaUri() : null;
    }

    /** True for the ninjs (JSON) formats. */
    public boolean isNinjs() {
        return ninjs() != null;
    }

    /** The article version, or its kill notice when it is canceled, as this format's document. */
    public byte[] render(PublishedArticle article) {
        return switch (this) {
            case NEWSML_G2 -> NewsMlG2Document.newsItem(article);
            case NITF -> NitfDocument.of(article);
            default -> ninjs().of(article).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** True when {@link #renderList} can put several articles in one document (NITF holds one article). */
    public boolean rendersLists() {
        return this != NITF;
    }

    /**
     * Several article versions as one document: for ninjs {@code {"items": [...], "count": n}}, for
     * NewsML-G2 a newsMessage (sent at {@code sent}) of their newsItems.
     *
     * @throws UnsupportedOperationException for NITF, which has no document of several articles
     */
    public byte[] renderList(List<PublishedArticle> articles, Instant sent) {
        if (this == NEWSML_G2) {
            return NewsMlG2Document.newsMessage(articles, sent);
        }
        if (!isNinjs()) {
            throw new UnsupportedOperationException(id + " holds one article per document");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        articles.forEach(a -> items.add(ninjs().of(a)));
        body.put("count", articles.size());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The ninjs format of {@code version} ({@code 1.5}, {@code 2.2}, {@code 3.1}), if there is one. */
    public static Optional<SyndicationFormat> ninjsVersion(String version) {
        return Arrays.stream(values()).filter(f -> f.isNinjs() && f.standardVersion.equals(version)).findFirst();
    }

    /** The format named {@code id} ({@code ninjs-2.2}, ...), or an exception naming the known ones. */
    public static SyndicationFormat byId(String id) {
        for (SyndicationFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown syndication format '" + id + "'; known: " + ids());
    }

    /** Every format's id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SyndicationFormat::id).toList();
    }

    private NinjsDocument ninjs() {
        return switch (this) {
            case NINJS_1_5 -> NinjsDocument.V1_5;
            case NINJS_2_2 -> NinjsDocument.V2_2;
            case NINJS_3_1 -> NinjsDocument.V3_1;
            default -> null;
        };
    }
}
