package io.inkstream.platform;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.AvroSerdeConfig;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.events.serde.TrustedEventClasses;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * What a service is given to run: its settings, the topic catalogue, serdes bound to the
 * registry, where its state lives and where its metrics go. One immutable value, built once
 * by the app (or a test) and passed in, instead of statics.
 */
public record ServiceContext(Settings settings, Topics topics, EventSerdes serdes, String bootstrapServers,
                             String registryUrl, Path dataDir, MeterRegistry meters) {

    /** How long a plain producer's send may wait for metadata (the broker unreachable). */
    /** How often a Streams application commits, and so makes its results visible under exactly-once. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    /** The same for ingest and enrich, each hop of which a wire item waits for on its way to its page. */
    public static final Duration PAGE_PATH_COMMIT_INTERVAL = Duration.ofMillis(50);
    public static final int PRODUCER_MAX_BLOCK_MS = 5_000;
    /** How long a plain producer waits for one produce request's answer before retrying it. */
    public static final int PRODUCER_REQUEST_TIMEOUT_MS = 5_000;
    /** How long a record may take, retries included, until its send fails (at least linger + request timeout). */
    public static final int PRODUCER_DELIVERY_TIMEOUT_MS = 10_000;

    static {
        // Services build and copy event records before any serde has run; Avro must trust them already.
        TrustedEventClasses.install();
    }

    /** A context from resolved settings. */
    public static ServiceContext from(Settings settings, MeterRegistry meters) {
        return from(CommonConfig.from(settings), settings, meters);
    }

    /** A context from the common configuration, already resolved; {@code settings} give the services theirs. */
    public static ServiceContext from(CommonConfig common, Settings settings, MeterRegistry meters) {
        return new ServiceContext(settings, Topics.withPrefix(common.topicPrefix()),
                EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, common.registryUrl())),
                common.bootstrapServers(), common.registryUrl(), common.dataDir(), meters);
    }

    /** A context for tests: given broker, registry and topics, a private state directory. */
    public static ServiceContext forTest(String bootstrapServers, String registryUrl, Topics topics, Path dataDir,
                                         Map<String, String> overrides) {
        Settings settings = Settings.ofOverrides(overrides);
        return new ServiceContext(settings, topics, EventSerdes.forRegistry(registryUrl), bootstrapServers,
                registryUrl, dataDir, new SimpleMeterRegistry());
    }

    /**
     * Kafka Streams properties for an application: exactly-once (v2), state under the data
     * directory, and the registry URL for any serde configured by name. The application id is the
     * service's {@code APPLICATION_ID} behind the topic prefix, so that environments sharing a
     * cluster keep apart their consumer groups and internal topics too (docs/decisions/0006).
     */
    public Properties streamsProperties(String applicationId) {
        return streamsProperties(applicationId, COMMIT_INTERVAL);
    }

    /**
     * The same, committing every {@code commitInterval}: under exactly-once a result is visible downstream only at
     * its application's next commit, so an application on the path from a wire item to its page commits every
     * {@link #PAGE_PATH_COMMIT_INTERVAL} (a few dozen small transactions a second), the high-volume rest every
     * {@link #COMMIT_INTERVAL}.
     */
    public Properties streamsProperties(String applicationId, Duration commitInterval) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.prefix() + applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toAbsolutePath().toString());
        p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        // One node here; in a cluster the topics' own replication applies (set via env if needed).
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) commitInterval.toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Static membership (docs/decisions/0016): the same instance restarted after a crash takes its old place in the
        // group at once, instead of the group waiting out the dead member's 45 s session timeout. Streams appends
        // the thread index; the instance's id lives in its data directory, so it is stable across restarts and
        // different for every instance (one data directory has one owner).
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, topics.prefix() + applicationId + "-" + instanceId());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 12 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 12 * 1024 * 1024);
        return p;
    }

    /**
     * This instance's id: a random one made on first use and kept in the data directory's {@code instance-id} file,
     * so a restart on the same directory is the same instance (the Streams groups' {@code group.instance.id}).
     */
    public String instanceId() {
        Path file = dataDir.resolve("instance-id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                try {
                    Files.writeString(file, UUID.randomUUID().toString().substring(0, 8) + "\n", StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    // made by another service of this instance meanwhile: read theirs
                }
            }
            String id = Files.readString(file).trim();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalStateException(file + " must hold this instance's id (letters, digits, . _ -), not: " + id);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the instance id in " + file, e);
        }
    }

    /**
     * Producer properties: idempotent, acks=all, large enough for a 10 MB wire item, and bounded in time. An
     * endpoint answers 2xx only after the broker acknowledged (see {@code platform.kafka.Acknowledged}); when the
     * broker is down, {@code send} gives up on metadata after {@link #PRODUCER_MAX_BLOCK_MS} and a record after
     * {@link #PRODUCER_DELIVERY_TIMEOUT_MS}, so the caller hears 503 within seconds instead of two minutes.
     */
    public Properties producerProperties(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, topics.prefix() + clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 12 * 1024 * 1024);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, PRODUCER_MAX_BLOCK_MS);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, PRODUCER_REQUEST_TIMEOUT_MS);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PRODUCER_DELIVERY_TIMEOUT_MS);
        return p;
    }

    /** Consumer properties reading committed data only (exactly-once upstream). */
    public Properties consumerProperties(String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 12 * 1024 * 1024);
        return p;
    }
}
