package io.inkstream.testkit;

import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.AvroSerdeConfig;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Confluent's registration settings, against the real registry. */
@InkstreamTest
class SerdeRegistrationModesTest {

    private static final PageView VIEW = SampleEvents.pageView("a1", "reader-1", Instant.parse("2015-09-25T02:00:00Z"));

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAClearError(TestCluster cluster) {
        Topics topics = cluster.uniqueTopics();
        EventSerdes strict = EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        assertThatThrownBy(() -> strict.valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topics.pageviews().name() + "-value");
    }

    @Test
    void withoutAutoRegisterARegisteredSchemaIsLookedUpAndUsed(TestCluster cluster) {
        Topics topics = cluster.uniqueTopics();
        byte[] registered = cluster.serdes().valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW);
        EventSerdes strict = EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        assertThat(strict.valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW))
                .isEqualTo(registered);
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredId(TestCluster cluster) {
        Topics topics = cluster.uniqueTopics();
        byte[] registered = cluster.serdes().valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW);
        EventSerdes latest = EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"));

        byte[] written = latest.valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW);
        assertThat(written).isEqualTo(registered);
    }

    @Test
    void recordNameStrategyRegistersUnderTheRecordsFullName(TestCluster cluster) throws Exception {
        Topics topics = cluster.uniqueTopics();
        EventSerdes byRecord = EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl(),
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy"));
        byRecord.valueSerde(topics.pageviews()).serializer().serialize(topics.pageviews().name(), VIEW);

        assertThat(byRecord.registry().subjects()).contains("io.inkstream.events.PageView");
    }
}
