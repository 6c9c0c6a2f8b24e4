package io.inkstream.popularity.rank;

/**
 * One article's standing in the current window, as the counting stage reports it to the ranking stage
 * of a scope; zero views means the article drops out of that scope (expired, canceled, or moved).
 */
public record ArticleCount(String articleId, long views, long visitors, String headline, String canonicalPath, String section) {

    public static ArticleCount dropOut(String articleId) {
        return new ArticleCount(articleId, 0, 0, null, null, null);
    }

    public boolean droppedOut() {
        return views <= 0;
    }
}
