package io.inkstream.platform.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.List;

/**
 * The one serde for a service's private records: its state stores and its repartition topics. These
 * values never leave the service, so they need no registered schema; JSON keeps a changelog readable and
 * tolerates fields added when the service is upgraded. Events (what other services read) use the Avro
 * serdes of the topic catalogue, and plain numbers and bytes Kafka's own {@code Serdes}
 * (docs/conventions.md).
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JavaType type;

    public JsonSerde(Class<T> type) {
        this(JSON.constructType(type));
    }

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    /** A serde for lists of {@code elementType}. */
    public static <E> JsonSerde<List<E>> listOf(Class<E> elementType) {
        return new JsonSerde<>(JSON.getTypeFactory().constructCollectionType(List.class, elementType));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type + " to " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type + " from " + topic, e);
            }
        };
    }
}
