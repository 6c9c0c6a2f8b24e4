package io.inkstream.enrich.stream;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.enrich.related.RelatedRefresh;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.RelatedArticle;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Refreshes the related lists of the task's own recent articles (decision 0033). A {@link RefreshRequest}
 * arrives on the task that owns its article (the refresh topic is keyed and partitioned like
 * articles.ingested); if the article's list was not re-emitted within {@code refresh-min-interval}, its
 * list is recomputed now from the instance's index of the whole window, earlier and later articles alike,
 * with the request's article joined or taken out (the index may not have caught up with another partition),
 * and its latest enriched version re-emitted with the new list and {@code relatedUpdatedAt}; otherwise the
 * request waits, gathered with any others, until the interval has passed (a wall-clock punctuator).
 *
 * <p>What is re-emitted is always the article's latest version, from {@link StoreNames#RECENT}, which this
 * same task writes as it enriches the article's versions, so a refresh never brings back a stale version;
 * a killed or withheld article, or one enriched longer ago than the horizon, is not there and is not
 * re-emitted. A list that comes out the same is not re-emitted either.
 */
public final class RefreshProcessor implements Processor<String, RefreshRequest, String, EnrichedArticle> {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** How often articles older than the horizon and finished refresh states are dropped. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(RefreshProcessor.class);

    private final EnrichConfig.Refresh refresh;
    private final int maxRelated;
    private final WindowIndex window;
    private final NavigableSet<Map.Entry<Long, String>> due = new TreeSet<>(
            Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, EnrichedArticle> recent;
    private KeyValueStore<String, RefreshState> states;
    private KeyValueStore<String, Fingerprint> fingerprints;
    private long lastSweep;

    public RefreshProcessor(EnrichConfig config, WindowIndex window) {
        this.refresh = config.refresh();
        this.maxRelated = config.maxRelated();
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.recent = context.getStateStore(StoreNames.RECENT);
        this.states = context.getStateStore(StoreNames.REFRESH);
        this.fingerprints = context.getStateStore(StoreNames.WINDOW);
        due.clear();
        try (KeyValueIterator<String, RefreshState> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, RefreshState> kv = all.next();
                if (kv.value.dueAt() >= 0) {
                    due.add(Map.entry(kv.value.dueAt(), kv.key));
                }
            }
        }
        lastSweep = context.currentSystemTimeMs();
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, RefreshRequest> record) {
        String id = record.key();
        EnrichedArticle latest = id == null || record.value() == null ? null : recent.get(id);
        if (latest == null) {
            return; // killed, withheld, older than the horizon, or never enriched here
        }
        long now = context.currentSystemTimeMs();
        RefreshState state = states.get(id);
        state = (state == null ? RefreshState.NONE : state).with(record.value());
        if (state.lastRefreshedAt() < 0 || now - state.lastRefreshedAt() >= refresh.minInterval().toMillis()) {
            refresh(id, latest, state, now);
        } else if (state.dueAt() < 0) {
            long at = state.lastRefreshedAt() + refresh.minInterval().toMillis();
            states.put(id, state.dueAt(at));
            due.add(Map.entry(at, id));
        } else {
            states.put(id, state);
        }
    }

    private void punctuate(long now) {
        while (!due.isEmpty() && due.first().getKey() <= now) {
            Map.Entry<Long, String> next = due.pollFirst();
            RefreshState state = states.get(next.getValue());
            if (state == null || state.dueAt() != next.getKey()) {
                continue; // forgotten (killed) or already refreshed
            }
            EnrichedArticle latest = recent.get(next.getValue());
            if (latest == null) {
                states.delete(next.getValue());
                continue;
            }
            refresh(next.getValue(), latest, state, now);
        }
        if (now - lastSweep >= SWEEP_EVERY.toMillis()) {
            lastSweep = now;
            sweep(now);
        }
    }

    private void refresh(String id, EnrichedArticle latest, RefreshState state, long now) {
        Fingerprint own = fingerprints.get(id);
        // the task's own article reaches the global store a commit after it was enriched; until then, the list as is
        List<RelatedArticle> found = own != null ? window.findAround(own).related() : latest.getRelated();
        List<RelatedArticle> joining = state.joining().stream().map(RefreshRequest.Listing::toRelated).toList();
        List<RelatedArticle> list = RelatedRefresh.merge(found, joining, new HashSet<>(state.leaving()),
                latest.getArticle().getSection(), maxRelated);
        if (RelatedRefresh.sameArticles(list, latest.getRelated())) {
            states.put(id, state.refreshed(-1));
            return;
        }
        EnrichedArticle updated = EnrichedArticle.newBuilder(latest).setRelated(list)
                .setRelatedUpdatedAt(Instant.ofEpochMilli(now)).build();
        recent.put(id, updated);
        states.put(id, state.refreshed(now));
        log.debug("related list of {} refreshed: {}", id, list.stream().map(RelatedArticle::getId).toList());
        context.forward(new Record<>(id, updated, context.currentStreamTimeMs()));
    }

    /** Drops articles enriched before the horizon, and refresh states with nothing left to hold back. */
    private void sweep(long now) {
        long horizon = now - refresh.horizon().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedArticle> all = recent.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.getEnrichedAt().toEpochMilli() < horizon) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(recent::delete);
        old.forEach(states::delete);
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, RefreshState> all = states.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.dueAt() < 0 && now - kv.value.lastRefreshedAt() >= refresh.minInterval().toMillis()) {
                    done.add(kv.key);
                }
            });
        }
        done.forEach(states::delete);
    }
}
