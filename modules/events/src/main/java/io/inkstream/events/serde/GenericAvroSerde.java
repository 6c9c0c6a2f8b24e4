package io.inkstream.events.serde;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/** A Kafka Serde for Avro GenericRecords in Confluent's wire format, as Confluent's GenericAvroSerde. */
public class GenericAvroSerde implements Serde<GenericRecord> {

    private final AvroSerializer serializer;
    private final AvroDeserializer deserializer;

    public GenericAvroSerde() {
        this.serializer = new AvroSerializer();
        this.deserializer = new AvroDeserializer();
    }

    public GenericAvroSerde(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.serializer = new AvroSerializer(registry, configs, isKey);
        this.deserializer = new AvroDeserializer(registry, configs, null);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer::serialize;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return (topic, data) -> (GenericRecord) deserializer.deserialize(topic, data);
    }
}
