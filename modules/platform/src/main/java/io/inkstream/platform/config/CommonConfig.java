package io.inkstream.platform.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings every service shares: where Kafka and the registry are, where state lives, the topic
 * prefix and the HTTP server; in embedded mode also the broker's and the registry's ports.
 *
 * @param bootstrapServers Kafka brokers, host:port comma-separated
 * @param registryUrl      schema registry URL(s), comma-separated
 * @param dataDir          local state: the embedded broker's log, Kafka Streams state stores
 * @param topicPrefix      prefix of every topic name (and application id), possibly empty
 * @param httpHost         interface the HTTP server binds to
 * @param httpPort         HTTP port (0 picks a free one)
 * @param kafkaPort        embedded mode: the in-process broker's port
 * @param registryPort     embedded mode: the in-process registry's port
 * @param kafkaFlushEveryMessage embedded mode: the broker fsyncs its log after every message before acknowledging
 */
public record CommonConfig(String bootstrapServers, String registryUrl, Path dataDir, String topicPrefix,
                           String httpHost, int httpPort, int kafkaPort, int registryPort, boolean kafkaFlushEveryMessage) {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrap.servers",
            "localhost:9092", "Kafka brokers to connect to (host:port, comma-separated).");
    public static final Setting<String> REGISTRY_URL = Setting.string("schema.registry.url",
            "http://localhost:8081", "Confluent-compatible schema registry URL(s), comma-separated.");
    public static final Setting<String> DATA_DIR = Setting.string("inkstream.data.dir", "./data",
            "Where local state lives: the embedded broker's log, Kafka Streams state stores.");
    public static final Setting<String> TOPIC_PREFIX = Setting.string("inkstream.topic.prefix", "",
            "Prefix for every topic name (to share a cluster between environments).");
    public static final Setting<String> HTTP_HOST = Setting.string("inkstream.http.host", "127.0.0.1",
            "Interface the HTTP server binds to; 0.0.0.0 to accept connections from other hosts.");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("inkstream.http.port", 8080, 0, 65535,
            "HTTP port of the site and every service API (0 picks a free port).");
    public static final Setting<Integer> KAFKA_PORT = Setting.integer("inkstream.kafka.port", 9092, 0, 65535,
            "Embedded mode only: port of the in-process Kafka broker.");
    public static final Setting<Integer> REGISTRY_PORT = Setting.integer("inkstream.registry.port", 8081, 0, 65535,
            "Embedded mode only: port of the in-process schema registry.");

    public static final Setting<Boolean> KAFKA_FLUSH_EVERY_MESSAGE = Setting.bool("inkstream.kafka.flush-every-message", false,
            "Embedded mode only: the broker writes every message to disk (fsync) before acknowledging it, so an acknowledged"
                    + " write survives a power loss, not only a crash of the process; slower. Off: acknowledged means in the"
                    + " operating system's page cache of the one broker (see README, Guarantees).");

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, DATA_DIR, TOPIC_PREFIX,
            HTTP_HOST, HTTP_PORT, KAFKA_PORT, REGISTRY_PORT, KAFKA_FLUSH_EVERY_MESSAGE);

    public static CommonConfig from(Settings settings) {
        settings.validate(ALL);
        String prefix = settings.get(TOPIC_PREFIX);
        return new CommonConfig(settings.require(BOOTSTRAP_SERVERS), settings.require(REGISTRY_URL),
                Path.of(settings.require(DATA_DIR)), prefix == null ? "" : prefix, settings.require(HTTP_HOST),
                settings.require(HTTP_PORT), settings.require(KAFKA_PORT), settings.require(REGISTRY_PORT),
                settings.require(KAFKA_FLUSH_EVERY_MESSAGE));
    }

    /** The same, pointing at another broker and registry (embedded mode, once they have started). */
    public CommonConfig withCluster(String newBootstrapServers, String newRegistryUrl) {
        return new CommonConfig(newBootstrapServers, newRegistryUrl, dataDir, topicPrefix, httpHost, httpPort,
                kafkaPort, registryPort, kafkaFlushEveryMessage);
    }
}
