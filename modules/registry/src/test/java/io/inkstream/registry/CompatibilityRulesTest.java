package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compatibility as Confluent's RestApiCompatibilityTest and RestApiTransitiveCompatibilityTest
 * assert it (the parts about Avro schemas; metadata, rule sets and compatibility groups are
 * not supported here).
 */
class CompatibilityRulesTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    static String fields(String name, String... fieldJson) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + String.join(",", fieldJson) + "]}";
    }

    static final String F1 = "{\"type\":\"string\",\"name\":\"f1\"}";
    static final String F2 = "{\"type\":\"string\",\"name\":\"f2\"}";
    static final String F2_DEFAULT = "{\"type\":\"string\",\"name\":\"f2\",\"default\":\"foo\"}";
    static final String F3 = "{\"type\":\"string\",\"name\":\"f3\"}";
    static final String F3_DEFAULT = "{\"type\":\"string\",\"name\":\"f3\",\"default\":\"foo\"}";

    @AfterEach
    void globalLevelBackToItsDefault() {
        http.delete("/config");
    }

    private static Answer register(String subject, String schema) {
        return http.registerBody(subject, RegistryHttp.schemaBody(schema));
    }

    @Test
    void anIncompatibleSchemaIsAConflictNamingTheAvroIncompatibility() {
        register("compat-conflict", fields("Conflict", F1));

        Answer refused = register("compat-conflict", fields("Conflict", F1, F2));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void aStringThatIsNoAvroSchemaAnswers42201() {
        Answer refused = register("compat-non-avro", "non-avro schema string");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
    }

    @Test
    void aNewFieldWithADefaultIsBackwardCompatible() {
        int first = register("compat-default", fields("WithDefault", F1)).body().get("id").asInt();
        Answer second = register("compat-default", fields("WithDefault", F1, F2_DEFAULT));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asInt()).isNotEqualTo(first);
        assertThat(second.body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void loweringTheGlobalLevelToNoneLetsAnIncompatibleSchemaIn() {
        register("compat-none", fields("ToNone", F1));
        assertThat(register("compat-none", fields("ToNone", F1, F2)).status()).isEqualTo(409);

        Answer changed = http.put("/config", "{\"compatibility\":\"NONE\"}");
        assertThat(changed.body().get("compatibility").asText()).as("the update is echoed").isEqualTo("NONE");
        assertThat(register("compat-none", fields("ToNone", F1, F2)).status()).isEqualTo(200);
    }

    @Test
    void theGlobalLevelDecidesWhatIsAcceptedAsItChanges() {
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        register("compat-change", fields("Changing", F1));

        http.put("/config", "{\"compatibility\":\"FORWARD\"}");
        assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(register("compat-change", fields("Changing", F1, F2)).status()).as("forward compatible").isEqualTo(200);

        http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        assertThat(register("compat-change", fields("Changing", F1, F2, F3)).status())
                .as("forward but not backward compatible").isEqualTo(409);
        assertThat(register("compat-change", fields("Changing", F1, F2, F3_DEFAULT)).status())
                .as("backward compatible").isEqualTo(200);
    }

    @Test
    void backwardTransitiveRefusesDroppingADefaultThatAnOlderVersionLacked() {
        http.put("/config/compat-transitive", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(register("compat-transitive", fields("Transitive", F1)).status()).isEqualTo(200);
        assertThat(register("compat-transitive", fields("Transitive", F1, F2_DEFAULT)).status()).isEqualTo(200);

        assertThat(register("compat-transitive", fields("Transitive", F1, F2)).status()).isEqualTo(409);
    }

    @Test
    void droppingADefaultIsCompatibleWhenNoOlderVersionLacksTheField() {
        http.put("/config/compat-isolated", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(register("compat-isolated", fields("Isolated", F1, F2_DEFAULT)).status()).isEqualTo(200);

        assertThat(register("compat-isolated", fields("Isolated", F1, F2)).status()).isEqualTo(200);
    }

    @Test
    void deletingTheLatestVersionMakesChecksUseTheOneBefore() {
        String first = fields("AfterDelete", F1);
        String wrong = fields("AfterDelete", F1, "{\"type\":\"string\",\"name\":\"g\",\"default\":\"d\"}");
        String correct = fields("AfterDelete", F1, "{\"type\":\"int\",\"name\":\"g\",\"default\":0}");
        register("compat-after-delete", first);
        register("compat-after-delete", wrong);
        assertThat(register("compat-after-delete", correct).status()).isEqualTo(409);

        http.delete("/subjects/compat-after-delete/versions/latest");
        assertThat(http.post("/compatibility/subjects/compat-after-delete/versions/latest", RegistryHttp.schemaBody(correct))
                .body().get("is_compatible").asBoolean()).isTrue();
        Answer registered = register("compat-after-delete", correct);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.body().get("version").asInt()).as("after the deleted 2").isEqualTo(3);
    }

    @Test
    void plainBackwardOnlyComparesWithTheLatestVersion() {
        register("compat-latest-only", fields("LatestOnly", F1));
        register("compat-latest-only", fields("LatestOnly", F1, F2_DEFAULT));

        assertThat(register("compat-latest-only", fields("LatestOnly", F1, F2)).status()).isEqualTo(200);
    }
}
