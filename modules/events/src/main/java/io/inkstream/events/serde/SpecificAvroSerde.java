package io.inkstream.events.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka Serde for generated Avro classes in Confluent's wire format; configure it with the
 * same keys as Confluent's SpecificAvroSerde ({@code schema.registry.url}, ...).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer serializer;
    private final AvroDeserializer deserializer;

    /** For Kafka's reflective instantiation; call {@link #configure}. Reads whatever specific class the writer names. */
    public SpecificAvroSerde() {
        this.serializer = new AvroSerializer();
        this.deserializer = new AvroDeserializer();
    }

    /** A configured serde for {@code type} sharing {@code registry} and its caches. */
    public SpecificAvroSerde(SchemaRegistryClient registry, Map<String, ?> configs, Class<T> type, boolean isKey) {
        this.serializer = new AvroSerializer(registry, configs, isKey);
        this.deserializer = new AvroDeserializer(registry, configs, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        return (topic, data) -> serializer.serialize(topic, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (topic, data) -> (T) deserializer.deserialize(topic, data);
    }
}
