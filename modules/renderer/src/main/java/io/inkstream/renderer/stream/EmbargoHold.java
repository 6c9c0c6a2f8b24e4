package io.inkstream.renderer.stream;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.PublishedArticle;
import io.inkstream.renderer.page.SiteConfig;
import io.inkstream.renderer.publish.PublishedArticles;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes each enriched version as {@link PublishedArticles#recordsFor} says, and keeps a usable version
 * that is still under embargo in a store until the embargo lifts, then publishes it (checked every
 * {@link #CHECK_EVERY} of wall-clock time). A newer version or a kill replaces what is held.
 */
public final class EmbargoHold implements Processor<String, EnrichedArticle, String, PublishedArticle> {

    static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final SiteConfig site;
    private final Clock clock;
    private ProcessorContext<String, PublishedArticle> context;
    private KeyValueStore<String, EnrichedArticle> held;

    public EmbargoHold(SiteConfig site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, PublishedArticle> context) {
        this.context = context;
        this.held = context.getStateStore(StoreNames.EMBARGO_HELD);
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, ts -> release());
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        Instant now = clock.instant();
        EnrichedArticle e = record.value();
        held.delete(record.key());
        if (e != null && e.getArticle().getPubStatus() == PubStatus.usable && underEmbargo(e, now)) {
            held.put(record.key(), e);
        }
        for (PublishedArticle p : PublishedArticles.recordsFor(e, site, now)) {
            context.forward(record.withValue(p));
        }
    }

    private void release() {
        Instant now = clock.instant();
        List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedArticle> all = held.all()) {
            all.forEachRemaining(kv -> {
                if (!underEmbargo(kv.value, now)) {
                    due.add(kv);
                }
            });
        }
        for (KeyValue<String, EnrichedArticle> kv : due) {
            held.delete(kv.key);
            PublishedArticle released = PublishedArticles.published(kv.value, site);
            released.setRelatedUpdatedAt(null); // its first publication, whatever refreshed its list while held
            context.forward(new Record<>(kv.key, released, now.toEpochMilli()));
        }
    }

    private static boolean underEmbargo(EnrichedArticle e, Instant now) {
        return e.getArticle().getEmbargoUntil() != null && e.getArticle().getEmbargoUntil().isAfter(now);
    }
}
