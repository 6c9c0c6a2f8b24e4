package io.inkstream.app;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.CommonSettings;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inkstream.renderer.RendererSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything in one JVM: a real KRaft broker, the schema registry, the topics, all four
 * services and the one HTTP server for the site and the APIs. What {@code inkstream up} runs.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private SchemaRegistryServer registry;
    private HttpServer http;
    private ServiceContext context;

    /** Starts the stack, printing one line per component to {@code out}. */
    public static EmbeddedStack start(Settings settings, List<String> serviceNames, PrintStream out) {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            stack.startAll(settings, serviceNames, new Progress(out));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings settings, List<String> serviceNames, Progress progress) {
        settings.validate(CommonSettings.ALL);
        Path dataDir = Path.of(settings.require(CommonSettings.DATA_DIR));
        // A busy site port should stop us before the broker and services have started.
        if (settings.get(CommonSettings.HTTP_PORT) != 0) {
            HttpServer.requireFree(settings.get(CommonSettings.HTTP_HOST), settings.get(CommonSettings.HTTP_PORT));
        }
        kafka = progress.step("kafka", "localhost:" + settings.get(CommonSettings.KAFKA_PORT),
                () -> EmbeddedKafka.start(dataDir.resolve("kafka"), settings.get(CommonSettings.KAFKA_PORT)));
        started.add(kafka);
        registry = progress.step("registry", "http://localhost:" + settings.get(CommonSettings.REGISTRY_PORT),
                () -> SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers())
                        .withPort(settings.get(CommonSettings.REGISTRY_PORT))));
        started.add(registry);

        Settings resolved = settings.with(Map.of(
                CommonSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                CommonSettings.REGISTRY_URL.key(), registry.url(),
                RendererSettings.VISITOR_SALT.key(), visitorSalt(settings, dataDir)));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context = ServiceContext.from(resolved, meters);
        progress.step("topics", context.topics().all().size() + " topics", () ->
                TopicProvisioner.ensure(kafka.bootstrapServers(), context.topics().all()));

        for (String name : serviceNames) {
            Service service = Services.create(name, context);
            progress.step(name, "started", () -> {
                service.start();
                return service;
            });
            services.add(service);
            started.add(service);
        }
        http = progress.step("http", "http://localhost:" + resolved.get(CommonSettings.HTTP_PORT), () ->
                HttpServer.start(resolved.get(CommonSettings.HTTP_HOST), resolved.get(CommonSettings.HTTP_PORT),
                        services, meters));
        started.add(http);
    }

    /**
     * The salt for visitor hashes: the configured one, else one made on first start and kept in
     * the data directory, so a restart still recognises returning visitors (dedup, unique counts).
     */
    private static String visitorSalt(Settings settings, Path dataDir) {
        String configured = settings.get(RendererSettings.VISITOR_SALT);
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("visitor-salt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String salt = HexFormat.of().formatHex(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, salt);
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the visitor salt in " + file, e);
        }
    }

    /** Waits until every service reports ready; false on timeout. */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (services.stream().allMatch(Service::ready)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public int httpPort() {
        return http.port();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ServiceContext context() {
        return context;
    }

    /** Stops everything in reverse start order: HTTP first, the broker last, so nothing in flight is lost. */
    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable c : reverse) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
