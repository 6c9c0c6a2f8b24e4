package io.inkstream.renderer.store;

import io.inkstream.events.Ranking;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The renderer's view of popularity.top24h: the latest ranking per scope ("all" or a section slug),
 * telling subscribers (the live widget) about every new one as soon as it arrives.
 */
public final class RankingStore {

    private final Map<String, Ranking> byScope = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Ranking>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Applies one record of popularity.top24h; a null value (tombstone) forgets the scope. Scopes are kept
     * as section slugs, so "travel news" and "travel-news" name the same list.
     */
    public void apply(String key, Ranking ranking) {
        String scope = ArticleStore.sectionSlug(key);
        if (ranking == null) {
            byScope.remove(scope);
            return;
        }
        Ranking previous = byScope.get(scope);
        if (previous != null && previous.getWindowEnd().isAfter(ranking.getWindowEnd())) {
            return; // a stale ranking replayed late
        }
        byScope.put(scope, ranking);
        for (Consumer<Ranking> l : listeners) {
            l.accept(ranking);
        }
    }

    public Optional<Ranking> get(String scope) {
        return Optional.ofNullable(byScope.get(ArticleStore.sectionSlug(scope)));
    }

    /** Calls {@code listener} with each new ranking until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<Ranking> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
