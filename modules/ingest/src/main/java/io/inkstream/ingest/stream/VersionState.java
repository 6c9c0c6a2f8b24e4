package io.inkstream.ingest.stream;

import io.inkstream.platform.streams.JsonSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What ingest remembers per article id: the latest version number, when version 1 was
 * created, and the content hash of the latest version. Ingest's private state, not an event,
 * so stored as JSON like every service's private records; a value written before that, one text
 * line "version firstCreatedMillis hash", still reads.
 */
public record VersionState(int version, Instant firstCreated, String contentHash) {

    private static final JsonSerde<VersionState> JSON = new JsonSerde<>(VersionState.class);

    public static Serde<VersionState> serde() {
        Deserializer<VersionState> json = JSON.deserializer();
        return Serdes.serdeFrom(JSON.serializer(), (topic, bytes) -> {
            if (bytes == null || bytes.length == 0 || bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split(" ");
            return new VersionState(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        });
    }
}
