package io.inkstream.enrich.stream;

/** Names of enrich's state stores (also their changelog topics' suffixes). */
public final class StoreNames {

    /** Article id to its {@link io.inkstream.enrich.path.PathHistory}: the first path and the ones since. */
    public static final String PATHS = "enrich-paths";
    /** Term to the number of articles using it, and the article count (see {@link StoreCorpusStats}). */
    public static final String CORPUS = "enrich-corpus";
    /** Article id to its distinct terms, to take it out of the corpus when it changes or leaves. */
    public static final String TERMS = "enrich-terms";
    /**
     * Article id to its publication time (epoch ms): the task's own articles of the related window, to
     * expire them. (Their fingerprints are in {@link #WINDOW}; the one-partition version kept them here,
     * as {@code enrich-fingerprints}.)
     */
    public static final String OWN_WINDOW = "enrich-own-window";

    /**
     * Article id to its latest enriched version (usable only), while it was enriched within the refresh horizon:
     * what a refresh of its related list re-emits (decision 0033).
     */
    public static final String RECENT = "enrich-recent";
    /** Article id to its {@link RefreshState}: when its list was last re-emitted and what waits to join or leave it. */
    public static final String REFRESH = "enrich-refresh";

    /**
     * The global store of enrich.fingerprints: every partition's window, article id to its
     * {@link io.inkstream.enrich.related.Fingerprint}, that each instance's related index is built from.
     */
    public static final String WINDOW = "enrich-window";

    private StoreNames() {
    }
}
