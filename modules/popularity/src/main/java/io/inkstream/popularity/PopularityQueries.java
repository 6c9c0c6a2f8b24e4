package io.inkstream.popularity;

import io.inkstream.platform.ServiceStatus;
import io.inkstream.platform.http.HttpProblem;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.popularity.count.VisitorSketches;
import io.inkstream.popularity.count.Window;
import io.inkstream.popularity.rank.ArticleCount;
import io.inkstream.popularity.rank.ScopeRanking;
import io.inkstream.popularity.stream.PublishedRanking;
import io.inkstream.popularity.stream.StoreNames;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads rankings and per-article counts from the service's state stores (interactive queries over
 * the partitions this instance holds, which in embedded mode is all of them; with N instances
 * {@link PopularityForwarding} sends a query here only when this instance holds its key).
 */
final class PopularityQueries {

    /** A scope's current top entries and the window of its last published ranking. */
    record ScopeView(String scope, Instant windowStart, Instant windowEnd, Instant computedAt, List<ArticleCount> entries) {
    }

    /** One article's counts in the 24 hours ending now. */
    record ArticleView(String articleId, long views, long visitors, Instant windowStart, Instant windowEnd) {
    }

    private final StreamsRunner runner;

    PopularityQueries(StreamsRunner runner) {
        this.runner = runner;
    }

    /**
     * The query's answer from the stores, or a 503 with Retry-After and the reason while they are not
     * queryable: the app starting, rebalancing or restoring after a restart (a store can also move away
     * mid-query, which Kafka Streams signals with an InvalidStateStoreException from any call).
     */
    private <T> T query(Supplier<T> query) {
        ServiceStatus status = runner.status();
        if (!status.up()) {
            throw unavailable(status);
        }
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable(runner.status());
        }
    }

    static HttpProblem unavailable(ServiceStatus status) {
        return HttpProblem.unavailable("not-ready", "popularity counts are not queryable now: "
                + status.reason() + "; retry shortly");
    }

    ScopeView scope(String scope, int limit) {
        return query(() -> scopeNow(scope, limit));
    }

    ArticleView article(String articleId) {
        return query(() -> articleNow(articleId));
    }

    private ScopeView scopeNow(String scope, int limit) {
        // A scope lives in one partition (the ranking stage is keyed by scope), so the range over
        // all local partitions is still in ranking order.
        List<ArticleCount> top = ScopeRanking.top(store(StoreNames.SCOPE_INDEX), scope, limit);
        ReadOnlyKeyValueStore<String, PublishedRanking> published = store(StoreNames.PUBLISHED);
        PublishedRanking last = published.get(scope);
        if (last != null) {
            return new ScopeView(scope, Instant.ofEpochMilli(last.windowStartMs()), Instant.ofEpochMilli(last.windowEndMs()),
                    Instant.ofEpochMilli(last.computedAtMs()), top);
        }
        Window window = Window.last24Hours(System.currentTimeMillis());
        return new ScopeView(scope, window.start(), window.end(), Instant.now(), top);
    }

    private ArticleView articleNow(String articleId) {
        ReadOnlyKeyValueStore<String, Long> views = store(StoreNames.ARTICLE_VIEWS);
        Long counted = views.get(articleId);
        long n = counted == null ? 0 : counted;
        Window window = Window.last24Hours(System.currentTimeMillis());
        long visitors = n == 0 ? 0 : Math.min(n, VisitorSketches.estimate(store(StoreNames.VISITOR_SKETCHES), articleId, window));
        return new ArticleView(articleId, n, visitors, window.start(), window.end());
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return runner.streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
