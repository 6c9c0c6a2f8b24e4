package io.inkstream.enrich.stream;

import io.inkstream.enrich.EnrichConfig;
import io.inkstream.enrich.related.Fingerprint;
import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.PubStatus;
import io.inkstream.events.RelatedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

/**
 * After each enrichment, asks the owners of the articles whose related lists it should change to refresh
 * them (decision 0033), keyed by those articles' ids, so the requests reach the tasks that own them:
 * a new version asks the earlier articles it lists with a score of at least the refresh threshold (the
 * strongest {@code refresh-max-per-article}) to take it in; a kill or a withheld version asks the articles
 * around it in the window to let it go (as many). It also keeps each usable article's latest enriched version
 * in {@link StoreNames#RECENT}, which is what a refresh re-emits, and forgets a killed or withheld one there.
 */
public final class RefreshPlanner implements Processor<String, EnrichOutcome, String, RefreshRequest> {

    private final EnrichConfig.Refresh refresh;
    private final WindowIndex window;
    private ProcessorContext<String, RefreshRequest> context;
    private KeyValueStore<String, EnrichedArticle> recent;
    private KeyValueStore<String, RefreshState> states;
    private KeyValueStore<String, Fingerprint> fingerprints;

    public RefreshPlanner(EnrichConfig.Refresh refresh, WindowIndex window) {
        this.refresh = refresh;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, RefreshRequest> context) {
        this.context = context;
        this.recent = context.getStateStore(StoreNames.RECENT);
        this.states = context.getStateStore(StoreNames.REFRESH);
        this.fingerprints = context.getStateStore(StoreNames.WINDOW); // the global store, read-only here
    }

    @Override
    public void process(Record<String, EnrichOutcome> record) {
        String id = record.key();
        if (record.value() instanceof EnrichOutcome.Enriched enriched) {
            EnrichedArticle article = enriched.article();
            PubStatus status = article.getArticle().getPubStatus();
            if (status == PubStatus.usable) {
                joinLists(record, id, article);
            } else if (status == PubStatus.withheld) {
                leaveLists(record, id);
            }
            // a canceled version is the kill notice; the removal right after it leaves the lists
        } else if (record.value() instanceof EnrichOutcome.Removed) {
            leaveLists(record, id);
        }
    }

    private void joinLists(Record<String, EnrichOutcome> record, String id, EnrichedArticle article) {
        EnrichedArticle before = recent.get(id);
        recent.put(id, article);
        int asked = 0;
        for (RelatedArticle listed : article.getRelated()) {
            if (asked == refresh.maxPerArticle()) {
                break;
            }
            if (listed.getScore() >= refresh.minScore()) {
                asked++;
                context.forward(record.withKey(listed.getId()).withValue(RefreshRequest.join(asListing(article, listed))));
            }
        }
        if (before != null && before.getRelatedUpdatedAt() != null) {
            // its new version lists only earlier articles again: put back the later ones a refresh had added
            context.forward(record.withValue(RefreshRequest.recompute(id)));
        }
    }

    private void leaveLists(Record<String, EnrichOutcome> record, String id) {
        recent.delete(id);
        states.delete(id);
        // the global store still holds the article: its tombstone reaches the store only after this commits
        Fingerprint own = fingerprints.get(id);
        if (own == null) {
            return;
        }
        List<RelatedArticle> around = window.findAround(own).related();
        for (int i = 0; i < around.size() && i < refresh.maxPerArticle(); i++) {
            context.forward(record.withKey(around.get(i).getId()).withValue(RefreshRequest.leave(id)));
        }
    }

    /** How the earlier article will list this one: the same score, this one's link. */
    private static RelatedArticle asListing(EnrichedArticle self, RelatedArticle listed) {
        return RelatedArticle.newBuilder()
                .setId(self.getArticle().getId())
                .setHeadline(self.getArticle().getHeadline())
                .setCanonicalPath(self.getCanonicalPath())
                .setSection(self.getArticle().getSection())
                .setPublishedAt(self.getArticle().getPublishedAt() != null ? self.getArticle().getPublishedAt()
                        : self.getArticle().getFirstCreated())
                .setScore(listed.getScore())
                .build();
    }
}
