package io.inkstream.enrich.stream;

import io.inkstream.enrich.related.Fingerprint;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Iterator;

/**
 * Keeps the global store of enrich.fingerprints (every partition's window) and the instance's
 * {@link WindowIndex} of it: at start the index is rebuilt from the store, which Streams has
 * restored from the topic, and then each committed fingerprint or tombstone is applied to both.
 */
public final class WindowProcessor implements Processor<String, Fingerprint, Void, Void> {

    /** The header that carries a write's stamp (see {@link WindowIndex}): 8 bytes, big-endian. */
    static final String STAMP_HEADER = "inkstream-enrich-stamp";
    private static final String INDEX_DIR = "enrich-window-index";
    private static final Logger log = LoggerFactory.getLogger(WindowProcessor.class);

    private final WindowIndex window;
    private KeyValueStore<String, Fingerprint> store;
    private long opened = -1;

    public WindowProcessor(WindowIndex window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.WINDOW);
        long start = System.nanoTime();
        try (KeyValueIterator<String, Fingerprint> all = store.all()) {
            opened = window.open(context.stateDir().toPath().resolve(INDEX_DIR), new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Fingerprint next() {
                    return all.next().value;
                }
            });
        }
        log.info("enrich indexed {} fingerprints of the related window (all partitions) in {} ms", window.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void process(Record<String, Fingerprint> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        window.applyPublished(record.key(), record.value(), stampOf(record.headers()));
    }

    @Override
    public void close() {
        // Streams does not call this for a global store's processor today; the next open replaces the index
        if (opened >= 0) {
            window.close(opened);
            opened = -1;
        }
    }

    static byte[] stamp(long stamp) {
        return ByteBuffer.allocate(Long.BYTES).putLong(stamp).array();
    }

    /** The write's stamp; a record without one (written by hand) is applied as the latest. */
    private static long stampOf(Headers headers) {
        Header header = headers.lastHeader(STAMP_HEADER);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? Long.MAX_VALUE : ByteBuffer.wrap(header.value()).getLong();
    }
}
