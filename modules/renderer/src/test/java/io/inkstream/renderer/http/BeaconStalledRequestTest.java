package io.inkstream.renderer.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beacon fuzzer's one finding, {@code BeaconFuzzTestInputs/bodyAndUserAgent/stalled-request.bin}: during a
 * fuzzing run one request stayed unanswered (the server waiting in Jetty's body read, the client for the answer).
 * Jazzer's regression mode replays it in {@code BeaconFuzzTest}; this test sends its bytes as the body, with and
 * without its printable start as the User-Agent, many times over, with the JDK client both in HTTP/1.1 and in its
 * default HTTP/2 (an {@code Upgrade: h2c} on a POST with a body: what the fuzzer's client sent at the time), each
 * request bounded at 10 s. Every one must end as 204 or a 4xx: a hang fails the test instead of stalling it.
 */
class BeaconStalledRequestTest {

    private static final int REPEATS = 200;
    private static BeaconServer server;
    private static byte[] input;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = BeaconStalledRequestTest.class.getResourceAsStream("BeaconFuzzTestInputs/bodyAndUserAgent/stalled-request.bin")) {
            input = in.readAllBytes();
        }
        server = BeaconServer.start("stall-salt");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void theStalledInputIsAnsweredEveryTime(HttpClient.Version version) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(version).build();
        String userAgent = new String(input, 0, 27, StandardCharsets.ISO_8859_1); // "Mozilla/5.0zillI0a/5 d.\"z d"
        for (int i = 0; i < REPEATS; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/beacon"))
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(input));
            if (i % 2 == 0) {
                request.header("User-Agent", userAgent);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).as("request %d over %s", i, version).matches(s -> s == 204 || (s >= 400 && s < 500));
        }
    }
}
