package io.inkstream.events.serde;

import com.sun.net.httpserver.HttpServer;
import io.inkstream.events.PageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's behaviour when the registry misbehaves, against a real HTTP server that answers
 * as an overloaded registry would: 5xx and connect errors are retried with backoff, 4xx are not.
 */
class RestSchemaRegistryClientRetryTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int failuresBefore, int failureStatus, AtomicInteger calls) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/schemas/ids/7", exchange -> {
            int call = calls.incrementAndGet();
            byte[] body;
            if (call <= failuresBefore) {
                body = ("{\"error_code\":" + (failureStatus == 404 ? 40403 : 50001) + ",\"message\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(failureStatus, body.length);
            } else {
                String schema = PageView.getClassSchema().toString().replace("\\", "\\\\").replace("\"", "\\\"");
                body = ("{\"schema\":\"" + schema + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static RestSchemaRegistryClient client(String url) {
        return new RestSchemaRegistryClient(new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, AvroSerdeConfig.RETRIES_WAIT_MS, 10,
                AvroSerdeConfig.MAX_RETRIES, 3)));
    }

    @Test
    void serverErrorsAreRetriedUntilTheRegistryAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(2, 503, calls);

        assertThat(client(url).schemaById(7)).isEqualTo(PageView.getClassSchema());
        assertThat(calls).hasValue(3);
    }

    @Test
    void schemaIsFetchedOnceThenServedFromTheCache() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RestSchemaRegistryClient client = client(serve(0, 503, calls));
        client.schemaById(7);
        client.schemaById(7);
        assertThat(calls).hasValue(1);
    }

    @Test
    void notFoundIsNotRetriedAndCarriesConfluentsErrorCode() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(10, 404, calls);

        assertThatThrownBy(() -> client(url).schemaById(7))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void anUnreachableRegistryFailsAfterItsRetriesWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> client(url).schemaById(7))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageContaining(url);
    }

    @Test
    void theSecondUrlIsTriedWhenTheFirstIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AtomicInteger calls = new AtomicInteger();
        String good = serve(0, 503, calls);
        assertThat(client("http://127.0.0.1:" + closedPort + "," + good).schemaById(7)).isNotNull();
    }
}
