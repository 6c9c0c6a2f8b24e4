package io.inkstream.registry;

import io.inkstream.platform.kafka.EmbeddedKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One embedded broker for every test class of this module (it starts in seconds, and the
 * machine is small); each test gets its own schemas topic instead.
 */
final class SharedBroker {

    private static EmbeddedKafka kafka;

    private SharedBroker() {
    }

    static synchronized String bootstrapServers() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("registry-test-kafka");
                kafka = EmbeddedKafka.start(dir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka.bootstrapServers();
    }

    /** A config on a schemas topic no other test uses. */
    static RegistryConfig freshConfig() {
        return RegistryConfig.forKafka(bootstrapServers()).withTopic("_schemas-" + UUID.randomUUID());
    }
}
