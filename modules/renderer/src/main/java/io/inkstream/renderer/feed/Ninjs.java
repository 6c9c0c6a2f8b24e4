package io.inkstream.renderer.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.events.MediaItem;
import io.inkstream.events.PublishedArticle;

import java.util.List;

/**
 * An article as IPTC ninjs 1.5 JSON (uri, version, versioncreated, pubstatus, headline, body_html,
 * associations, ...), built from the same public version partners receive on articles.published.
 */
public final class Ninjs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ninjs() {
    }

    public static ObjectNode of(PublishedArticle p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", p.getId());
        n.put("type", p.getType().name());
        n.put("version", String.valueOf(p.getVersion()));
        n.put("firstcreated", p.getFirstCreated().toString());
        n.put("versioncreated", p.getVersionCreated().toString());
        if (p.getPublishedAt() != null) {
            n.put("contentcreated", p.getPublishedAt().toString());
        }
        n.put("pubstatus", p.getPubStatus().name());
        n.put("language", p.getLanguage());
        n.put("headline", p.getHeadline());
        putIfPresent(n, "slugline", p.getSubheadline());
        putIfPresent(n, "by", p.getByline());
        putIfPresent(n, "copyrightholder", p.getSourceAgency());
        if (p.getEditor() != null) {
            n.put("ednote", "Editor: " + p.getEditor());
        }
        n.put("description_text", p.getSummary());
        n.put("body_html", p.getBodyHtml());
        n.put("uri_canonical", p.getUrl());
        names(n, "person", p.getPeople());
        names(n, "organisation", p.getOrganisations());
        names(n, "place", p.getPlaces());
        if (p.getSection() != null) {
            n.putArray("subject").addObject().put("name", p.getSection()).put("code", "section:" + p.getSection());
        }
        if (!p.getKeywords().isEmpty()) {
            ArrayNode k = n.putArray("keywords");
            p.getKeywords().forEach(k::add);
        }
        ObjectNode assoc = JSON.createObjectNode();
        int i = 0;
        for (MediaItem m : p.getMedia()) {
            ObjectNode a = assoc.putObject(i == 0 ? "featuremedia" : "media" + (i + 1));
            a.put("type", m.getType().name());
            putIfPresent(a, "uri", m.getUrl());
            putIfPresent(a, "description_text", m.getCaption());
            putIfPresent(a, "copyrightholder", m.getCredit());
            putIfPresent(a, "headline", m.getAlt());
            i++;
        }
        if (!assoc.isEmpty()) {
            n.set("associations", assoc);
        }
        return n;
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
}
