package io.inkstream.renderer.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inkstream.renderer.page.PopularPanel;
import io.inkstream.renderer.page.SiteConfig;

import java.io.UncheckedIOException;
import java.time.Instant;

/** A "Most popular in 24h" list as JSON, the same for the widget endpoint and the live stream's events. */
final class PopularJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PopularJson() {
    }

    static String of(PopularPanel panel, Instant computedAt, SiteConfig site) {
        ObjectNode n = JSON.createObjectNode();
        n.put("scope", panel.scope());
        n.put("title", panel.title());
        n.put("computedAt", Instant.EPOCH.equals(computedAt) ? null : computedAt.toString());
        ArrayNode items = n.putArray("items");
        for (PopularPanel.Item i : panel.items()) {
            items.addObject().put("rank", i.rank()).put("headline", i.headline()).put("href", i.href())
                    .put("url", i.href().startsWith("/") ? site.absolute(i.href()) : i.href())
                    .put("views", i.views());
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
