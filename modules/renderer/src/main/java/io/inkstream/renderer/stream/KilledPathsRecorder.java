package io.inkstream.renderer.stream;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.renderer.store.KilledArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps every article's paths and last headline (in {@link StoreNames#ARTICLE_PATHS}), and when an article is
 * killed (a tombstone or a canceled version on articles.enriched) forwards a {@link KilledArticle} with all of
 * them, for renderer.killed-articles; when a killed article comes back with a new version, forwards a
 * tombstone. A kill already recorded with the same paths is not forwarded again.
 */
public final class KilledPathsRecorder implements Processor<String, EnrichedArticle, String, KilledArticle> {

    /** What the store keeps per article id. */
    public record KnownPaths(String headline, List<String> paths, boolean killed) {
    }

    private ProcessorContext<String, KilledArticle> context;
    private KeyValueStore<String, KnownPaths> known;

    @Override
    public void init(ProcessorContext<String, KilledArticle> context) {
        this.context = context;
        this.known = context.getStateStore(StoreNames.ARTICLE_PATHS);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        KnownPaths before = known.get(record.key());
        EnrichedArticle e = record.value();
        Set<String> paths = new LinkedHashSet<>();
        if (before != null) {
            paths.addAll(before.paths());
        }
        String headline = before == null ? null : before.headline();
        if (e != null) {
            paths.add(e.getCanonicalPath());
            paths.addAll(e.getPreviousPaths());
            headline = e.getArticle().getHeadline();
        }
        boolean killed = e == null || e.getArticle().getPubStatus() == PubStatus.canceled;
        KnownPaths after = new KnownPaths(headline, List.copyOf(paths), killed);
        known.put(record.key(), after);
        if (killed && !after.equals(before)) {
            context.forward(record.withValue(new KilledArticle(headline, after.paths())));
        } else if (!killed && before != null && before.killed()) {
            context.forward(record.withValue((KilledArticle) null));
        }
    }
}
