package io.inkstream.platform.kafka;

import io.inkstream.events.TopicSpec;
import io.inkstream.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicProvisionerTest {

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir, 0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void createsEveryCatalogueTopicWithItsSettings() throws Exception {
        Topics topics = Topics.withPrefix("create-");
        List<String> warnings = TopicProvisioner.ensure(kafka.bootstrapServers(), topics.all());

        assertThat(warnings).isEmpty();
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).containsAll(topics.all().stream().map(TopicSpec::name).toList());
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    topics.articlesEnriched().name()))).all().get().values().iterator().next();
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(topics.wireReceived().name())).allTopicNames().get()
                    .get(topics.wireReceived().name()).partitions()).hasSize(3);
        }
        // A second run is a no-op.
        assertThat(TopicProvisioner.ensure(kafka.bootstrapServers(), topics.all())).isEmpty();
    }

    @Test
    void warnsWhenAnExistingTopicDriftedFromTheCatalogue() throws Exception {
        Topics topics = Topics.withPrefix("drift-");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topics.popularityTop24h().name(), 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
        }
        List<String> warnings = TopicProvisioner.ensure(kafka.bootstrapServers(), List.of(topics.popularityTop24h()));

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("cleanup.policy=delete", "compact"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("2 partitions"));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
