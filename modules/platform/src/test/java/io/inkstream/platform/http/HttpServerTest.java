package io.inkstream.platform.http;

import io.inkstream.platform.Service;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** A service whose readiness the test controls and whose route fails with a problem. */
    static class FakeService implements Service {
        final AtomicBoolean ready = new AtomicBoolean();

        public String name() { return "fake"; }
        public void start() { }
        public boolean ready() { return ready.get(); }
        public void close() { }

        @Override
        public void routes(Javalin app) {
            app.get("/v1/fail", ctx -> { throw new HttpProblem(422, "missing-headline", "the item has no headline"); });
        }
    }

    @Test
    void readinessFollowsTheServicesAndMetricsArePrometheusText() throws Exception {
        FakeService service = new FakeService();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("inkstream.test.items").register(meters).increment(3);
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(service), meters)) {
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> starting = get(server, "/health/ready");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("\"fake\":\"STARTING\"");

            service.ready.set(true);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.body()).contains("inkstream_test_items_total 3.0");
        }
    }

    @Test
    void healthIsRestoringWithProgressUntilTheServiceProcesses() throws Exception {
        FakeService restoring = new FakeService() {
            @Override
            public io.inkstream.platform.ServiceStatus status() {
                return ready.get() ? super.status() : new io.inkstream.platform.ServiceStatus("RESTORING",
                        Map.of("popularity-minute-buckets", Map.of("restored", 1200L, "total", 5000L)));
            }
        };
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(restoring), null)) {
            HttpResponse<String> health = get(server, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.headers().firstValue("Retry-After")).isPresent();
            assertThat(health.body()).contains("\"status\":\"RESTORING\"", "\"fake\":\"RESTORING\"",
                    "\"restored\":1200", "\"total\":5000");

            restoring.ready.set(true);
            HttpResponse<String> up = get(server, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"").doesNotContain("progress");
        }
    }

    @Test
    void problemsBecomeJsonErrorsWithTheirStatus() throws Exception {
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(new FakeService()), null)) {
            HttpResponse<String> response = get(server, "/v1/fail");
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("\"error\":\"missing-headline\"", "the item has no headline");
        }
    }

    @Test
    void busyPortIsAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> HttpServer.start("127.0.0.1", taken.getLocalPort(), List.of(), null))
                    .hasMessageContaining("already in use");
        }
    }

    private HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
