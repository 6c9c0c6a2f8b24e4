package io.inkstream.renderer.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of {@code POST /v1/beacon} through the project's real shared HTTP server (no Kafka:
 * the sink acknowledges at once). The property: any body and user agent end as 204, or a 4xx with an error
 * code and a message; never a 500, never an exception out of the handler.
 *
 * <p>In {@code mvn verify} these run in Jazzer's regression mode over the seeds in
 * {@code BeaconFuzzTestInputs/<method>/} (beacons from this module's tests) and any findings kept there;
 * {@code JAZZER_FUZZ=1} fuzzes (renderer README, "Fuzzing").
 */
class BeaconFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
    /** HTTP/1.1, as browsers send beacons (no h2c upgrade on a request with a body). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static BeaconServer server;

    @BeforeAll
    static void start() {
        server = BeaconServer.start("fuzz-salt");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "5m")
    void body(byte[] data) throws Exception {
        check(data, BROWSER);
    }

    @FuzzTest(maxDuration = "5m")
    void bodyAndUserAgent(FuzzedDataProvider data) throws Exception {
        String userAgent = data.consumeString(300);
        check(data.consumeRemainingAsBytes(), userAgent);
    }

    private static void check(byte[] body, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/beacon"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .timeout(Duration.ofSeconds(10)) // a request left unanswered is a finding (a hang), not a stuck test
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!userAgent.isEmpty() && userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("User-Agent", userAgent); // what an HTTP client can send at all
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        if (status == 204) {
            return;
        }
        assertThat(status).as("status for %s", answer.body()).isBetween(400, 499);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("error").asText()).isNotBlank();
        assertThat(problem.path("message").asText()).isNotBlank();
    }
}
