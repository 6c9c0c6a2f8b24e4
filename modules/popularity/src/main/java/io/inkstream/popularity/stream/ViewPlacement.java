package io.inkstream.popularity.stream;

import io.inkstream.events.PageView;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Splits page views by where they were written: a view on the partition that Java's default partitioner gives its
 * article id (murmur2 of the UTF-8 id, modulo the topic's partitions) is where the article's counts and its
 * articles.enriched record live, and is counted as it is; a view anywhere else (a producer keyed by something else,
 * or librdkafka's CRC32 {@code consistent_random}) is re-keyed by its article id to go through a repartition topic
 * to the task that counts that article (docs/decisions/0021). Two instances, one per side: {@link #inPlace} and
 * {@link #misplaced}; the test is a hash of a short string, cheaper than writing every view twice.
 */
public final class ViewPlacement implements Processor<String, PageView, String, PageView> {

    private final int partitions;
    private final boolean keepInPlace;
    private ProcessorContext<String, PageView> context;

    private ViewPlacement(int partitions, boolean keepInPlace) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, not " + partitions);
        }
        this.partitions = partitions;
        this.keepInPlace = keepInPlace;
    }

    /** Passes on the views already on their article's partition. */
    public static ViewPlacement inPlace(int partitions) {
        return new ViewPlacement(partitions, true);
    }

    /** Passes on the other views, keyed by their article id. */
    public static ViewPlacement misplaced(int partitions) {
        return new ViewPlacement(partitions, false);
    }

    /** The partition Java's default partitioner (and Kafka Streams' repartitioning) gives a String key. */
    public static int partitionOf(String articleId, int partitions) {
        return Utils.toPositive(Utils.murmur2(articleId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void init(ProcessorContext<String, PageView> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, PageView> record) {
        PageView view = record.value();
        if (view == null || view.getArticleId() == null) {
            if (keepInPlace) {
                context.forward(record); // the counter ignores it where it is
            }
            return;
        }
        String articleId = view.getArticleId();
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
        boolean inPlace = partition == partitionOf(articleId, partitions);
        if (inPlace == keepInPlace) {
            context.forward(inPlace ? record : record.withKey(articleId));
        }
    }
}
