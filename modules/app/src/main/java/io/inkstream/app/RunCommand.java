package io.inkstream.app;

import io.inkstream.platform.DataDirLock;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.config.CommonConfig;
import io.inkstream.platform.config.Settings;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.platform.kafka.TopicProvisioner;
import io.inkstream.registry.SchemaRegistryServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code inkstream run SERVICE}: one service alone against any Kafka cluster and
 * Confluent-compatible registry (how docker-compose runs the jar).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one service (ingest, enrich, popularity, renderer, or registry) against an existing "
                + "Kafka and schema registry, configured by environment variables (see `inkstream config`).")
final class RunCommand implements Runnable {

    @Parameters(index = "0", description = "ingest, enrich, popularity, renderer or registry")
    String service;

    @Option(names = "--config", description = "A properties file with settings.")
    Path config;

    @Override
    public void run() {
        InkstreamConfig configured = InkstreamConfig.from(Settings.load(config, Map.of()));
        CommonConfig common = configured.common();
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable running;
        if ("registry".equals(service)) {
            SchemaRegistryServer registry = SchemaRegistryServer.start(configured.registry());
            System.out.println("registry ready on " + registry.url());
            running = registry;
        } else {
            // One owner per data directory (its state stores, its instance id): refused before anything is touched.
            DataDirLock lock = DataDirLock.acquire(common.dataDir());
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ServiceContext context = ServiceContext.from(common, configured.settings(), meters);
            Service svc = Services.create(service, context, configured);
            TopicProvisioner.ensure(context.bootstrapServers(), context.topics().all());
            svc.start();
            HttpServer http = HttpServer.start(common.httpHost(), common.httpPort(), List.of(svc), meters);
            System.out.println(service + " started; HTTP on port " + http.port());
            running = () -> {
                http.close();
                svc.close();
                lock.close();
            };
        }
        AutoCloseable toClose = running;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                toClose.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            }
            stopped.countDown();
        }, "inkstream-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
