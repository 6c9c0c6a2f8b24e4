package io.inkstream.events.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, registering or looking
 * up their schema in a Confluent-compatible registry as Confluent's KafkaAvroSerializer does:
 * {@code auto.register.schemas} (default true), {@code use.latest.version}, and the subject
 * name strategies. Schema ids are cached; the registry is asked once per schema and subject.
 */
public class AvroSerializer implements Serializer<Object> {

    static {
        TrustedEventClasses.install();
    }

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private SubjectNameStrategy strategy;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /** Schema ids by topic, then schema: the per-record lookup allocates nothing. */
    private final Map<String, Map<Schema, Integer>> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    /** A serializer sharing an existing registry client (and its caches). */
    public AvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        init(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        init(configs, isKey);
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    private void init(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.strategy = config.subjectNameStrategy(isKey);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("cannot write " + data.getClass().getName()
                    + " as Avro: expected a specific or generic Avro record");
        }
        Schema schema = container.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(schema, data).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " to topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        Map<Schema, Integer> ids = idsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        String subject = strategy.subject(topic, isKey, schema);
        int id;
        try {
            if (config.useLatestVersion()) {
                SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
                if (!latest.schema().equals(schema)) {
                    throw new SerializationException("use.latest.version is set but the latest version ("
                            + latest.version() + ") of subject " + subject + " is not the record's schema "
                            + schema.getFullName());
                }
                id = latest.id();
            } else if (config.autoRegisterSchemas()) {
                id = registry.register(subject, schema);
            } else {
                id = registry.idOf(subject, schema);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
        ids.put(schema, id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writer(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s)
                : new GenericDatumWriter<>(s));
    }
}
