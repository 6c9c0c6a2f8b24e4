package io.inkstream.renderer.page;

import java.time.Instant;

/**
 * A rendered answer: status, HTML, and when what it shows last changed.
 *
 * @param location where a 301 points, else null
 */
public record RenderedPage(int status, String html, Instant lastModified, String location) {

    public static RenderedPage ok(String html, Instant lastModified) {
        return new RenderedPage(200, html, lastModified, null);
    }

    public static RenderedPage movedTo(String location) {
        return new RenderedPage(301, "", null, location);
    }
}
