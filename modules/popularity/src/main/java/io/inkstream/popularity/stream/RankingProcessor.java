package io.inkstream.popularity.stream;

import io.inkstream.events.Ranking;
import io.inkstream.popularity.PopularityConfig;
import io.inkstream.popularity.count.Window;
import io.inkstream.popularity.rank.ArticleCount;
import io.inkstream.popularity.rank.ScopeRanking;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each scope's articles in ranking order and, once per emit interval, publishes a scope's top N
 * if it differs from what was last published for that scope, so a scope's ranking goes out only when
 * it changes and at most once per interval.
 */
public final class RankingProcessor implements Processor<String, ArticleCount, String, Ranking> {

    private final PopularityConfig config;
    private ProcessorContext<String, Ranking> context;
    private ScopeRanking ranking;
    private KeyValueStore<String, PublishedRanking> published;
    /** Scopes touched since the last publication; in memory, so every scope is re-checked after a restart. */
    private final Set<String> touched = new TreeSet<>();

    public RankingProcessor(PopularityConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Ranking> context) {
        this.context = context;
        ranking = new ScopeRanking(context.getStateStore(StoreNames.SCOPE_MEMBERS), context.getStateStore(StoreNames.SCOPE_INDEX));
        published = context.getStateStore(StoreNames.PUBLISHED);
        touched.addAll(ranking.scopes());
        try (KeyValueIterator<String, PublishedRanking> it = published.all()) {
            it.forEachRemaining(kv -> touched.add(kv.key));
        }
        context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<String, ArticleCount> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        ranking.update(record.key(), record.value());
        touched.add(record.key());
    }

    private void publish(long wallClockMs) {
        // The counting stage stamps its reports with its clock, which may run ahead of the wall clock.
        long now = Math.max(wallClockMs, context.currentStreamTimeMs());
        Window window = Window.last24Hours(now);
        for (String scope : touched) {
            List<ArticleCount> top = ranking.top(scope, config.topN());
            PublishedRanking last = published.get(scope);
            if (last == null ? top.isEmpty() : last.entries().equals(top)) {
                continue;
            }
            PublishedRanking next = new PublishedRanking(window.startMs(), window.endMs(), wallClockMs, top);
            published.put(scope, next);
            context.forward(new Record<>(scope, next.toEvent(scope), now));
        }
        touched.clear();
    }
}
