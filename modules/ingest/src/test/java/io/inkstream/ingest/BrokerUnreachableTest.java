package io.inkstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real ingest service and its real producer, with no broker where the settings point: nothing is
 * acknowledged, so nothing is confirmed. Every push is answered 503 with Retry-After, within the
 * producer's bounded timeouts (seconds, not the client default of two minutes), and a dropped file
 * stays in the inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerUnreachableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedIngest ingest;
    private Path drop;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed
        }
        Path data = Files.createTempDirectory("ingest-no-broker-");
        drop = data.resolve("drop");
        ServiceContext context = ServiceContext.forTest("127.0.0.1:" + closedPort, "mock://no-broker-" + UUID.randomUUID(),
                Topics.withPrefix("nobroker-"), data, Map.of(IngestConfig.DROP_FOLDER.key(), drop.toString(),
                        IngestConfig.DROP_SCAN_INTERVAL.key(), "1h"));
        ingest = ServedIngest.start(context);
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(ingest.items())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pushedItemIsAnswered503WithRetryAfterWithinSeconds() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = post(Fixtures.ecnsPageBytes(), "text/plain");
        long took = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unavailable");
        assertThat(took).as("answered within the producer's bounded timeouts (ms)").isLessThan(15_000);
    }

    @Test
    void batchUploadIsAnswered503WithRetryAfterAndNoFileConfirmed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xi.txt"));
            zip.write(Fixtures.ecnsPageBytes());
            zip.closeEntry();
        }
        HttpResponse<String> response = post(bytes.toByteArray(), "application/zip");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("files")).isEmpty();
    }

    @Test
    void droppedFileStaysInTheInboxUntilTheBrokerAcknowledges() throws Exception {
        Path file = drop.resolve("inbox/xi.txt");
        Files.write(file, Fixtures.ecnsPageBytes());

        ingest.service().folder().scanOnce();

        assertThat(file).exists();
        assertThat(drop.resolve("done/xi.txt")).doesNotExist();
    }
}
