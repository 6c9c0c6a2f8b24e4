package io.inkstream.bench;

import io.inkstream.events.EnrichedArticle;
import io.inkstream.events.Ranking;
import io.inkstream.events.Topics;
import io.inkstream.platform.Service;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.http.HttpServer;
import io.inkstream.renderer.RendererService;
import io.inkstream.renderer.RendererConfig;
import io.javalin.Javalin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renderer throughput (issue #6): article pages per second the real renderer serves over loopback HTTP
 * from a warm store (every article loaded, publishing finished), with exact p50/p99 latency, next to a
 * byte[] of the same size served by a route on the same Javalin server with the same client load (the
 * baseline, same run); and the time the renderer takes to render one page, without HTTP.
 */
public final class RendererThroughput {

    private static final Set<String> OPTIONS = Set.of("articles", "requests", "connections", "warmup", "max-seconds");
    private static final String SAME_SIZE_PATH = "/bench/same-size.html";
    private static final Duration SPACING = Duration.ofMinutes(10);

    private RendererThroughput() {
    }

    public static void main(String[] argv) throws Exception {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int articles = args.intValue("articles", 2000);
        int requests = args.intValue("requests", 20_000);
        int connections = args.intValue("connections", 8);
        int warmup = args.intValue("warmup", 2000);
        Duration limit = Duration.ofSeconds(args.intValue("max-seconds", 300));
        Report report = new Report("Renderer: article pages served from a warm store (issue #6)",
                RendererThroughput.class.getName(), args);

        try (BenchCluster cluster = BenchCluster.start()) {
            Topics topics = cluster.topics("render-");
            ServiceContext context = cluster.context(topics, "renderer",
                    Map.of(RendererConfig.VISITOR_SALT.key(), "bench-salt"));
            List<String> paths = loadStore(context, topics, articles);
            SameSizeFile sameSize = new SameSizeFile();
            try (TopicCounter published = new TopicCounter(cluster.bootstrapServers(), List.of(topics.articlesPublished().name()));
                 RendererService renderer = new RendererService(context);
                 HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(sameSize, renderer), null)) {
                renderer.start();
                awaitReady(renderer, limit);
                // the publisher writes every article once at start; wait, so serving is measured on a quiet process
                published.awaitTotal(articles, limit, "articles.published at start");
                Report.progress(String.format("store warm: %,d articles; renderer serving on port %d", articles, server.port()));

                HttpLoad load = new HttpLoad("http://127.0.0.1:" + server.port());
                HttpLoad.Result sizes = load.run("page sizes", i -> paths.get(i % paths.size()), Math.min(200, articles), 1, limit);
                if (sizes.errors() > 0) {
                    throw new IllegalStateException(sizes.errors() + " article pages did not answer 200");
                }
                sameSize.fill((int) sizes.meanBytes());

                double renderMicros = renderOnly(renderer, paths, Math.min(requests, 5000));

                Report.progress("HTTP warm-up: " + warmup + " article pages and " + warmup + " same-size files");
                load.run("warm-up articles", i -> paths.get(i % paths.size()), warmup, connections, limit);
                load.run("warm-up same-size", i -> SAME_SIZE_PATH, warmup, connections, limit);

                HttpLoad.Result pages = load.run("article pages", i -> paths.get(i % paths.size()), requests, connections, limit);
                HttpLoad.Result file = load.run("same-size byte[]", i -> SAME_SIZE_PATH, requests, connections, limit);

                report.columns("served", "requests", "pages/s", "p50 ms", "p99 ms", "max ms", "mean bytes", "errors");
                row(report, "article page (renderer)", pages);
                row(report, "same-size byte[] (baseline)", file);
                report.note("**article ÷ same-size byte[]: " + Report.ratio(pages.perSecond() / file.perSecond())
                        + " of the throughput; p50 latency × " + String.format("%.1f", pages.percentileMillis(50) / file.percentileMillis(50)) + "**");
                report.note(String.format("render only (RendererService.renderArticle on the same warm store, 1 thread, no HTTP): %.0f µs/page,"
                        + " %s pages/s", renderMicros, Report.perSecond(1e6 / renderMicros)));
                report.note(String.format("%,d articles in the store (20 topics, 9 sections, rankings for every section), requests"
                        + " cycle through all of them; %d concurrent connections (java.net.http, HTTP/1.1 keep-alive, loopback),"
                        + " closed loop; %,d warm-up requests of each kind first", articles, connections, warmup));
                report.note("one JVM holds broker, registry, renderer, Jetty and the load client: they share the cores");
            }
        }
        report.print();
    }

    /** Writes the enriched articles and the rankings the pages show; returns every article's path. */
    private static List<String> loadStore(ServiceContext context, Topics topics, int articles) {
        List<String> paths = new ArrayList<>();
        Map<String, List<EnrichedArticle>> bySection = new LinkedHashMap<>();
        List<EnrichedArticle> newest = new ArrayList<>();
        Instant now = Instant.now();
        Instant first = now.minus(SPACING.multipliedBy(articles));
        try (Producer<String, EnrichedArticle> producer = new KafkaProducer<>(context.producerProperties("bench-enriched"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(topics.articlesEnriched()).serializer())) {
            for (int n = 0; n < articles; n++) {
                Instant at = first.plus(SPACING.multipliedBy(n));
                EnrichedArticle e = SyntheticArticles.enriched(n, at, SPACING);
                producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), e.getArticle().getId(), e));
                paths.add(e.getCanonicalPath());
                bySection.computeIfAbsent(RendererService.sectionSlug(e.getArticle().getSection()), s -> new ArrayList<>()).add(0, e);
                newest.add(0, e);
                if (newest.size() > 10) {
                    newest.remove(newest.size() - 1);
                }
            }
            producer.flush();
        }
        try (Producer<String, Ranking> producer = new KafkaProducer<>(context.producerProperties("bench-rankings"),
                context.serdes().keySerde().serializer(), context.serdes().valueSerde(topics.popularityTop24h()).serializer())) {
            producer.send(new ProducerRecord<>(topics.popularityTop24h().name(), "all",
                    SyntheticArticles.ranking("all", newest, now)));
            bySection.forEach((slug, list) -> producer.send(new ProducerRecord<>(topics.popularityTop24h().name(), slug,
                    SyntheticArticles.ranking(slug, list.subList(0, Math.min(10, list.size())), now))));
            producer.flush();
        }
        return paths;
    }

    private static void awaitReady(RendererService renderer, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!renderer.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("renderer not ready within " + limit.toSeconds() + " s");
            }
            TopicCounter.sleep(50);
        }
    }

    /** Mean microseconds the renderer takes per article page, on its own stores, after a warm-up. */
    private static double renderOnly(RendererService service, List<String> paths, int pages) {
        long bytes = 0;
        for (int i = 0; i < pages; i++) {
            bytes += service.renderArticle(paths.get(i % paths.size())).length();
        }
        long start = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            bytes += service.renderArticle(paths.get(i % paths.size())).length();
        }
        double micros = (System.nanoTime() - start) / 1e3 / pages;
        Report.progress(String.format("render only: %,d pages, %.0f µs each (%,d chars rendered)", pages, micros, bytes));
        return micros;
    }

    private static void row(Report report, String label, HttpLoad.Result r) {
        report.row(label, r.requests(), Report.perSecond(r.perSecond()), String.format("%.2f", r.percentileMillis(50)),
                String.format("%.2f", r.percentileMillis(99)), String.format("%.1f", r.percentileMillis(100)), r.meanBytes(), r.errors());
    }

    /**
     * The baseline route: an HTML body of a given length from memory, on the same server, registered
     * before the renderer's catch-all so it is matched first.
     */
    private static final class SameSizeFile implements Service {

        private volatile byte[] body = new byte[0];

        void fill(int length) {
            byte[] bytes = new byte[length];
            byte[] line = "<p>Inkstream same-size baseline body, served from a byte[] in memory.</p>\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < length; i++) {
                bytes[i] = line[i % line.length];
            }
            body = bytes;
        }

        @Override
        public String name() {
            return "bench-same-size";
        }

        @Override
        public void start() {
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void routes(Javalin app) {
            app.get(SAME_SIZE_PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(body));
        }

        @Override
        public void close() {
        }
    }
}
