package io.inkstream.bench;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import io.inkstream.testkit.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real thing the drivers measure against: an embedded KRaft broker and the project's schema
 * registry in this JVM, in a temporary directory that is deleted on close.
 */
final class BenchCluster implements AutoCloseable {

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;

    private BenchCluster(Path dir, EmbeddedKafka kafka, SchemaRegistryServer registry) {
        this.dir = dir;
        this.kafka = kafka;
        this.registry = registry;
    }

    static BenchCluster start() {
        try {
            Path dir = Files.createTempDirectory("inkstream-bench");
            EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
            SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers()));
            return new BenchCluster(dir, kafka, registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The registry's base URL (the registry's own HTTP server). */
    String registryUrl() {
        return registry.url();
    }

    /** The catalogue under {@code prefix}, created on the broker. */
    Topics topics(String prefix) {
        Topics topics = Topics.withPrefix(prefix);
        TopicProvisioner.ensure(bootstrapServers(), topics.all());
        return topics;
    }

    void create(TopicSpec<?> extra) {
        TopicProvisioner.ensure(bootstrapServers(), List.of(extra));
    }

    /** A service context on these topics with its state under {@code <tmp>/<name>}. */
    ServiceContext context(Topics topics, String name, Map<String, String> settings) {
        return ServiceContext.forTest(bootstrapServers(), registry.url(), topics, dir.resolve(name), settings);
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
        TempDirs.deleteTree(dir); // a temp directory left behind is not worth failing a finished benchmark
    }
}
