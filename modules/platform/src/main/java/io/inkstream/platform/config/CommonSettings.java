package io.inkstream.platform.config;

import java.util.List;

/** Settings every service shares: where Kafka and the registry are, where state lives, the HTTP port. */
public final class CommonSettings {

    private CommonSettings() {
    }

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

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, DATA_DIR, TOPIC_PREFIX,
            HTTP_HOST, HTTP_PORT, KAFKA_PORT, REGISTRY_PORT);
}
