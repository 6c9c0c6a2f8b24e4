package io.inkstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.inkstream.registry.RegistryHttp.Answer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.inkstream.registry.Schemas.STRING;
import static io.inkstream.registry.Schemas.VIEW_V1;
import static io.inkstream.registry.Schemas.VIEW_V2_SECTION_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schemas topic is the source of truth: state survives restarts, instances on one topic
 * share it, and its records keep Confluent's shapes both ways.
 */
class SchemasTopicTest {

    @Test
    void restartKeepsIdsAndTheNextIdContinues() {
        RegistryConfig config = SharedBroker.freshConfig();
        int first;
        int second;
        try (SchemaRegistryServer before = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(before.url());
            first = http.register("restart-value", VIEW_V1);
            second = http.register("restart-value", VIEW_V2_SECTION_WITH_DEFAULT);
            http.put("/config/restart-value", "{\"compatibility\":\"FULL\"}");
            http.delete("/subjects/restart-value/versions/1");
        }
        try (SchemaRegistryServer after = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(after.url());
            assertThat(http.get("/subjects/restart-value/versions/2").body().get("id").asInt()).isEqualTo(second);
            assertThat(http.get("/schemas/ids/" + first).status()).isEqualTo(200);
            assertThat(http.get("/subjects/restart-value/versions").body().toString()).isEqualTo("[2]");
            assertThat(http.get("/config/restart-value").body().get("compatibilityLevel").asText()).isEqualTo("FULL");

            assertThat(http.register("other-value", STRING)).isEqualTo(second + 1);
            assertThat(http.register("restart-value", VIEW_V1)).as("same schema, same id").isEqualTo(first);
        }
    }

    @Test
    void twoInstancesOnOneTopicShareIdsAndSeeEachOthersWrites() throws Exception {
        RegistryConfig config = SharedBroker.freshConfig();
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config);
             SchemaRegistryServer b = SchemaRegistryServer.start(config)) {
            RegistryHttp httpA = new RegistryHttp(a.url());
            RegistryHttp httpB = new RegistryHttp(b.url());

            int onA = httpA.register("a-value", VIEW_V1);
            int onB = httpB.register("b-value", STRING);
            assertThat(onB).as("B read A's id before choosing its own").isEqualTo(onA + 1);
            assertThat(httpB.get("/schemas/ids/" + onA).status()).isEqualTo(200);
            assertThat(httpA.register("a-again-value", STRING)).as("A reuses B's id").isEqualTo(onB);
            assertThat(httpA.get("/subjects").body().toString()).contains("\"b-value\"");

            // Both instances register different schemas at the same time: no id is given twice.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> ids = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    RegistryHttp target = i % 2 == 0 ? httpA : httpB;
                    String schema = "{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":" + (i + 1) + "}";
                    String subject = "race-" + i + "-value";
                    Callable<Integer> registration = () -> target.register(subject, schema);
                    ids.add(pool.submit(registration));
                }
                Set<Integer> distinct = new java.util.TreeSet<>();
                for (Future<Integer> id : ids) {
                    distinct.add(id.get());
                }
                assertThat(distinct).hasSize(6).allMatch(id -> id > onB);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void recordsUseConfluentKeyAndValueShapesInACompactedSinglePartitionTopic() throws Exception {
        RegistryConfig config = SharedBroker.freshConfig();
        int id;
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(server.url());
            id = http.register("shape-value", VIEW_V1);
            http.put("/config", "{\"compatibility\":\"FULL\"}");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(config.topic())).allTopicNames().get()
                    .get(config.topic()).partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, config.topic());
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(topicConfig.get("cleanup.policy").value()).isEqualTo("compact");
        }

        List<ConsumerRecord<String, String>> records = SharedBroker.records(config, 2);
        assertThat(records.get(0).key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"shape-value\",\"version\":1,\"magic\":1}");
        JsonNode value = RegistryHttp.JSON.readTree(records.get(0).value());
        assertThat(value.get("subject").asText()).isEqualTo("shape-value");
        assertThat(value.get("version").asInt()).isEqualTo(1);
        assertThat(value.get("id").asInt()).isEqualTo(id);
        assertThat(value.get("schema").asText()).contains("\"name\":\"View\"");
        assertThat(value.get("deleted").asBoolean()).isFalse();
        assertThat(records.get(1).key()).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(records.get(1).value()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void aTopicWrittenByAConfluentRegistryIsRead() throws Exception {
        RegistryConfig config = SharedBroker.freshConfig();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(config.topic(), 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        String schema = new org.apache.avro.Schema.Parser().parse(VIEW_V1).toString();
        String quoted = RegistryHttp.JSON.writeValueAsString(schema);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(config.topic(), "{\"keytype\":\"NOOP\",\"magic\":0}", null));
            producer.send(new ProducerRecord<>(config.topic(),
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"legacy-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"legacy-value\",\"version\":1,\"id\":41,\"schema\":" + quoted + ",\"deleted\":false}"));
            producer.send(new ProducerRecord<>(config.topic(), "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                    "{\"compatibilityLevel\":\"FORWARD\"}"));
            producer.send(new ProducerRecord<>(config.topic(), "{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"READWRITE\"}"));
            producer.send(new ProducerRecord<>(config.topic(), "not even json", "garbage"));
            producer.flush();
        }

        try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
            RegistryHttp http = new RegistryHttp(server.url());
            assertThat(http.get("/schemas/ids/41").body().get("schema").asText()).isEqualTo(schema);
            assertThat(http.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
            assertThat(http.register("legacy-value", VIEW_V1)).isEqualTo(41);
            assertThat(http.register("new-value", STRING)).as("ids continue after Confluent's").isEqualTo(42);
        }
    }

    @Test
    void aBusyPortGivesAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            RegistryConfig config = SharedBroker.freshConfig().withPort(taken.getLocalPort()).withHost("0.0.0.0");
            assertThatThrownBy(() -> SchemaRegistryServer.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void urlAndPortNameTheListeningServer() {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(SharedBroker.freshConfig())) {
            assertThat(server.port()).isPositive();
            assertThat(server.url()).isEqualTo("http://localhost:" + server.port());
            Answer root = new RegistryHttp(server.url()).get("/");
            assertThat(root.status()).isEqualTo(200);
        }
    }
}
