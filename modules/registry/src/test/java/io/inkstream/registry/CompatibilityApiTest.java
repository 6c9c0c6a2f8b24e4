package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Schemas.VIEW_REFERRER_REQUIRED;
import static io.inkstream.registry.Schemas.VIEW_V1;
import static io.inkstream.registry.Schemas.VIEW_V2_SECTION_WITH_DEFAULT;
import static io.inkstream.registry.Schemas.VIEW_WITHOUT_VISITOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Compatibility levels (global, per subject) and the checks they impose on new versions. */
class CompatibilityApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = new RegistryUnderTest();
    private static final RegistryHttp http = registry.http();

    /** A record "T" with the given field declarations. */
    private static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"T\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String B_STRING = "{\"name\":\"b\",\"type\":\"string\"}";
    private static final String B_STRING_DEFAULT = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}";
    private static final String B_INT_DEFAULT = "{\"name\":\"b\",\"type\":\"int\",\"default\":0}";

    private static void setLevel(String subject, String level) {
        Answer a = http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
    }

    private static Answer tryRegister(String subject, String schema) {
        return http.post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(schema));
    }

    @Test
    void theDefaultGlobalLevelIsBackward() {
        Answer a = http.get("/config");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void subjectLevelOverridesAndFallsBackToGlobal() {
        http.register("config-value", VIEW_V1);
        Answer unset = http.get("/config/config-value");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/config-value?defaultToGlobal=true").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        Answer put = http.put("/config/config-value", "{\"compatibility\":\"full\"}");
        assertThat(put.body().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config/config-value").body().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

        Answer removed = http.delete("/config/config-value");
        assertThat(removed.body().get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(http.get("/config/config-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void anUnknownLevelAnswers42203() {
        Answer a = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.errorCode()).isEqualTo(42203);
        assertThat(http.put("/config/x-value", "{}").errorCode()).isEqualTo(42203);
    }

    @Test
    void anIncompatibleChangeUnderBackwardIsRefusedWith409() {
        http.register("backward-value", VIEW_V1);

        Answer refused = tryRegister("backward-value", VIEW_REFERRER_REQUIRED);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).as("Confluent's current code for an incompatible schema").isEqualTo(40901);
        assertThat(refused.body().get("message").asText()).contains("incompatible", "referrer");
        assertThat(http.get("/subjects/backward-value/versions").body().toString()).isEqualTo("[1]");
        assertThat(tryRegister("backward-value", VIEW_WITHOUT_VISITOR).status()).isEqualTo(200);
    }

    @Test
    void compatibilityEndpointAnswersWithoutRegistering() {
        http.register("check-value", VIEW_V1);

        Answer ok = http.post("/compatibility/subjects/check-value/versions/latest",
                RegistryHttp.schemaBody(VIEW_V2_SECTION_WITH_DEFAULT));
        assertThat(ok.body().toString()).isEqualTo("{\"is_compatible\":true}");

        Answer bad = http.post("/compatibility/subjects/check-value/versions/1?verbose=true",
                RegistryHttp.schemaBody(VIEW_REFERRER_REQUIRED));
        assertThat(bad.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(bad.body().get("messages").toString()).contains("referrer");

        assertThat(http.get("/subjects/check-value/versions").body().toString()).isEqualTo("[1]");
        assertThat(http.post("/compatibility/subjects/check-value/versions/5", RegistryHttp.schemaBody(VIEW_V1))
                .errorCode()).isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/nobody-value/versions/latest", RegistryHttp.schemaBody(VIEW_V1))
                .body().get("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void forwardAcceptsANewRequiredFieldButNotARemovedOne() {
        setLevel("forward-value", "FORWARD");
        http.register("forward-value", VIEW_V1);

        assertThat(tryRegister("forward-value", VIEW_WITHOUT_VISITOR).status()).isEqualTo(409);
        assertThat(tryRegister("forward-value", VIEW_REFERRER_REQUIRED).status()).isEqualTo(200);
    }

    @Test
    void fullAcceptsOnlyChangesWithDefaults() {
        setLevel("full-value", "FULL");
        http.register("full-value", VIEW_V1);

        assertThat(tryRegister("full-value", VIEW_REFERRER_REQUIRED).status()).isEqualTo(409);
        assertThat(tryRegister("full-value", VIEW_WITHOUT_VISITOR).status()).isEqualTo(409);
        assertThat(tryRegister("full-value", VIEW_V2_SECTION_WITH_DEFAULT).status()).isEqualTo(200);
    }

    @Test
    void noneAcceptsAnything() {
        setLevel("none-value", "NONE");
        http.register("none-value", VIEW_V1);

        assertThat(tryRegister("none-value", "\"int\"").status()).isEqualTo(200);
    }

    @Test
    void backwardChecksOnlyTheLatestButBackwardTransitiveEveryVersion() {
        for (String level : new String[]{"BACKWARD", "BACKWARD_TRANSITIVE"}) {
            String subject = level.toLowerCase() + "-chain-value";
            setLevel(subject, level);
            http.register(subject, record(A, B_STRING));
            http.register(subject, record(A));

            // Reads v2 data (b defaults) but not v1 data (b was a string).
            int status = tryRegister(subject, record(A, B_INT_DEFAULT)).status();

            assertThat(status).as(level).isEqualTo(level.equals("BACKWARD") ? 200 : 409);
        }
    }

    @Test
    void forwardChecksOnlyTheLatestButForwardTransitiveEveryVersion() {
        for (String level : new String[]{"FORWARD", "FORWARD_TRANSITIVE"}) {
            String subject = level.toLowerCase() + "-chain-value";
            setLevel(subject, level);
            http.register(subject, record(A, B_STRING));
            http.register(subject, record(A, B_STRING_DEFAULT));

            // v2 readers default b; v1 readers need it.
            int status = tryRegister(subject, record(A)).status();

            assertThat(status).as(level).isEqualTo(level.equals("FORWARD") ? 200 : 409);
        }
    }

    @Test
    void fullChecksOnlyTheLatestButFullTransitiveEveryVersion() {
        for (String level : new String[]{"FULL", "FULL_TRANSITIVE"}) {
            String subject = level.toLowerCase() + "-chain-value";
            setLevel(subject, level);
            http.register(subject, record(A, B_STRING));
            http.register(subject, record(A, B_STRING_DEFAULT));

            int status = tryRegister(subject, record(A)).status();

            assertThat(status).as(level).isEqualTo(level.equals("FULL") ? 200 : 409);
        }
    }

    @Test
    void softDeletedVersionsDoNotConstrainNewOnes() {
        http.register("deleted-constraint-value", VIEW_V1);
        http.register("deleted-constraint-value", VIEW_WITHOUT_VISITOR);
        http.delete("/subjects/deleted-constraint-value/versions/2");

        // Incompatible with the deleted version 2 (visitor without default), fine against version 1.
        assertThat(tryRegister("deleted-constraint-value", VIEW_V1).status()).isEqualTo(200);
    }

    @Test
    void globalLevelChangesApplyToSubjectsWithoutTheirOwn() {
        String original = http.get("/config").body().get("compatibilityLevel").asText();
        try {
            assertThat(http.put("/config", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
            http.register("global-none-value", VIEW_V1);
            assertThat(tryRegister("global-none-value", "\"long\"").status()).isEqualTo(200);
        } finally {
            http.put("/config", "{\"compatibility\":\"" + original + "\"}");
        }
    }

    @Test
    void deletingTheGlobalLevelRestoresTheDefault() {
        String original = http.get("/config").body().get("compatibilityLevel").asText();
        try {
            http.put("/config", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}");

            Answer removed = http.delete("/config");

            assertThat(removed.body().get("compatibilityLevel").asText()).isEqualTo("FORWARD_TRANSITIVE");
            assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        } finally {
            http.put("/config", "{\"compatibility\":\"" + original + "\"}");
        }
    }

    @Test
    void modeIsAlwaysReadWrite() {
        assertThat(http.get("/mode").body().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }
}
