package io.inkstream.platform.kafka;

import io.inkstream.platform.kafka.HangingTransactions.Coordinated;
import io.inkstream.platform.kafka.HangingTransactions.Open;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HangingTransactionsTest {

    private static final TopicPartition X = new TopicPartition("changelog", 0);
    private static final TopicPartition Y = new TopicPartition("changelog", 1);

    private static Open openOn(TopicPartition partition, long producerId) {
        return new Open(partition, producerId, 3, 2, 100);
    }

    @Test
    void aTransactionTheCoordinatorRecordsCompleteButAPartitionStillHoldsOpenIsHanging() {
        // what the restart race leaves: the coordinator dropped the markers of a leaderless partition and completed
        List<Open> open = List.of(openOn(X, 7), openOn(Y, 7));
        List<Coordinated> coordinator = List.of(new Coordinated("inkstream-popularity-1", 7, TransactionState.COMPLETE_COMMIT, Set.of()));
        assertThat(HangingTransactions.hanging(open, coordinator)).containsExactlyElementsOf(open);
    }

    @Test
    void aTransactionInProgressOnThatPartitionIsLeftToItsCoordinator() {
        for (TransactionState state : List.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
                TransactionState.PREPARE_ABORT)) {
            List<Coordinated> coordinator = List.of(new Coordinated("app-1", 7, state, Set.of(X)));
            assertThat(HangingTransactions.hanging(List.of(openOn(X, 7)), coordinator)).as(state.toString()).isEmpty();
        }
    }

    @Test
    void aPartitionTheCoordinatorsTransactionDoesNotHoldIsHanging() {
        List<Coordinated> coordinator = List.of(new Coordinated("app-1", 7, TransactionState.ONGOING, Set.of(Y)));
        assertThat(HangingTransactions.hanging(List.of(openOn(X, 7), openOn(Y, 7)), coordinator))
                .containsExactly(openOn(X, 7));
    }

    @Test
    void aProducerNoTransactionalIdHoldsAnyMoreIsHanging() {
        List<Coordinated> coordinator = List.of(new Coordinated("other", 9, TransactionState.ONGOING, Set.of(X)));
        assertThat(HangingTransactions.hanging(List.of(openOn(X, 7)), coordinator)).containsExactly(openOn(X, 7));
    }

    @Test
    void onARealBrokerATransactionStillOpenIsNotAbortedAndCommitsAfterwards(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("changelog", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hanging-test"), new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("changelog", 0, "k", "in an open transaction")).get();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                    assertThat(admin.describeProducers(List.of(X)).partitionResult(X).get().activeProducers())
                            .as("the broker holds the transaction open on the partition")
                            .anySatisfy(p -> assertThat(p.currentTransactionStartOffset()).isPresent());
                }

                assertThat(HangingTransactions.abortHanging(kafka.bootstrapServers(), Duration.ofSeconds(30)))
                        .as("an open transaction its coordinator knows is not hanging").isZero();

                producer.commitTransaction();
            }
            assertThat(HangingTransactions.abortHanging(kafka.bootstrapServers(), Duration.ofSeconds(30))).isZero();
            assertThat(readCommitted(kafka.bootstrapServers())).containsExactly("in an open transaction");
        }
    }

    private static List<String> readCommitted(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(X));
            consumer.seekToBeginning(List.of(X));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
