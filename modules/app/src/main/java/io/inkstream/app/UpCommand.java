package io.inkstream.app;

import io.inkstream.platform.DataDirLock;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** {@code inkstream up}: the whole pipeline in this JVM, the site on localhost. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka (embedded, KRaft), the schema registry and all four services in one JVM; "
                + "serve the site on http://localhost:8080. Ctrl-C stops everything cleanly.")
final class UpCommand implements Runnable {

    @Option(names = "--port", description = "HTTP port of the site and APIs (default 8080).")
    Integer port;

    @Option(names = "--kafka-port", description = "Port of the embedded Kafka broker (default 9092).")
    Integer kafkaPort;

    @Option(names = "--registry-port", description = "Port of the schema registry (default 8081).")
    Integer registryPort;

    @Option(names = "--data-dir", description = "Where data is kept between runs (default ./data).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first and start empty.")
    boolean fresh;

    @Option(names = "--demo", description = "Ingest the demo wire feed and simulate readers so the site comes alive.")
    boolean demo;

    @Option(names = "--config", description = "A properties file with settings (see `inkstream config`).")
    Path config;

    @Override
    public void run() {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put(CommonConfig.HTTP_PORT.key(), port.toString());
        }
        if (kafkaPort != null) {
            overrides.put(CommonConfig.KAFKA_PORT.key(), kafkaPort.toString());
        }
        if (registryPort != null) {
            overrides.put(CommonConfig.REGISTRY_PORT.key(), registryPort.toString());
        }
        if (dataDir != null) {
            overrides.put(CommonConfig.DATA_DIR.key(), dataDir.toString());
        }
        InkstreamConfig configured = InkstreamConfig.from(Settings.load(config, overrides));
        Path data = configured.common().dataDir();
        // One owner per data directory: taken before anything in it is touched, --fresh's delete included.
        DataDirLock lock = DataDirLock.acquire(data);
        if (fresh) {
            lock.deleteContents();
        }

        long started = System.nanoTime();
        System.out.println("Starting Inkstream (data in " + data.toAbsolutePath().normalize() + ")");
        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(configured, Services.names(), System.out);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<EmbeddedStack> toClose = new AtomicReference<>(stack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Inkstream...");
            long t = System.nanoTime();
            toClose.get().close();
            lock.close();
            System.out.printf("Stopped in %.1f s. Data kept in %s%n", (System.nanoTime() - t) / 1e9, data.toAbsolutePath().normalize());
            stopped.countDown();
        }, "inkstream-shutdown"));

        boolean ready = stack.awaitReady(Duration.ofSeconds(60));
        int http = stack.httpPort();
        System.out.printf("%nInkstream is %s in %.1f s%n", ready ? "up" : "starting (some services not ready yet)",
                (System.nanoTime() - started) / 1e9);
        System.out.println("  site        http://localhost:" + http + "/");
        System.out.println("  ingest API  http://localhost:" + http + "/v1/items   (POST a wire item)");
        System.out.println("  popular     http://localhost:" + http + "/v1/popular?scope=all");
        System.out.println("  ninjs API   http://localhost:" + http + "/api/v1/articles");
        System.out.println("  health      http://localhost:" + http + "/health");
        System.out.println("  metrics     http://localhost:" + http + "/metrics");
        System.out.println("  registry    " + stack.registryUrl());
        System.out.println("  kafka       " + stack.bootstrapServers());
        if (demo) {
            Demo.start(stack, System.out);
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
