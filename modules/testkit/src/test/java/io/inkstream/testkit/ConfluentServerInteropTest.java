package io.inkstream.testkit;

import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.events.serde.RestSchemaRegistryClient;
import io.inkstream.events.serde.AvroSerdeConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our serde against Confluent's own registry server (confluentinc/cp-schema-registry) and the
 * apache/kafka image. Needs a Docker engine: skipped cleanly where there is none (this CI).
 */
class ConfluentServerInteropTest {

    @Test
    void ourSerdeRegistersAndReadsBackWithConfluentsServer() throws Exception {
        Assumptions.assumeTrue(DockerCluster.dockerAvailable(), "no Docker engine: Confluent server interop skipped");
        try (DockerCluster docker = DockerCluster.start()) {
            Topics topics = Topics.withPrefix("interop-");
            EventSerdes serdes = EventSerdes.forRegistry(docker.registryUrl());
            byte[] bytes = serdes.valueSerde(topics.articlesIngested()).serializer()
                    .serialize(topics.articlesIngested().name(), SampleEvents.article());
            assertThat(serdes.valueSerde(topics.articlesIngested()).deserializer()
                    .deserialize(topics.articlesIngested().name(), bytes).toString())
                    .isEqualTo(SampleEvents.article().toString());
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                    new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, docker.registryUrl())));
            assertThat(client.subjects()).contains(topics.articlesIngested().name() + "-value");
        }
    }
}
