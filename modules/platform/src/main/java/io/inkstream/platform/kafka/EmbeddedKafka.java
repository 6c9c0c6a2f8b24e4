package io.inkstream.platform.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller),
 * running inside this JVM, with its log in a directory that survives restarts.
 *
 * <p>It is the broker of the embedded mode and of the tests: no Docker here, so the real
 * thing runs in-process from the Maven Central jars. The directory is formatted once
 * (the equivalent of {@code kafka-storage.sh format --ignore-formatted}); a later start on the
 * same directory keeps every topic and offset.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker whose log lives in {@code dataDir}, listening on localhost:{@code port}
     * (0 picks a free port).
     *
     * @throws IllegalStateException with a clear message when the port is taken
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * The same; with {@code flushEveryMessage} the broker fsyncs its log after every message, before it
     * acknowledges (log.flush.interval.messages=1): an acknowledged write then survives a power loss too.
     * Without, an acknowledged write is in the page cache of this one broker: it survives a crash of the
     * process (kill -9), not of the machine.
     */
    public static EmbeddedKafka start(Path dataDir, int port, boolean flushEveryMessage) {
        int brokerPort = port == 0 ? freePort() : requireFree(port);
        int controllerPort = freePort();
        try {
            Files.createDirectories(dataDir);
            Properties props = brokerProperties(dataDir, brokerPort, controllerPort);
            if (flushEveryMessage) {
                props.setProperty("log.flush.interval.messages", "1");
            }
            format(dataDir, props);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            long started = System.nanoTime();
            server.startup();
            HangingTransactions.abortHanging("localhost:" + brokerPort, Duration.ofSeconds(30));
            log.info("Kafka broker ready on localhost:{} in {} ms (data in {})",
                    brokerPort, (System.nanoTime() - started) / 1_000_000, dataDir);
            return new EmbeddedKafka(server, dataDir, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static Properties brokerProperties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());
        // A single node: every internal topic must live with one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "1");
        // A restart after a crash: the controller (this same node) keeps the dead broker's registration until its
        // session times out, and only then accepts the restarted one: that wait is most of a restart's broker start
        // (decision 0040). 9 s by default; 2 s here, still four missed heartbeats (one each 500 ms, over loopback
        // inside this JVM) before the node would fence itself, and a fenced node unfences at its next heartbeat.
        p.setProperty("broker.session.timeout.ms", "2000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        // Consumers and Streams apps join quickly instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Wire items may be up to 10 MB (ingest's limit) plus headers.
        p.setProperty("message.max.bytes", String.valueOf(12 * 1024 * 1024));
        p.setProperty("replica.fetch.max.bytes", String.valueOf(12 * 1024 * 1024));
        p.setProperty("auto.create.topics.enable", "false");
        // Kafka's default: the OS writes the page cache back when it likes; an acknowledged write survives a crash
        // of this process, not of the machine. inkstream.kafka.flush-every-message sets 1 (fsync before each ack).
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    /** Formats the log directory unless a previous run already did (then its cluster id stays). */
    private static void format(Path dataDir, Properties props) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("inkstream-kraft", ".properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "embedded KRaft broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[]{
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"}, print);
        } finally {
            Files.deleteIfExists(config);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka log directory " + dataDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost", e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka port " + port + " on localhost is already in use"
                    + " (another Kafka or inkstream running?); choose another with KAFKA_PORT or --kafka-port", e);
        }
    }
}
