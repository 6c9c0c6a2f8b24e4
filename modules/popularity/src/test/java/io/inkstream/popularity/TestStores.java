package io.inkstream.popularity;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** Real in-memory Kafka Streams stores, opened outside a topology for unit tests of the counting core. */
public final class TestStores {

    private static final MockProcessorContext<Object, Object> CONTEXT = new MockProcessorContext<>();

    private TestStores() {
    }

    public static <V> KeyValueStore<String, V> keyValue(String name, Serde<V> valueSerde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingDisabled().build();
        store.init(CONTEXT.getStateStoreContext(), store);
        return store;
    }

    public static WindowStore<String, Long> window(String name, Duration retention, Duration size) {
        WindowStore<String, Long> store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, retention, size, false), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(CONTEXT.getStateStoreContext(), store);
        return store;
    }
}
