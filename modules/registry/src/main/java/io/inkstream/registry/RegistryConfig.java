package io.inkstream.registry;

import java.util.Objects;

/**
 * Settings of one schema registry instance: where Kafka is, where to listen, which topic holds
 * the schemas and the compatibility level subjects get when nobody configured one.
 *
 * <p>Instances given the same bootstrap servers and topic share one state.
 *
 * @param bootstrapServers     Kafka bootstrap servers holding the schemas topic
 * @param host                 interface to listen on (127.0.0.1 by default)
 * @param port                 HTTP port, 0 picks a free one
 * @param topic                the compacted topic that is the source of truth ({@code _schemas} by default)
 * @param defaultCompatibility global compatibility level until {@code PUT /config} changes it
 */
public record RegistryConfig(String bootstrapServers, String host, int port, String topic,
                             CompatibilityLevel defaultCompatibility) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_TOPIC = "_schemas";

    public RegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("registry port must be 0..65535, got " + port);
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("registry topic must not be blank");
        }
    }

    /** Defaults for the given Kafka: 127.0.0.1, a free port, topic {@code _schemas}, BACKWARD. */
    public static RegistryConfig forKafka(String bootstrapServers) {
        return new RegistryConfig(bootstrapServers, DEFAULT_HOST, 0, DEFAULT_TOPIC, CompatibilityLevel.BACKWARD);
    }

    public RegistryConfig withHost(String newHost) {
        return new RegistryConfig(bootstrapServers, newHost, port, topic, defaultCompatibility);
    }

    public RegistryConfig withPort(int newPort) {
        return new RegistryConfig(bootstrapServers, host, newPort, topic, defaultCompatibility);
    }

    public RegistryConfig withTopic(String newTopic) {
        return new RegistryConfig(bootstrapServers, host, port, newTopic, defaultCompatibility);
    }

    public RegistryConfig withDefaultCompatibility(CompatibilityLevel level) {
        return new RegistryConfig(bootstrapServers, host, port, topic, level);
    }
}
