package io.inkstream.registry;

import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.util.List;
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

    /** The port ({@code inkstream.registry.port}): the common setting, as embedded mode also needs it. */
    public static final Setting<Integer> PORT = CommonConfig.REGISTRY_PORT;
    public static final Setting<String> TOPIC = Setting.string("inkstream.registry.topic", DEFAULT_TOPIC,
            "The compacted topic holding the registry's schemas; instances given the same one share one state.");
    public static final Setting<CompatibilityLevel> DEFAULT_COMPATIBILITY = new Setting<>(
            "inkstream.registry.default-compatibility", "compatibility", CompatibilityLevel.BACKWARD.name(),
            "Compatibility level of subjects nobody configured, until PUT /config changes it.", RegistryConfig::level);

    /** The registry's own settings (the port and the Kafka servers are common ones). */
    public static final List<Setting<?>> ALL = List.of(TOPIC, DEFAULT_COMPATIBILITY);

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

    /** The standalone registry as configured: the common Kafka servers, HTTP host and registry port, and its own settings. */
    public static RegistryConfig from(Settings settings) {
        settings.validate(ALL);
        return new RegistryConfig(settings.require(CommonConfig.BOOTSTRAP_SERVERS), settings.require(CommonConfig.HTTP_HOST),
                settings.require(PORT), settings.require(TOPIC), settings.require(DEFAULT_COMPATIBILITY));
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

    private static CompatibilityLevel level(String text) {
        try {
            return CompatibilityLevel.parse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be one of NONE, BACKWARD, FORWARD, FULL, BACKWARD_TRANSITIVE, "
                    + "FORWARD_TRANSITIVE, FULL_TRANSITIVE");
        }
    }
}
