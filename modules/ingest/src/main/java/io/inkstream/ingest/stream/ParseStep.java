package io.inkstream.ingest.stream;

import io.inkstream.events.RejectionStage;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.ingest.ParseOutcome;
import io.inkstream.ingest.WireItemParser;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;

/**
 * Parses each raw item, and counts the stories that no classification placed in a section
 * (metric group stream-ingest-metrics, unmapped-sections-total), so a site sees what its
 * section map misses.
 */
public final class ParseStep implements FixedKeyProcessor<String, byte[], ParseOutcome> {
    static final String UNMAPPED_SECTIONS = "unmapped-sections";

    private final WireItemParser parser;
    private final Deserializer<WireItem> wireItems;
    private final String topic;
    private final Clock clock;
    private FixedKeyProcessorContext<String, ParseOutcome> context;
    private Sensor unmapped;

    public ParseStep(WireItemParser parser, Deserializer<WireItem> wireItems, String topic, Clock clock) {
        this.parser = parser;
        this.wireItems = wireItems;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParseOutcome> context) {
        this.context = context;
        this.unmapped = context.metrics().addRateTotalSensor(ArticleVersioning.METRIC_SCOPE, "articles", UNMAPPED_SECTIONS,
                Sensor.RecordingLevel.INFO, "task-id", context.taskId().toString());
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        ParseOutcome outcome = parse(record.key(), record.value(), clock.instant());
        outcome.drafts().stream().filter(parser::inDefaultSection).forEach(d -> unmapped.record());
        context.forward(record.withValue(outcome));
    }

    private ParseOutcome parse(String itemId, byte[] bytes, Instant now) {
        WireItem item;
        try {
            item = wireItems.deserialize(topic, bytes);
        } catch (RuntimeException e) {
            return ParseOutcome.rejected(WireRejection.newBuilder()
                    .setItemId(itemId == null ? "" : itemId)
                    .setStage(RejectionStage.PARSE)
                    .setCode("undeserializable")
                    .setReason("The record on " + topic + " is not a readable WireItem: " + e.getMessage())
                    .setRejectedAt(now)
                    .setRawRecord(ByteBuffer.wrap(bytes))
                    .build());
        }
        return parser.parse(item, now);
    }
}
