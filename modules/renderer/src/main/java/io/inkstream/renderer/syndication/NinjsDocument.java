package io.inkstream.renderer.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.events.MediaItem;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;

import java.util.List;
import java.util.Map;

/**
 * A published article version as an IPTC ninjs document of one version: 1.5 (flat properties,
 * {@code body_html}, {@code $standard}), 2.2 (arrays of {@code headlines}, {@code descriptions},
 * {@code bodies}, {@code standard}) or 3.1 (the 2.2 shape with camelCase names).
 *
 * <p>Only properties the version's schema defines: the canonical URL is a {@code text/html}
 * rendition named {@code web}, keywords and the section are {@code subjects} (rel {@code keyword},
 * {@code section}), the byline is {@code byline} (1.5) or {@code by} (2.2, 3.1). A kill
 * ({@code pubstatus} canceled) keeps only the identity, the headline and an editor's note saying
 * to remove the article; a correction is the version number ({@code version} 2, 3, ...).
 */
final class NinjsDocument {

    /** The ednote of a kill: what a receiving editor must do. */
    static final String KILL_NOTE = "KILL: this article has been withdrawn. Do not use it; remove it wherever it was published.";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 3.1 renamed the 2.2 properties to camelCase; everything else about the shape we write is the same. */
    private static final Map<String, String> CAMEL_CASE = Map.of(
            "firstcreated", "firstCreated", "versioncreated", "versionCreated", "contentcreated", "contentCreated",
            "pubstatus", "pubStatus", "copyrightholder", "copyrightHolder", "ednote", "edNote",
            "contenttype", "contentType");

    private final String version;
    private final boolean camelCase;

    private NinjsDocument(String version) {
        this.version = version;
        this.camelCase = version.startsWith("3");
    }

    static final NinjsDocument V1_5 = new NinjsDocument("1.5");
    static final NinjsDocument V2_2 = new NinjsDocument("2.2");
    static final NinjsDocument V3_1 = new NinjsDocument("3.1");

    /** The ninjs version written, e.g. {@code 2.2}. */
    String version() {
        return version;
    }

    /** The URI of IPTC's JSON Schema of this version, as the document's standard object names it. */
    String schemaUri() {
        return "http://www.iptc.org/std/ninjs/ninjs-schema_" + version + ".json";
    }

    ObjectNode of(PublishedArticle p) {
        return version.equals("1.5") ? v1(p) : v2(p);
    }

    private ObjectNode v1(PublishedArticle p) {
        ObjectNode n = JSON.createObjectNode();
        common(n, p);
        n.put("headline", p.getHeadline());
        if (p.getPubStatus() == PubStatus.canceled) {
            n.put("ednote", KILL_NOTE);
            standard(n.putObject("$standard"));
            return n;
        }
        // headline_* is 1.5's pattern for extra headlines, named for their purpose
        putIfPresent(n, "headline_subheadline", p.getSubheadline());
        putIfPresent(n, "byline", p.getByline());
        putIfPresent(n, "copyrightholder", p.getSourceAgency());
        if (p.getEditor() != null) {
            n.put("ednote", "Editor: " + p.getEditor());
        }
        putIfNotBlank(n, "description_text", p.getSummary());
        n.put("body_html", p.getBodyHtml());
        names(n, "person", p.getPeople());
        names(n, "organisation", p.getOrganisations());
        names(n, "place", p.getPlaces());
        ArrayNode subjects = JSON.createArrayNode();
        if (p.getSection() != null) {
            subjects.addObject().put("name", p.getSection()).put("rel", "section").put("code", sectionCode(p));
        }
        p.getKeywords().forEach(k -> subjects.addObject().put("name", k).put("rel", "keyword"));
        if (!subjects.isEmpty()) {
            n.set("subject", subjects);
        }
        n.putObject("renditions").putObject("web")
                .put("href", p.getUrl()).put("mimetype", "text/html").put("title", p.getHeadline());
        ObjectNode associations = JSON.createObjectNode();
        List<MediaItem> media = SyndicationMedia.withUrls(p);
        for (int i = 0; i < media.size(); i++) {
            MediaItem m = media.get(i);
            ObjectNode a = associations.putObject(SyndicationMedia.name(i));
            a.put("uri", SyndicationMedia.absoluteUrl(p, m));
            a.put("type", m.getType().name());
            putIfPresent(a, "description_text", m.getCaption());
            putIfPresent(a, "description_alt", m.getAlt());
            putIfPresent(a, "copyrightholder", m.getCredit());
        }
        if (!associations.isEmpty()) {
            n.set("associations", associations);
        }
        standard(n.putObject("$standard"));
        return n;
    }

