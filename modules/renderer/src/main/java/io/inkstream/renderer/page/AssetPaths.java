package io.inkstream.renderer.page;

/** Where pages link the stylesheet and script; the version in the query lets browsers cache them for long. */
public record AssetPaths(String cssHref, String jsHref) {

    public static AssetPaths unversioned() {
        return new AssetPaths("/static/site.css", "/static/site.js");
    }
}
