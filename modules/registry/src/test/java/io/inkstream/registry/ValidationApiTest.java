package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.inkstream.registry.Requests.record;
import static io.inkstream.registry.Requests.withIdAndVersion;
import static org.assertj.core.api.Assertions.assertThat;

/** What Confluent's RestApiTest and RestApiCompatibilityTest assert a registry refuses, and how. */
class ValidationApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    private static final String F_STRING = "{\"type\":\"record\",\"name\":\"Checked\",\"fields\":["
            + "{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\"}]}";
    private static final String F1_ONLY = "{\"type\":\"record\",\"name\":\"Checked\",\"fields\":["
            + "{\"name\":\"f1\",\"type\":\"string\"}]}";
    private static final String F1_F3 = "{\"type\":\"record\",\"name\":\"Checked\",\"fields\":["
            + "{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f3\",\"type\":\"string\"}]}";
    private static final String BAD_DEFAULT = "{\"type\":\"record\",\"name\":\"BadDefault\",\"fields\":["
            + "{\"name\":\"f\",\"type\":\"string\",\"default\":null}]}";

    @Test
    void aSubjectWithControlCharactersAnswers42208() {
        String subject = URLEncoder.encode("\rbad\nsubject\t", StandardCharsets.UTF_8);
        Answer refused = http.registerBody(subject, RegistryHttp.schemaBody(record("BadSubject", "a")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42208);
    }

    @Test
    void anExplicitVersionThatIsNotTheNextOneAnswers42201() {
        http.put("/config/explicit-version", "{\"compatibility\":\"NONE\"}");
        http.register("explicit-version", record("Explicit1", "a"));

        Answer skipped = http.registerBody("explicit-version", withIdAndVersion(record("Explicit2", "a"), null, 5));
        assertThat(skipped.status()).isEqualTo(422);
        assertThat(skipped.errorCode()).isEqualTo(42201);

        Answer next = http.registerBody("explicit-version", withIdAndVersion(record("Explicit2", "a"), null, 2));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void versionMinusOneMeansNoVersion() {
        Answer a = http.registerBody("version-minus-one", withIdAndVersion(record("MinusOne", "a"), null, -1));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anIncompatibleSchemaAnswers409With40901NamingOldSchemaVersionAndCompatibility() {
        http.register("incompatible", F_STRING);
        http.register("incompatible", F1_ONLY);
        http.put("/config/incompatible", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}");

        assertThat(http.post("/compatibility/subjects/incompatible/versions/latest", RegistryHttp.schemaBody(F1_F3))
                .body().get("is_compatible").asBoolean()).as("compatible with the latest").isTrue();
        // RestService sends this one with a trailing slash
        assertThat(http.post("/compatibility/subjects/incompatible/versions/", RegistryHttp.schemaBody(F1_F3))
                .body().get("is_compatible").asBoolean()).as("not with every version").isFalse();

        Answer refused = http.registerBody("incompatible", RegistryHttp.schemaBody(F1_F3));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(40901);
        assertThat(refused.body().get("message").asText()).contains("oldSchemaVersion:", "oldSchema:", "compatibility:");
    }

    @Test
    void verboseCompatibilityOfAnInvalidSchemaAnswersFalseWithTheReason() {
        Answer verbose = http.post("/compatibility/subjects/invalid-check/versions?verbose=true",
                RegistryHttp.schemaBody(BAD_DEFAULT));
        assertThat(verbose.status()).isEqualTo(200);
        assertThat(verbose.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.body().get("messages").get(0).asText()).contains("Invalid schema");
    }

    @Test
    void anInvalidDefaultAnswers42201OnRegisterAndOnAPlainCompatibilityCheck() {
        assertThat(http.post("/compatibility/subjects/invalid-default/versions/latest", RegistryHttp.schemaBody(BAD_DEFAULT))
                .errorCode()).isEqualTo(42201);
        assertThat(http.registerBody("invalid-default", RegistryHttp.schemaBody(BAD_DEFAULT)).errorCode()).isEqualTo(42201);
    }

    @Test
    void compatibilityAgainstAnUnknownSubjectSucceeds() {
        String body = RegistryHttp.schemaBody(record("NoSubject", "a"));
        assertThat(http.post("/compatibility/subjects/no-such-subject/versions/latest", body)
                .body().get("is_compatible").asBoolean()).isTrue();
        assertThat(http.post("/compatibility/subjects/no-such-subject/versions", body)
                .body().get("is_compatible").asBoolean()).isTrue();
    }
}
