package io.inkstream.app;

import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.CommonConfig;
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

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private InkstreamConfig config;

    /** Starts the stack from settings resolved here, once; see {@link #start(InkstreamConfig, List, PrintStream)}. */
    public static EmbeddedStack start(Settings settings, List<String> serviceNames, PrintStream out) {
        return start(InkstreamConfig.from(settings), serviceNames, out);
    }

    /** Starts the stack, printing one line per component to {@code out}. */
    public static EmbeddedStack start(InkstreamConfig config, List<String> serviceNames, PrintStream out) {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            stack.startAll(config, serviceNames, new Progress(out));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The services and the HTTP server only, against the broker and registry {@code config} names (no broker or
     * registry of its own): for tests that stop and start the broker under a running stack.
     */
    public static EmbeddedStack startServices(InkstreamConfig config, List<String> serviceNames, PrintStream out) {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            stack.startServices(config, config.common(), serviceNames, new Progress(out));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(InkstreamConfig configured, List<String> serviceNames, Progress progress) {
        CommonConfig common = configured.common();
        // A busy site port should stop us before the broker and services have started.
        if (common.httpPort() != 0) {
            HttpServer.requireFree(common.httpHost(), common.httpPort());
        }
        kafka = progress.step("kafka", "localhost:" + common.kafkaPort(),
                () -> EmbeddedKafka.start(common.dataDir().resolve("kafka"), common.kafkaPort(), common.kafkaFlushEveryMessage()));
        started.add(kafka);
        RegistryConfig registryConfig = configured.registry();
        registry = progress.step("registry", "http://localhost:" + common.registryPort(),
                () -> SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers())
                        .withPort(common.registryPort())
                        .withTopic(registryConfig.topic())
                        .withDefaultCompatibility(registryConfig.defaultCompatibility())));
        started.add(registry);

        startServices(configured, common.withCluster(kafka.bootstrapServers(), registry.url()), serviceNames, progress);
    }

    private void startServices(InkstreamConfig configured, CommonConfig resolved, List<String> serviceNames,
                               Progress progress) {
        RegistryConfig registryConfig = configured.registry();
        config = new InkstreamConfig(resolved, registryConfig, configured.ingest(), configured.enrich(),
                configured.popularity(), configured.renderer(), configured.demo(), configured.settings().with(Map.of(
                        CommonConfig.BOOTSTRAP_SERVERS.key(), resolved.bootstrapServers(),
                        CommonConfig.REGISTRY_URL.key(), resolved.registryUrl())));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context = ServiceContext.from(resolved, config.settings(), meters);
        progress.step("topics", context.topics().all().size() + " topics", () ->
                TopicProvisioner.ensure(resolved.bootstrapServers(), context.topics().all()));

        startSideBySide(serviceNames.stream().map(name -> Services.create(name, context, config)).toList(), progress);
        http = progress.step("http", "http://localhost:" + resolved.httpPort(), () ->
                HttpServer.start(resolved.httpHost(), resolved.httpPort(), services, meters));
        started.add(http);
    }

    /**
     * Starts the services at once, one thread each: none waits on another to start (each joins its own group and
     * restores its own stores), so a restart after a crash takes the slowest one's time, not the sum (decision
     * 0040). Each line is printed in start order with the time from the common start. When one fails, the others
     * are still awaited and kept for {@link #close}, and the first failure is thrown.
     */
    private void startSideBySide(List<Service> created, Progress progress) {
        ExecutorService starter = Executors.newFixedThreadPool(Math.max(1, created.size()), runnable -> {
            Thread thread = new Thread(runnable, "inkstream-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long since = System.nanoTime();
            List<CompletableFuture<Void>> starting = created.stream()
                    .map(service -> CompletableFuture.runAsync(service::start, starter)).toList();
            RuntimeException failure = null;
            for (int i = 0; i < created.size(); i++) {
                Service service = created.get(i);
                CompletableFuture<Void> start = starting.get(i);
                try {
                    progress.stepSince(since, service.name(), "started", start::join);
                    services.add(service);
                    started.add(service);
                } catch (CompletionException e) {
                    started.add(service); // half started: closed with the rest
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starter.shutdown();
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
        return config.common().registryUrl();
    }

    public String bootstrapServers() {
        return config.common().bootstrapServers();
    }

    public ServiceContext context() {
        return context;
    }

    /** The configuration the stack runs with, pointing at its broker and registry. */
    public InkstreamConfig config() {
        return config;
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
