package io.inkstream.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the registry's JSON request bodies over real HTTP, on the module's shared broker:
 * register, lookup, compatibility and config. The property: any body ends as a 2xx, or a 4xx in Confluent's
 * error shape with an error code and a message; never a 500 (which the routes give any exception they did not
 * expect).
 *
 * <p>In {@code mvn verify} these run in Jazzer's regression mode over the seeds in
 * {@code RequestBodyFuzzTestInputs/<method>/} (request bodies of this module's tests) and the findings kept
 * there; {@code JAZZER_FUZZ=1} fuzzes (registry README, "Fuzzing").
 */
class RequestBodyFuzzTest {

    @RegisterExtension
    static final RegistryUnderTest registry = new RegistryUnderTest();
    private static final String SUBJECT = "fuzz-value";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String baseUrl;

    @BeforeAll
    static void registerOneVersion() {
        registry.http().register(SUBJECT, Schemas.VIEW_V1);
        baseUrl = registry.http().baseUrl();
    }

    @FuzzTest(maxDuration = "5m")
    void register(byte[] body) throws Exception {
        check("POST", "/subjects/" + SUBJECT + "/versions", body);
    }

    @FuzzTest(maxDuration = "5m")
    void lookup(byte[] body) throws Exception {
        check("POST", "/subjects/" + SUBJECT, body);
    }

    @FuzzTest(maxDuration = "5m")
    void compatibility(byte[] body) throws Exception {
        check("POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest?verbose=true", body);
    }

    @FuzzTest(maxDuration = "5m")
    void config(byte[] body) throws Exception {
        check("PUT", "/config/" + SUBJECT, body);
    }

    /** Finding of the first run (corpus file register/finding-reference-without-subject.json): was a 500. */
    @Test
    void aReferenceWithoutSubjectIsRefusedWith422() throws Exception {
        String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Page\\\",\\\"fields\\\":"
                + "[{\\\"name\\\":\\\"view\\\",\\\"type\\\":\\\"test.View\\\"}]}\","
                + "\"references\":[{\"name\":\"test.View\",\"version\":1}]}";
        for (String path : List.of("/subjects/" + SUBJECT + "/versions", "/subjects/" + SUBJECT,
                "/compatibility/subjects/" + SUBJECT + "/versions/latest")) {
            RegistryHttp.Answer refused = registry.http().post(path, body);
            assertThat(refused.status()).as(path).isEqualTo(422);
            assertThat(refused.body().path("message").asText()).as(path).contains("a reference needs a name, a subject");
        }
    }

    private static void check(String method, String path, byte[] body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        assertThat(status).as("%s %s answered %s", method, path, answer.body()).isBetween(200, 499);
        if (status >= 300) {
            JsonNode error = RegistryHttp.JSON.readTree(answer.body());
            assertThat(error.path("error_code").asInt()).as(answer.body()).isPositive();
            assertThat(error.path("message").asText()).as(answer.body()).isNotBlank();
        }
    }
}
