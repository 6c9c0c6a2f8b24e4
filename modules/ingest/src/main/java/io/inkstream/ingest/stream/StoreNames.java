package io.inkstream.ingest.stream;

/** Names of ingest's state stores (also their changelog topics' suffixes and the interactive-query names). */
public final class StoreNames {

    /** Article id to its {@link VersionState}: latest version, when version 1 was created, content hash. */
    public static final String ARTICLE_VERSIONS = "article-versions";

    private StoreNames() {
    }
}
