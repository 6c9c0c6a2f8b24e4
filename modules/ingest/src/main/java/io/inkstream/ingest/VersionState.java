package io.inkstream.ingest;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What ingest remembers per article id: the latest version number, when version 1 was
 * created, and the content hash of the latest version. Stored as one short text line
 * ("version firstCreatedMillis hash") because it is ingest's private state, not an event.
 */
record VersionState(int version, Instant firstCreated, String contentHash) {

    static Serde<VersionState> serde() {
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null
                        : (state.version + " " + state.firstCreated.toEpochMilli() + " " + state.contentHash).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    String[] parts = new String(bytes, StandardCharsets.UTF_8).split(" ");
                    return new VersionState(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
                });
    }
}
