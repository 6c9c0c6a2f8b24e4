package io.inkstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Registry lookups (issue #11): a closed loop of {@code --connections} clients (100, as in the
 * published comparison of Confluent's, Apicurio's and Karapace's registries) against the
 * project's registry holding {@code --schemas} registered schemas (1,000): schemas fetched by id
 * ({@code GET /schemas/ids/{id}}, what a deserializer asks) and schemas looked up for their id
 * ({@code POST /subjects/{s}}, what a serializer asks), next to {@code GET /}, a trivial route on
 * the same HTTP server, in the same run (the baseline).
 */
public final class RegistryLookupThroughput {

    private static final Set<String> OPTIONS = Set.of("schemas", "requests", "connections", "warmup", "max-seconds");
    private static final String JSON_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Confluent's registry, 2 CPUs, 100 clients, 1,000 schemas, id lookups (Apicurio's benchmark issues). */
    private static final double CONFLUENT_REFERENCE_PER_SECOND = 6_100;

    private RegistryLookupThroughput() {
    }

    public static void main(String[] argv) throws Exception {
        DriverArgs args = new DriverArgs(argv, OPTIONS);
        int schemas = args.intValue("schemas", 1000);
        int requests = args.intValue("requests", 60_000);
        int connections = args.intValue("connections", 100);
        int warmup = args.intValue("warmup", 20_000);
        Duration limit = Duration.ofSeconds(args.intValue("max-seconds", 300));
        Report report = new Report("Registry: schema lookups by id and by schema, 100 clients (issue #11)",
                RegistryLookupThroughput.class.getName(), args);

        try (BenchCluster cluster = BenchCluster.start()) {
            String url = cluster.registryUrl();
            List<Integer> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            register(url, schemas, ids, bodies, limit);

            HttpLoad load = new HttpLoad(url);
            Report.progress(String.format("HTTP warm-up: %,d requests of each kind", warmup));
            load.run("warm-up trivial", i -> "/", warmup, connections, limit);
            load.run("warm-up by id", i -> "/schemas/ids/" + ids.get(i % schemas), warmup, connections, limit);
            load.post("warm-up by schema", i -> "/subjects/" + subject(i % schemas), i -> bodies.get(i % schemas),
                    JSON_TYPE, warmup, connections, limit);

            // The baseline runs first and last: on a shared machine the load moves during the run.
            HttpLoad.Result trivialFirst = load.run("GET / (first)", i -> "/", requests, connections, limit);
            HttpLoad.Result byId = load.run("GET /schemas/ids/{id}", i -> "/schemas/ids/" + ids.get(i % schemas),
                    requests, connections, limit);
            HttpLoad.Result bySchema = load.post("POST /subjects/{s}", i -> "/subjects/" + subject(i % schemas),
                    i -> bodies.get(i % schemas), JSON_TYPE, requests, connections, limit);
            HttpLoad.Result uncached = load.post("POST /subjects/{s}, answer not cached", i -> "/subjects/" + subject(i % schemas),
                    i -> withNonce(bodies.get(i % schemas), i), JSON_TYPE, requests, connections, limit);
            HttpLoad.Result trivialLast = load.run("GET / (last)", i -> "/", requests, connections, limit);
            double trivial = (trivialFirst.perSecond() + trivialLast.perSecond()) / 2;

            report.columns("request", "requests", "requests/s", "p50 ms", "p99 ms", "max ms", "mean bytes", "errors",
                    "÷ trivial route", "÷ Confluent 6,100/s");
            row(report, "GET / (trivial route, baseline; first)", trivialFirst, trivial);
            row(report, "GET /schemas/ids/{id}", byId, trivial);
            row(report, "POST /subjects/{s} (schema → id)", bySchema, trivial);
            row(report, "POST /subjects/{s}, every body new (answer not cached)", uncached, trivial);
            row(report, "GET / (trivial route, baseline; last)", trivialLast, trivial);
            report.note("÷ trivial route: against the mean of the two baseline runs, "
                    + Report.perSecond(trivial) + " requests/s");
            report.note("\"every body new\": the same lookups with an ignored field whose value differs per request,"
                    + " so the kept answer is never reused (the parsed schema still is): what the answer cache saves");
            report.note(String.format("%,d schemas registered, one per subject (records of 3–12 fields); requests cycle"
                    + " through all of them; %d concurrent connections (java.net.http, HTTP/1.1 keep-alive, loopback),"
                    + " closed loop; %,d warm-up requests of each kind first", schemas, connections, warmup));
            report.note("reference: Confluent's registry serves about 6,100 id lookups/s (median) on 2 CPUs with 100 clients"
                    + " and 1,000 schemas, Apicurio's Confluent API about 5,000/s, Karapace about 630/s (Apicurio's"
                    + " benchmark issues #9858/#9883/#9887); there the load came from another machine, here the client"
                    + " shares the 2 cores with the registry, the broker and Jetty");
            if (byId.errors() + bySchema.errors() + uncached.errors() + trivialFirst.errors() + trivialLast.errors() > 0) {
                report.note("**errors: some requests did not answer 200; the rates above are not valid**");
            }
        }
        report.print();
    }

    /** The same lookup body with a field the registry ignores, different for every request. */
    static String withNonce(String body, int i) {
        return body.substring(0, body.length() - 1) + ",\"benchNonce\":" + i + "}";
    }

    static String subject(int n) {
        return "bench-lookup-" + n + "-value";
    }

    /** A record of 3 to 12 fields, distinct per n. */
    static String schema(int n) {
        StringBuilder fields = new StringBuilder();
        for (int f = 0; f < 3 + n % 10; f++) {
            fields.append(f == 0 ? "" : ",").append("{\"name\":\"field").append(f).append("\",\"type\":")
                    .append(f % 3 == 0 ? "\"long\"" : f % 3 == 1 ? "\"string\"" : "[\"null\",\"string\"],\"default\":null")
                    .append('}');
        }
        return "{\"type\":\"record\",\"name\":\"Lookup" + n + "\",\"namespace\":\"bench.lookup\",\"fields\":[" + fields + "]}";
    }

    private static void register(String url, int schemas, List<Integer> ids, List<String> bodies, Duration limit)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long lastPrint = start;
        for (int n = 0; n < schemas; n++) {
            String body = JSON.createObjectNode().put("schema", schema(n)).toString();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject(n) + "/versions"))
                    .header("Content-Type", JSON_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("registering " + subject(n) + " answered " + r.statusCode() + ": " + r.body());
            }
            ids.add(JSON.readTree(r.body()).get("id").asInt());
            bodies.add(body);
            long now = System.nanoTime();
            if (now - lastPrint >= 5_000_000_000L) {
                Report.progress(String.format("registered %,d/%,d schemas", n + 1, schemas));
                lastPrint = now;
            }
            if (now - start > limit.toNanos()) {
                throw new IllegalStateException("registering " + schemas + " schemas took over " + limit.toSeconds() + " s");
            }
        }
        Report.progress(String.format("registered %,d schemas in %.1f s", schemas, (System.nanoTime() - start) / 1e9));
    }

    private static void row(Report report, String label, HttpLoad.Result r, double baselinePerSecond) {
        report.row(label, r.requests(), Report.perSecond(r.perSecond()), String.format("%.2f", r.percentileMillis(50)),
                String.format("%.2f", r.percentileMillis(99)), String.format("%.1f", r.percentileMillis(100)), r.meanBytes(),
                r.errors(), Report.ratio(r.perSecond() / baselinePerSecond),
                Report.ratio(r.perSecond() / CONFLUENT_REFERENCE_PER_SECOND));
    }
}
