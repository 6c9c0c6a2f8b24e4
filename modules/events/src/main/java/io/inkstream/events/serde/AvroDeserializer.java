package io.inkstream.events.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads records in Confluent's wire format: the writer's schema comes from the registry by the
 * id in the header (cached), and the datum is resolved to the reader's schema: the target
 * class's schema for specific records ({@code specific.avro.reader=true}), else the writer's
 * schema as a GenericRecord, as Confluent's KafkaAvroDeserializer does.
 */
public class AvroDeserializer implements Deserializer<Object> {

    static {
        TrustedEventClasses.install();
    }

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private final Class<?> targetType;
    private final Map<Long, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {
        this.targetType = null;
    }

    /** A deserializer producing {@code targetType} (a generated specific record class) or generic records when null. */
    public AvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs, Class<?> targetType) {
        this.registry = registry;
        this.targetType = targetType;
        this.config = new AvroSerdeConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, bytes);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
                    bytes.length - WireFormat.HEADER_SIZE, null);
            return reader(id).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read Avro record with schema id " + id + " from topic "
                    + topic + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> reader(int id) {
        DatumReader<Object> cached = readers.get((long) id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("schema id " + id + " is unknown to the schema registry: "
                    + e.getMessage(), e);
        }
        DatumReader<Object> reader;
        Class<?> specific = targetType != null ? targetType
                : config.specificAvroReader() ? SpecificData.get().getClass(writer) : null;
        if (specific != null) {
            Schema readerSchema = SpecificData.get().getSchema(specific);
            reader = (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, readerSchema);
        } else {
            reader = new GenericDatumReader<>(writer);
        }
        readers.put((long) id, reader);
        return reader;
    }
}
