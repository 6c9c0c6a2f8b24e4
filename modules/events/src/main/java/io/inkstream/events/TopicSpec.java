package io.inkstream.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One topic of the catalogue: its name, its value type (keys are always strings), and the
 * settings it is created with. Provisioning creates topics from these; services read and
 * write them through {@link io.inkstream.events.serde.EventSerdes}.
 */
public record TopicSpec<V>(String name, Class<V> valueType, int partitions, String cleanupPolicy,
                           long retentionMs, Map<String, String> extraConfigs) {

    public static final long INFINITE = -1L;

    /** The topic-level configs to create (and check drift against). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy);
        if (cleanupPolicy.contains("delete")) {
            configs.put("retention.ms", String.valueOf(retentionMs));
        }
        configs.putAll(extraConfigs);
        return configs;
    }

    TopicSpec<V> withName(String newName) {
        return new TopicSpec<>(newName, valueType, partitions, cleanupPolicy, retentionMs, extraConfigs);
    }
}
