package io.inkstream.renderer.syndication;

import io.inkstream.events.MediaItem;
import io.inkstream.events.PublishedArticle;

import java.net.URI;
import java.util.List;

/** The photos and videos of an article as the formats link them: only those with a URL, made absolute. */
final class SyndicationMedia {

    private SyndicationMedia() {
    }

    /** The media with a URL (a partner cannot use one without), in order. */
    static List<MediaItem> withUrls(PublishedArticle p) {
        return p.getMedia().stream().filter(m -> absoluteUrl(p, m) != null).toList();
    }

    /** The first is the feature media, the others media2, media3, ... (ninjs' own naming). */
    static String name(int index) {
        return index == 0 ? "featuremedia" : "media" + (index + 1);
    }

    /** The media URL, resolved against the article's canonical URL when it is a site path; null when it is none. */
    static String absoluteUrl(PublishedArticle p, MediaItem m) {
        if (m.getUrl() == null || m.getUrl().isBlank()) {
            return null;
        }
        try {
            URI resolved = URI.create(p.getUrl()).resolve(m.getUrl().strip().replace(" ", "%20"));
            return resolved.isAbsolute() ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
