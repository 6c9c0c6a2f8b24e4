package io.inkstream.registry;

import io.inkstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.inkstream.registry.Schemas.STRING;
import static io.inkstream.registry.Schemas.VIEW_V1;
import static io.inkstream.registry.Schemas.VIEW_V1_REFORMATTED;
import static io.inkstream.registry.Schemas.VIEW_V2_SECTION_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, looking up and reading schemas, endpoint by endpoint, errors included. */
class RegistrationApiTest {

    @RegisterExtension
    static final RegistryUnderTest registry = new RegistryUnderTest();
    private static final RegistryHttp http = registry.http();

    @Test
    void rootAnswersAnEmptyObjectWithTheRegistryContentType() {
        Answer a = http.get("/");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(a.body().toString()).isEqualTo("{}");
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameIdAndOneVersion() {
        int first = http.register("idem-value", VIEW_V1);
        int again = http.register("idem-value", VIEW_V1);
        int reformatted = http.register("idem-value", VIEW_V1_REFORMATTED);

        assertThat(again).isEqualTo(first);
        assertThat(reformatted).isEqualTo(first);
        assertThat(http.get("/subjects/idem-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaInTwoSubjectsHasOneId() {
        int inFirst = http.register("shared-a-value", STRING);
        int inSecond = http.register("shared-b-value", STRING);

        assertThat(inSecond).isEqualTo(inFirst);
        assertThat(http.get("/schemas/ids/" + inFirst + "/versions").body().toString())
                .isEqualTo("[{\"subject\":\"shared-a-value\",\"version\":1},{\"subject\":\"shared-b-value\",\"version\":1}]");
        assertThat(http.get("/schemas/ids/" + inFirst + "/subjects").body().toString())
                .isEqualTo("[\"shared-a-value\",\"shared-b-value\"]");
    }

    @Test
    void aNewSchemaGetsTheNextIdAndTheNextVersion() {
        int v1 = http.register("grow-value", VIEW_V1);
        int v2 = http.register("grow-value", VIEW_V2_SECTION_WITH_DEFAULT);

        assertThat(v2).isGreaterThan(v1);
        assertThat(http.get("/subjects/grow-value/versions").body().toString()).isEqualTo("[1,2]");
        Answer latest = http.get("/subjects/grow-value/versions/latest");
        assertThat(latest.body().get("subject").asText()).isEqualTo("grow-value");
        assertThat(latest.body().get("version").asInt()).isEqualTo(2);
        assertThat(latest.body().get("id").asInt()).isEqualTo(v2);
        assertThat(latest.body().has("schemaType")).as("AVRO is implied, as Confluent answers").isFalse();
        assertThat(http.get("/subjects/grow-value/versions/-1").body().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/grow-value/versions/1").body().get("id").asInt()).isEqualTo(v1);
    }

    @Test
    void schemaByIdAnswersTheCanonicalText() {
        int id = http.register("by-id-value", VIEW_V1_REFORMATTED);
        String canonical = new org.apache.avro.Schema.Parser().parse(VIEW_V1).toString();

        Answer byId = http.get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().get("schema").asText()).isEqualTo(canonical);
        assertThat(http.get("/schemas/ids/" + id + "/schema").body().toString()).isEqualTo(canonical);
        assertThat(http.get("/subjects/by-id-value/versions/1/schema").body().toString()).isEqualTo(canonical);
    }

    @Test
    void unknownIdAnswers40403() {
        Answer a = http.get("/schemas/ids/99999");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.errorCode()).isEqualTo(40403);
        assertThat(a.body().get("message").asText()).isNotBlank();
    }

    @Test
    void lookupFindsTheVersionHoldingTheSchema() {
        int id = http.register("lookup-value", VIEW_V1);
        http.register("lookup-value", VIEW_V2_SECTION_WITH_DEFAULT);

        Answer found = http.post("/subjects/lookup-value", RegistryHttp.schemaBody(VIEW_V1_REFORMATTED));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("subject").asText()).isEqualTo("lookup-value");
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(found.body().get("id").asInt()).isEqualTo(id);
        assertThat(found.body().get("schema").asText()).contains("\"name\":\"View\"");
    }

    @Test
    void lookupOfAnUnknownSubjectOrSchemaAnswersConfluentCodes() {
        http.register("lookup-miss-value", VIEW_V1);

        Answer noSubject = http.post("/subjects/never-registered", RegistryHttp.schemaBody(VIEW_V1));
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);

        Answer noSchema = http.post("/subjects/lookup-miss-value", RegistryHttp.schemaBody(STRING));
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void subjectsListsEveryLiveSubjectAndFiltersByPrefix() {
        http.register("list-one-value", STRING);
        http.register("list-two-value", STRING);

        assertThat(http.get("/subjects").body().toString()).contains("\"list-one-value\"", "\"list-two-value\"");
        assertThat(http.get("/subjects?subjectPrefix=list-t").body().toString()).isEqualTo("[\"list-two-value\"]");
    }

    @Test
    void versionsOfAnUnknownSubjectAnswer40401() {
        assertThat(http.get("/subjects/nobody/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/nobody/versions/latest").errorCode()).isEqualTo(40401);
    }

    @Test
    void aMissingVersionAnswers40402AndANonsenseVersion42202() {
        http.register("versions-value", STRING);

        Answer missing = http.get("/subjects/versions-value/versions/7");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40402);

        Answer nonsense = http.get("/subjects/versions-value/versions/first");
        assertThat(nonsense.status()).isEqualTo(422);
        assertThat(nonsense.errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/versions-value/versions/0").errorCode()).isEqualTo(42202);
    }

    @Test
    void anInvalidSchemaAnswers42201AndRegistersNothing() {
        Answer broken = http.post("/subjects/broken-value/versions",
                RegistryHttp.schemaBody("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\"}]}"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.errorCode()).isEqualTo(42201);
        assertThat(broken.body().get("message").asText()).contains("Invalid schema");

        Answer badDefault = http.post("/subjects/broken-value/versions", RegistryHttp.schemaBody(
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"no\"}]}"));
        assertThat(badDefault.errorCode()).isEqualTo(42201);

        assertThat(http.get("/subjects/broken-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void onlyAvroIsSupported() {
        assertThat(http.get("/schemas/types").body().toString()).isEqualTo("[\"AVRO\"]");

        Answer protobuf = http.post("/subjects/proto-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; message M {}\"}");
        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.body().get("message").asText()).contains("PROTOBUF");
    }

    @Test
    void explicitAvroTypeAndEmptyReferencesAreAccepted() {
        String body = "{\"schema\":" + RegistryHttp.JSON.valueToTree(STRING) + ",\"schemaType\":\"AVRO\",\"references\":[]}";
        Answer a = http.post("/subjects/explicit-value/versions", body);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("id").asInt()).isPositive();
    }

    @Test
    void aSchemaCanReferenceATypeOfAnotherSubject() {
        String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"test\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
        http.register("address-value", address);
        String person = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\",\"fields\":[{\"name\":\"home\",\"type\":\"test.Address\"}]}";
        com.fasterxml.jackson.databind.node.ObjectNode request = RegistryHttp.JSON.createObjectNode().put("schema", person);
        request.putArray("references").addObject()
                .put("name", "test.Address").put("subject", "address-value").put("version", 1);
        String body = request.toString();

        Answer a = http.post("/subjects/person-value/versions", body);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        Answer version = http.get("/subjects/person-value/versions/1");
        assertThat(version.body().get("references").get(0).get("subject").asText()).isEqualTo("address-value");
        assertThat(version.body().get("schema").asText()).doesNotContain("city");
    }

    @Test
    void malformedJsonAnswers400AndUnknownPaths404InConfluentShape() {
        Answer malformed = http.post("/subjects/x-value/versions", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo(400);

        Answer unknown = http.get("/no/such/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
    }

    @Test
    void urlEncodedSubjectNamesAreDecoded() {
        int id = http.register("io.inkstream.events.Article%20copy", STRING);

        assertThat(http.get("/subjects").body().toString()).contains("\"io.inkstream.events.Article copy\"");
        assertThat(http.get("/subjects/io.inkstream.events.Article%20copy/versions/1").body().get("id").asInt())
                .isEqualTo(id);
    }
}
