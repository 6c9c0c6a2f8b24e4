package io.inkstream.bench;

import io.inkstream.events.PageView;
import io.inkstream.events.serde.AvroSerdeConfig;
import io.inkstream.events.serde.RestSchemaRegistryClient;
import io.inkstream.platform.kafka.EmbeddedKafka;
import io.inkstream.registry.RegistryConfig;
import io.inkstream.registry.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Schema lookups against the real registry (embedded broker + our server, over HTTP): the
 * client's cached lookup (what every record pays), next to GET /schemas/ids/{id} over a kept-alive
 * HTTP connection, answered by the server from its in-memory view (what a client pays once per id).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RegistryLookupBenchmark {

    private EmbeddedKafka kafka;
    private SchemaRegistryServer server;
    private RestSchemaRegistryClient cached;
    private String url;
    private int id;
    private HttpClient http;
    private HttpRequest byId;
    private final Schema schema = PageView.getClassSchema();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("bench-registry");
        kafka = EmbeddedKafka.start(dir, 0);
        server = SchemaRegistryServer.start(RegistryConfig.forKafka(kafka.bootstrapServers()));
        url = server.url();
        cached = client();
        id = cached.register("pageviews-value", schema);
        http = HttpClient.newHttpClient();
        byId = HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + id)).build();
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
        kafka.close();
    }

    @Benchmark
    public Schema cachedSchemaById() {
        return cached.schemaById(id);
    }

    @Benchmark
    public int cachedRegister() {
        return cached.register("pageviews-value", schema);
    }

    @Benchmark
    public String serverSchemaByIdOverHttp() throws Exception {
        return http.send(byId, HttpResponse.BodyHandlers.ofString()).body();
    }
}
