package io.inkstream.enrich.stream;

/** Names of enrich's state stores (also their changelog topics' suffixes). */
public final class StoreNames {

    /** Article id to its {@link io.inkstream.enrich.path.PathHistory}: the first path and the ones since. */
    public static final String PATHS = "enrich-paths";
    /** Term to the number of articles using it, and the article count (see {@link StoreCorpusStats}). */
    public static final String CORPUS = "enrich-corpus";
    /** Article id to its distinct terms, to take it out of the corpus when it changes or leaves. */
    public static final String TERMS = "enrich-terms";
    /** Article id to its {@link io.inkstream.enrich.related.Fingerprint}: the task's own articles of the window. */
    public static final String FINGERPRINTS = "enrich-fingerprints";

    /**
     * The global store of enrich.fingerprints: every partition's window, article id to its
     * {@link io.inkstream.enrich.related.Fingerprint}, that each instance's related index is built from.
     */
    public static final String WINDOW = "enrich-window";

    private StoreNames() {
    }
}