    private ObjectNode v2(PublishedArticle p) {
        ObjectNode n = JSON.createObjectNode();
        common(n, p);
        ArrayNode headlines = n.putArray("headlines");
        headlines.addObject().put("role", "main").put("value", p.getHeadline());
        if (p.getPubStatus() == PubStatus.canceled) {
            n.put(key("ednote"), KILL_NOTE);
            standard(n.putObject("standard"));
            return n;
        }
        if (p.getSubheadline() != null) {
            headlines.addObject().put("role", "sub").put("value", p.getSubheadline());
        }
        putIfPresent(n, "by", p.getByline());
        putIfPresent(n, key("copyrightholder"), p.getSourceAgency());
        if (p.getEditor() != null) {
            n.put(key("ednote"), "Editor: " + p.getEditor());
        }
        if (p.getSummary() != null && !p.getSummary().isBlank()) {
            n.putArray("descriptions").addObject().put("role", "summary")
                    .put(key("contenttype"), "text/plain").put("value", p.getSummary());
        }
        n.putArray("bodies").addObject().put("role", "main")
                .put(key("contenttype"), "text/html").put("value", p.getBodyHtml());
        names(n, "people", p.getPeople());
        names(n, "organisations", p.getOrganisations());
        names(n, "places", p.getPlaces());
        ArrayNode subjects = JSON.createArrayNode();
        if (p.getSection() != null) {
            subjects.addObject().put("name", p.getSection()).put("rel", "section").put("literal", sectionCode(p));
        }
        p.getKeywords().forEach(k -> subjects.addObject().put("name", k).put("rel", "keyword"));
        if (!subjects.isEmpty()) {
            n.set("subjects", subjects);
        }
        n.putArray("renditions").addObject().put("name", "web")
                .put("href", p.getUrl()).put(key("contenttype"), "text/html").put("title", p.getHeadline());
        ArrayNode associations = JSON.createArrayNode();
        List<MediaItem> media = SyndicationMedia.withUrls(p);
        for (int i = 0; i < media.size(); i++) {
            MediaItem m = media.get(i);
            ObjectNode a = associations.addObject();
            a.put("name", SyndicationMedia.name(i));
            a.put("uri", SyndicationMedia.absoluteUrl(p, m));
            a.put("type", m.getType().name());
            ArrayNode descriptions = JSON.createArrayNode();
            if (m.getCaption() != null) {
                descriptions.addObject().put("role", "caption").put("value", m.getCaption());
            }
            if (m.getAlt() != null) {
                descriptions.addObject().put("role", "alt").put("value", m.getAlt());
            }
            if (!descriptions.isEmpty()) {
                a.set("descriptions", descriptions);
            }
            putIfPresent(a, key("copyrightholder"), m.getCredit());
        }
        if (!associations.isEmpty()) {
            n.set("associations", associations);
        }
        standard(n.putObject("standard"));
        return n;
    }

    /** What every version has under the same names (modulo 3.1's camelCase): identity, times, status, language. */
    private void common(ObjectNode n, PublishedArticle p) {
        n.put("uri", p.getId());
        n.put("type", p.getType().name());
        n.put("version", String.valueOf(p.getVersion()));
        n.put(key("firstcreated"), p.getFirstCreated().toString());
        n.put(key("versioncreated"), p.getVersionCreated().toString());
        if (p.getPublishedAt() != null && p.getPubStatus() != PubStatus.canceled) {
            n.put(key("contentcreated"), p.getPublishedAt().toString());
        }
        n.put(key("pubstatus"), p.getPubStatus().name());
        n.put("language", p.getLanguage());
    }

    private void standard(ObjectNode s) {
        s.put("name", "ninjs").put("version", version).put("schema", schemaUri());
    }

    private String key(String lowerCase) {
        return camelCase ? CAMEL_CASE.getOrDefault(lowerCase, lowerCase) : lowerCase;
    }

    static String sectionCode(PublishedArticle p) {
        return "section:" + p.getSection().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private static void names(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode arr = n.putArray(field);
            values.forEach(v -> arr.addObject().put("name", v));
        }
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void putIfNotBlank(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }
}
