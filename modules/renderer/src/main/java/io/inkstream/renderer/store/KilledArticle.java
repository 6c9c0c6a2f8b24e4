package io.inkstream.renderer.store;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;

import java.util.List;
import java.util.Map;

/**
 * The lasting record that an article was killed: its last headline and every path it had, kept by article id
 * in the renderer's own compacted topic {@code <prefix>renderer.killed-articles}
 * (docs/decisions/0025-killed-paths-topic.md). articles.enriched only holds a tombstone for a kill, and
 * compaction removes it (and the versions before it) after {@code delete.retention.ms}; this record stays,
 * so the paths answer 410 Gone for ever, across restarts. A tombstone here means the article came back.
 *
 * @param headline the last headline (null when the article was killed before this record existed for it)
 * @param paths    its canonical path and every previous one
 */
public record KilledArticle(String headline, List<String> paths) {

    public KilledArticle {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /**
     * The renderer's own topic: one partition (kills are rare), compacted (one record per killed article).
     * JSON values keep it out of the shared Avro contract: only the renderer reads it.
     */
    public static TopicSpec<KilledArticle> topic(Topics topics) {
        return new TopicSpec<>(topics.prefix() + "renderer.killed-articles", KilledArticle.class, 1, "compact",
                TopicSpec.INFINITE, Map.of());
    }
}
