package io.inkstream.enrich.stream;

import io.inkstream.enrich.keyword.CorpusStats;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Collection;

/**
 * Corpus statistics kept in a Streams key-value store (term to document frequency, plus the
 * document count under a key no term can have), so they survive restarts via the changelog.
 */
final class StoreCorpusStats implements CorpusStats {

    /** Terms are lower-case words; this key cannot be one. */
    private static final String DOCUMENTS = "\u0000documents";

    private final KeyValueStore<String, Long> store;

    StoreCorpusStats(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    @Override
    public long documents() {
        return count(DOCUMENTS);
    }

    @Override
    public long documentFrequency(String term) {
        return count(term);
    }

    @Override
    public void addDocument(Collection<String> distinctTerms) {
        adjust(DOCUMENTS, 1);
        distinctTerms.forEach(term -> adjust(term, 1));
    }

    @Override
    public void removeDocument(Collection<String> distinctTerms) {
        adjust(DOCUMENTS, -1);
        distinctTerms.forEach(term -> adjust(term, -1));
    }

    private long count(String key) {
        Long value = store.get(key);
        return value == null ? 0 : value;
    }

    private void adjust(String key, long delta) {
        long value = count(key) + delta;
        if (value > 0) {
            store.put(key, value);
        } else {
            store.delete(key);
        }
    }
}
