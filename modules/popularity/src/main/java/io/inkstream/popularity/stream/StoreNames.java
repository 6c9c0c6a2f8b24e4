package io.inkstream.popularity.stream;

/** Names of the service's state stores (also their changelog topics' suffixes and the interactive-query names). */
public final class StoreNames {

    /** "minute, article id" to views in that minute. */
    public static final String MINUTE_BUCKETS = "popularity-minute-buckets";
    /** Article id to views in the 24-hour window. */
    public static final String ARTICLE_VIEWS = "popularity-article-views";
    /** "hour, article id" to an HLL sketch of that hour's visitors. */
    public static final String VISITOR_SKETCHES = "popularity-visitor-sketches";
    /** "article id, visitor" to the times of its counted views (window store). */
    public static final String COUNTED_VIEWS = "popularity-counted-views";
    /** Article id to {@link ArticleInfo}. */
    public static final String ARTICLES = "popularity-articles";
    /** Article ids whose count changed since the last report. */
    public static final String CHANGED_ARTICLES = "popularity-changed-articles";
    /** The counting stage's clock: the newest view time seen. */
    public static final String VIEW_CLOCK = "popularity-view-clock";
    /** "scope, article id" to the article's count in that scope. */
    public static final String SCOPE_MEMBERS = "popularity-scope-members";
    /** "scope, inverted views, article id" to the count: each scope's articles in ranking order. */
    public static final String SCOPE_INDEX = "popularity-scope-index";
    /** Scope to the ranking last published for it. */
    public static final String PUBLISHED = "popularity-published";

    private StoreNames() {
    }
}
