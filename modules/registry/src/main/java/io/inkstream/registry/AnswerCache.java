package io.inkstream.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serialized answers of read requests, each kept with the state version it was computed
 * from and served only while the registry's state is still that version: a lookup asked
 * again (the serializers' usual pattern) is answered with the bytes already written. Any
 * change read from the schemas topic makes every entry stale; errors are never kept.
 */
final class AnswerCache {

    private static final int MAX_ENTRIES = 20_000;

    private record Entry(long version, byte[] bytes) {
    }

    private final LongSupplier stateVersion;
    private final Map<String, Entry> answers = new ConcurrentHashMap<>();

    AnswerCache(LongSupplier stateVersion) {
        this.stateVersion = stateVersion;
    }

    byte[] get(String key, Supplier<byte[]> compute) {
        long version = stateVersion.getAsLong();
        Entry cached = answers.get(key);
        if (cached != null && cached.version() == version) {
            return cached.bytes();
        }
        byte[] computed = compute.get();
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(key, new Entry(version, computed));
        return computed;
    }
}
