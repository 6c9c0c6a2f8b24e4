package io.inkstream.events.serde;

import io.inkstream.events.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serdes of the topic catalogue, built once from the serde configuration and sharing one
 * registry client (and so one schema cache) across every topic a service uses.
 */
public final class EventSerdes {

    private final SchemaRegistryClient registry;
    private final Map<String, ?> configs;
    private final Map<Class<?>, Serde<?>> valueSerdes = new ConcurrentHashMap<>();

    private EventSerdes(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.configs = Map.copyOf(configs);
    }

    /** Serdes for the registry named by {@code schema.registry.url} (and Confluent's other serde keys). */
    public static EventSerdes create(Map<String, ?> configs) {
        return new EventSerdes(SchemaRegistryClients.create(new AvroSerdeConfig(configs)), configs);
    }

    /** Serdes for a registry at {@code url} with default settings. */
    public static EventSerdes forRegistry(String url) {
        return create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url));
    }

    /** The value serde of a topic. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <V> Serde<V> valueSerde(TopicSpec<V> topic) {
        if (topic.valueType() == String.class) {
            return (Serde<V>) Serdes.String(); // a service's private records as JSON text (syndication.partners, ...)
        }
        return (Serde<V>) valueSerdes.computeIfAbsent(topic.valueType(),
                type -> new SpecificAvroSerde(registry, configs, (Class<? extends SpecificRecord>) type, false));
    }

    /** Keys are plain UTF-8 strings (article id, scope, item id) on every topic. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The configuration these serdes were made with (to pass on to other clients). */
    public Map<String, ?> configs() {
        return configs;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }
}
