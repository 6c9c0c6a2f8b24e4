package io.inkstream.ingest.stream;

import io.inkstream.events.Article;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each draft article its version: the same content as the latest version is a
 * duplicate (counted, not republished); different content, a kill included, is the next
 * version, keeping the earliest creation time known.
 */
public final class ArticleVersioning implements Processor<String, Article, String, Article> {

    /** Metrics group stream-ingest-metrics, names duplicates-total and duplicates-rate. */
    public static final String METRIC_SCOPE = "ingest";
    public static final String DUPLICATES = "duplicates";

    private static final Logger log = LoggerFactory.getLogger(ArticleVersioning.class);

    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, VersionState> versions;
    private Sensor duplicates;

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.versions = context.getStateStore(StoreNames.ARTICLE_VERSIONS);
        this.duplicates = context.metrics().addRateTotalSensor(METRIC_SCOPE, "articles", DUPLICATES,
                Sensor.RecordingLevel.INFO, "task-id", context.taskId().toString());
    }

    @Override
    public void process(Record<String, Article> record) {
        Article draft = record.value();
        String hash = draft.getProvenance().getContentHash();
        VersionState latest = versions.get(record.key());
        if (latest != null && latest.contentHash().equals(hash)) {
            duplicates.record();
            log.debug("article {} unchanged by item {}: duplicate", record.key(), draft.getProvenance().getRawItemId());
            return;
        }
        int version = latest == null ? 1 : latest.version() + 1;
        Article article = Article.newBuilder(draft)
                .setVersion(version)
                // the earliest creation time known: the source's own, or the first version's
                .setFirstCreated(latest == null || draft.getFirstCreated().isBefore(latest.firstCreated())
                        ? draft.getFirstCreated() : latest.firstCreated())
                .build();
        versions.put(record.key(), new VersionState(version, article.getFirstCreated(), hash));
        log.debug("article {} version {} ({})", record.key(), version, article.getPubStatus());
        context.forward(record.withValue(article));
    }
}
