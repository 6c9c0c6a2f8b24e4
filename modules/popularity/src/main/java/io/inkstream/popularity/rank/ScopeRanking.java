package io.inkstream.popularity.rank;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each scope's articles kept in an index ordered by views (most first, ties by article id), so the top
 * N is the first N keys of the scope: an update costs one delete and one put, and reading the top N
 * touches N entries, never every article. (A heap holding only N entries cannot work here: counts also
 * go down, and then the N+1st article must already be known.)
 */
public final class ScopeRanking {

    /** Most entries a ranking can hold; also the largest limit the API accepts. */
    public static final int MAX_ENTRIES = 50;

    private static final char SEPARATOR = '\u0000';
    private static final int VIEWS_WIDTH = 19;

    private final KeyValueStore<String, ArticleCount> members;
    private final KeyValueStore<String, ArticleCount> index;

    /**
     * @param members "scope, article id" to the article's current count in that scope
     * @param index   "scope, inverted views, article id" to the same count, in ranking order
     */
    public ScopeRanking(KeyValueStore<String, ArticleCount> members, KeyValueStore<String, ArticleCount> index) {
        this.members = members;
        this.index = index;
    }

    /** Records the article's new count in the scope; a count with zero views removes it. */
    public void update(String scope, ArticleCount count) {
        String memberKey = scope + SEPARATOR + count.articleId();
        ArticleCount old = members.get(memberKey);
        if (old != null) {
            index.delete(indexKey(scope, old));
        }
        if (count.droppedOut()) {
            if (old != null) {
                members.delete(memberKey);
            }
            return;
        }
        members.put(memberKey, count);
        index.put(indexKey(scope, count), count);
    }

    /** The scope's first {@code n} articles, most viewed first. */
    public List<ArticleCount> top(String scope, int n) {
        return top(index, scope, n);
    }

    /** Same as {@link #top(String, int)} over a read-only (interactive query) view of the index. */
    public static List<ArticleCount> top(ReadOnlyKeyValueStore<String, ArticleCount> index, String scope, int n) {
        List<ArticleCount> top = new ArrayList<>(Math.min(n, MAX_ENTRIES));
        try (KeyValueIterator<String, ArticleCount> it = index.range(scope + SEPARATOR, scope + (char) (SEPARATOR + 1))) {
            while (top.size() < n && it.hasNext()) {
                top.add(it.next().value);
            }
        }
        return top;
    }

    /** The scopes that have a member, e.g. to re-check them all after a restart. */
    public List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        try (KeyValueIterator<String, ArticleCount> it = members.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                String scope = key.substring(0, key.indexOf(SEPARATOR));
                if (scopes.isEmpty() || !scopes.get(scopes.size() - 1).equals(scope)) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }

    private static String indexKey(String scope, ArticleCount count) {
        String inverted = Long.toString(Long.MAX_VALUE - count.views());
        return scope + SEPARATOR + "0".repeat(VIEWS_WIDTH - inverted.length()) + inverted + SEPARATOR + count.articleId();
    }
}
