package io.inkstream.renderer.stream;

/** Names of the renderer's state stores (also their changelog topics' suffixes). */
public final class StoreNames {

    /** Article id to the usable enriched version held until its embargo lifts. */
    public static final String EMBARGO_HELD = "renderer-embargo-held";
    /** Article id to every path it had, its last headline, and whether it is killed (for renderer.killed-articles). */
    public static final String ARTICLE_PATHS = "renderer-article-paths";

    private StoreNames() {
    }
}
