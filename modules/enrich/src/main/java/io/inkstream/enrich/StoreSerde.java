package io.inkstream.enrich;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.IOException;

/**
 * JSON for enrich's private state stores (path histories, fingerprints, term lists). These values
 * never leave the service, so they need no registered schema; JSON keeps a changelog readable and
 * tolerates added fields when the service is upgraded.
 */
final class StoreSerde {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoreSerde() {
    }

    static <T> Serde<T> of(Class<T> type) {
        return of(JSON.constructType(type));
    }

    static <T> Serde<T> listOf(Class<T> elementType) {
        return of(JSON.getTypeFactory().constructCollectionType(java.util.List.class, elementType));
    }

    private static <T> Serde<T> of(JavaType type) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    try {
                        return value == null ? null : JSON.writeValueAsBytes(value);
                    } catch (IOException e) {
                        throw new SerializationException("cannot write " + type + " to store " + topic, e);
                    }
                },
                (topic, bytes) -> {
                    try {
                        return bytes == null ? null : JSON.readValue(bytes, type);
                    } catch (IOException e) {
                        throw new SerializationException("cannot read " + type + " from store " + topic, e);
                    }
                });
    }
}
