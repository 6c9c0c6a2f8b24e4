package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Requests.record;
import static org.assertj.core.api.Assertions.assertThat;

/** What current Confluent versions answer, as RestApiTest asserts it. */
class AnswersApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = RegistryUnderTest.confluentCompatible();
    private static final RegistryHttp http = registry.http();

    @Test
    void registeringAnswersTheIdAndTheVersion() {
        http.put("/config/answer-register", "{\"compatibility\":\"NONE\"}");
        Answer first = http.registerBody("answer-register", RegistryHttp.schemaBody(record("AnswerA", "a")));
        Answer second = http.registerBody("answer-register", RegistryHttp.schemaBody(record("AnswerB", "a")));

        assertThat(first.body().get("id").isInt()).isTrue();
        assertThat(first.body().get("version").asInt()).isEqualTo(1);
        assertThat(second.body().get("version").asInt()).isEqualTo(2);
        assertThat(second.body().get("id").asInt()).isNotEqualTo(first.body().get("id").asInt());
    }

    @Test
    void schemaObjectsCarryATimestampAndTheDeletedFlag() {
        long before = System.currentTimeMillis() - 60_000;
        int id = http.register("answer-ts", record("AnswerTs", "a"));

        Answer byId = http.get("/schemas/ids/" + id);
        assertThat(byId.body().get("ts").asLong()).isGreaterThan(before);
        assertThat(byId.body().get("deleted").isBoolean()).isTrue();
        assertThat(byId.body().get("deleted").asBoolean()).isFalse();

        Answer version = http.get("/subjects/answer-ts/versions/1");
        assertThat(version.body().get("ts").asLong()).isGreaterThan(before);
        assertThat(version.body().get("deleted").asBoolean()).isFalse();

        http.delete("/subjects/answer-ts/versions/1");
        assertThat(http.get("/subjects/answer-ts/versions/1?deleted=true").body().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void schemaByIdWithASubjectNamesTheSubjectAndVersion() {
        http.put("/config/answer-subject", "{\"compatibility\":\"NONE\"}");
        http.register("answer-subject", record("AnswerSubject1", "a"));
        int id = http.register("answer-subject", record("AnswerSubject2", "a"));

        Answer a = http.get("/schemas/ids/" + id + "?subject=answer-subject");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("subject").asText()).isEqualTo("answer-subject");
        assertThat(a.body().get("version").asInt()).isEqualTo(2);
        assertThat(a.body().get("schema").asText()).contains("AnswerSubject2");
    }

    @Test
    void fetchMaxIdAnswersTheHighestIdAndOnlyWhenAsked() {
        int first = http.register("answer-max-1", record("AnswerMax1", "a"));
        int last = http.register("answer-max-2", record("AnswerMax2", "a"));

        assertThat(http.get("/schemas/ids/" + first).body().has("maxId")).isFalse();
        assertThat(http.get("/schemas/ids/" + first + "?fetchMaxId=true").body().get("maxId").asInt())
                .isGreaterThanOrEqualTo(last);
    }

    @Test
    void theOnlyContextIsTheDefaultOne() {
        assertThat(http.get("/contexts").body().toString()).isEqualTo("[\".\"]");
        assertThat(http.get("/contexts?offset=1&limit=1").body().toString()).isEqualTo("[]");
    }

    @Test
    void metadataAndARuleSetInARequestAreAcceptedAndChangeNothingHere() {
        String schema = record("WithMetadata", "a");
        Answer withMetadata = http.registerBody("answer-metadata", "{\"schema\":" + RegistryHttp.JSON.valueToTree(schema)
                + ",\"metadata\":{\"properties\":{\"application.version\":\"2\"}}}");
        assertThat(withMetadata.status()).isEqualTo(200);
        Answer without = http.registerBody("answer-metadata", RegistryHttp.schemaBody(schema));
        assertThat(without.body().get("id").asInt()).isEqualTo(withMetadata.body().get("id").asInt());

        Answer withRules = http.registerBody("answer-rules", "{\"schema\":" + RegistryHttp.JSON.valueToTree(record("WithRules", "a"))
                + ",\"ruleSet\":{\"domainRules\":[{\"name\":\"foo\",\"kind\":\"TRANSFORM\",\"mode\":\"READ\","
                + "\"type\":\"ENCRYPT\"}]}}");
        assertThat(withRules.status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/" + withRules.body().get("id").asInt() + "?subject=answer-rules").body()
                .has("ruleSet")).as("Confluent drops a rule set given at registration too").isFalse();
    }

    @Test
    void postToTheRootAnswersAnEmptyObject() {
        Answer a = http.post("/", "{}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().toString()).isEqualTo("{}");
    }

    @Test
    void anUnknownFormatParameterStillAnswersTheSchema() {
        int id = http.register("answer-format", record("AnswerFormat", "a"));
        assertThat(http.get("/schemas/ids/" + id + "?format=bad-format").body().get("schema").asText())
                .contains("AnswerFormat");
    }
}
