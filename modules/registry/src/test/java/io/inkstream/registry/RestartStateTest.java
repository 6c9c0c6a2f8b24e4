package io.inkstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.inkstream.registry.Requests.mode;
import static io.inkstream.registry.Requests.record;
import static io.inkstream.registry.Requests.withIdAndVersion;
import static io.inkstream.registry.Requests.withReferences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modes, references and normalize live in the schemas topic, not in the instance: a registry
 * started again on the same topic answers as the one before it, and the records have
 * Confluent's shapes.
 */
class RestartStateTest {

    @Test
    void modesSurviveARestart() {
        RegistryConfig config = SharedBroker.freshConfig();
        try (SchemaRegistryServer before = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(before.url());
            http.put("/mode/restart-import", mode("IMPORT"));
            http.registerBody("restart-import", withIdAndVersion(record("RestartImported", "a"), 500, 3));
            http.put("/mode/restart-readonly", mode("READONLY"));
            http.put("/mode", mode("READONLY_OVERRIDE"));
        }
        try (SchemaRegistryServer after = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(after.url());
            assertThat(http.get("/mode").body().get("mode").asText()).isEqualTo("READONLY_OVERRIDE");
            assertThat(http.registerBody("restart-other", RegistryHttp.schemaBody(record("Other", "a"))).errorCode())
                    .isEqualTo(42205);
            assertThat(http.get("/subjects/restart-import/versions/3").body().get("id").asInt()).isEqualTo(500);

            http.delete("/mode");
            assertThat(http.get("/mode/restart-import").body().get("mode").asText()).isEqualTo("IMPORT");
            assertThat(http.get("/mode/restart-readonly").body().get("mode").asText()).isEqualTo("READONLY");
            assertThat(http.register("restart-free", record("Free", "a"))).as("ids continue after imported ones")
                    .isEqualTo(501);
        }
    }

    @Test
    void referencesSurviveARestart() {
        RegistryConfig config = SharedBroker.freshConfig();
        int parent;
        try (SchemaRegistryServer before = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(before.url());
            http.register("restart-target", ReferencesApiTest.subrecord("restartref"));
            parent = http.registerBody("restart-referrer", withReferences(ReferencesApiTest.referrer("restartref"),
                    "restartref.Subrecord", "restart-target", 1)).body().get("id").asInt();
        }
        try (SchemaRegistryServer after = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(after.url());
            assertThat(http.get("/subjects/restart-target/versions/1/referencedby").body().toString())
                    .isEqualTo("[" + parent + "]");
            assertThat(http.delete("/subjects/restart-target/versions/1").errorCode()).isEqualTo(42206);
            assertThat(http.get("/schemas/ids/" + parent).body().get("references").get(0).get("name").asText())
                    .isEqualTo("restartref.Subrecord");
        }
    }

    @Test
    void normalizeConfigAndNormalizedSchemasSurviveARestart() {
        RegistryConfig config = SharedBroker.freshConfig();
        String oneWay = "{\"type\":\"record\",\"name\":\"Kept\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],"
                + "\"meta\":{\"x\":1,\"y\":2}}";
        String anotherWay = "{\"type\":\"record\",\"name\":\"Kept\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}],"
                + "\"meta\":{\"y\":2,\"x\":1}}";
        int id;
        try (SchemaRegistryServer before = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(before.url());
            http.put("/config/restart-normalized", "{\"normalize\":true}");
            id = http.register("restart-normalized", oneWay);
        }
        try (SchemaRegistryServer after = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(after.url());
            assertThat(http.get("/config/restart-normalized").body().get("normalize").asBoolean()).isTrue();
            assertThat(http.post("/subjects/restart-normalized", RegistryHttp.schemaBody(anotherWay))
                    .body().get("id").asInt()).isEqualTo(id);
            assertThat(http.register("restart-normalized", anotherWay)).isEqualTo(id);
        }
    }

    @Test
    void modeAndConfigRecordsHaveConfluentShapes() throws Exception {
        RegistryConfig config = SharedBroker.freshConfig();
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(server.url());
            http.put("/mode", mode("READONLY"));
            http.put("/mode/shape-subject", mode("IMPORT"));
            http.put("/config/shape-subject", "{\"compatibility\":\"FULL\",\"normalize\":true}");
            http.delete("/mode/shape-subject");
        }
        List<ConsumerRecord<String, String>> records = SharedBroker.records(config, 4);
        assertThat(records.get(0).key()).isEqualTo("{\"keytype\":\"MODE\",\"magic\":0}");
        assertThat(records.get(0).value()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(records.get(1).key()).isEqualTo("{\"keytype\":\"MODE\",\"subject\":\"shape-subject\",\"magic\":0}");
        assertThat(records.get(1).value()).isEqualTo("{\"subject\":\"shape-subject\",\"mode\":\"IMPORT\"}");
        JsonNode configValue = RegistryHttp.JSON.readTree(records.get(2).value());
        assertThat(records.get(2).key()).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"shape-subject\",\"magic\":0}");
        assertThat(configValue.get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(configValue.get("normalize").asBoolean()).isTrue();
        assertThat(records.get(3).value()).as("a removed mode is a tombstone").isNull();
    }
}
