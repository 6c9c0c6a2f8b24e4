package io.inkstream.platform.kafka;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Closes the transactions a crash can leave open for good on the in-JVM broker (decision 0039).
 *
 * <p>When the process is killed while the transaction coordinator is writing a commit's markers, the
 * restarted broker first acts on the leadership it had before the crash: the coordinator sends the markers
 * again, to itself, before the broker's listener accepts them; the controller then fences the previous
 * incarnation (every partition leaderless for a moment), and the coordinator takes the leaderless
 * partitions for deleted ones, drops their markers and records the transaction complete. Those partitions
 * keep an open transaction no coordinator will ever end: a read_committed reader (a Streams task restoring
 * its changelog, a committed-offset fetch) stops at it forever. Seen in KillNineProcessIT about once in
 * ten restarts; the broker has no setting that closes the race.
 *
 * <p>Before any client starts, this finds each partition whose open transaction the coordinator no longer
 * knows (its transactional id is complete, empty or gone, or holds other partitions) and aborts it there
 * (KIP-664's {@link Admin#abortTransaction}, what {@code kafka-transactions.sh find-hanging} and
 * {@code abort} do). Aborting is the only marker Kafka lets a client write. On one broker every partition
 * of a transaction shared the crash, so all of a dropped transaction is aborted: to the Streams
 * applications that wrote it, it is as if their last commit before the crash had not happened, and they
 * process its input again (their state is restored from the changelogs, which the abort rolls back too).
 */
final class HangingTransactions {

    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);
    private static final String TRANSACTION_LOG = "__transaction_state";
    private static final Set<TransactionState> IN_PROGRESS = Set.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

    /** A partition's open transaction: the producer that opened it, and where it starts. */
    record Open(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch, long startOffset) {
    }

    /** What the coordinator holds of a transactional id: its producer, state, and partitions. */
    record Coordinated(String transactionalId, long producerId, TransactionState state, Set<TopicPartition> partitions) {
    }

    private HangingTransactions() {
    }

    /**
     * The open transactions no coordinator will end: their producer's transactional id is not in progress,
     * or is in progress on other partitions only, or no transactional id holds their producer any more.
     */
    static List<Open> hanging(Collection<Open> open, Collection<Coordinated> coordinated) {
        Map<Long, Coordinated> byProducer = coordinated.stream()
                .collect(Collectors.toMap(Coordinated::producerId, c -> c, (a, b) -> a));
        List<Open> hanging = new ArrayList<>();
        for (Open o : open) {
            Coordinated c = byProducer.get(o.producerId());
            if (c == null || !IN_PROGRESS.contains(c.state()) || !c.partitions().contains(o.partition())) {
                hanging.add(o);
            }
        }
        return hanging;
    }

    /**
     * Finds and aborts the hanging transactions of the broker at {@code bootstrapServers}; returns how many
     * partitions it aborted. Run it before any producer or Streams application starts: a client's transaction
     * that is just beginning could otherwise look hanging for the moment between its first write and the
     * coordinator hearing of its partition.
     */
    static int abortHanging(String bootstrapServers, Duration timeout) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            return abortHanging(admin);
        } catch (ExecutionException e) {
            log.warn("could not check the broker for transactions a crash left open: {}", e.getCause().toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int abortHanging(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        List<TopicPartition> partitions = new ArrayList<>();
        int transactionLogPartitions = 0;
        for (TopicDescription topic : described.values()) {
            if (topic.name().equals(TRANSACTION_LOG)) {
                transactionLogPartitions = topic.partitions().size(); // markers never go there
                continue;
            }
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        List<Open> open = partitions.isEmpty() ? List.of() : open(admin, partitions);
        if (open.isEmpty()) {
            return 0;
        }
        // the coordinator takes its partitions again a moment after the restarted broker is unfenced, and until it
        // has loaded them it answers as if it held no transaction at all: wait until it knows its whole log
        awaitCoordinatorLoaded(admin, transactionLogPartitions);
        List<Open> hanging = hanging(open, coordinated(admin, open));
        if (hanging.isEmpty()) {
            return 0;
        }
        // only what is still open now: a coordinator that was finishing a transaction has written its markers since
        Set<Open> still = Set.copyOf(open(admin, hanging.stream().map(Open::partition).distinct().toList()));
        hanging = hanging.stream().filter(still::contains).toList();
        if (hanging.isEmpty()) {
            return 0;
        }
        for (Open h : hanging) {
            try {
                admin.abortTransaction(new AbortTransactionSpec(h.partition(), h.producerId(), (short) h.producerEpoch(),
                        Math.max(0, h.coordinatorEpoch()))).all().get();
            } catch (ExecutionException e) {
                log.warn("could not abort the transaction left open on {}: {}", h.partition(), e.getCause().toString());
            }
        }
        log.warn("aborted {} transaction(s) a crash left open that no coordinator would end (decision 0039): {}",
                hanging.size(), hanging.stream().map(h -> h.partition() + " from offset " + h.startOffset()
                        + " (producer " + h.producerId() + ")").toList());
        return hanging.size();
    }

    private static List<Open> open(Admin admin, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        List<Open> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (ProducerState p : state.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent()) {
                    open.add(new Open(partition, p.producerId(), p.producerEpoch(), p.coordinatorEpoch().orElse(-1),
                            p.currentTransactionStartOffset().getAsLong()));
                }
            }
        });
        return open;
    }

    private static List<Coordinated> coordinated(Admin admin, List<Open> open)
            throws ExecutionException, InterruptedException {
        Set<Long> producers = open.stream().map(Open::producerId).collect(Collectors.toSet());
        List<String> ids = admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producers)).all().get()
                .stream().map(TransactionListing::transactionalId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Coordinated> coordinated = new ArrayList<>();
        for (Map.Entry<String, TransactionDescription> e : admin.describeTransactions(ids).all().get().entrySet()) {
            TransactionDescription d = e.getValue();
            coordinated.add(new Coordinated(e.getKey(), d.producerId(), d.state(), d.topicPartitions()));
        }
        return coordinated;
    }

    /**
     * Asks the coordinator of each partition of the transaction log about an id that hashes there (as the
     * broker places a transactional id): it answers "not found" once that partition is loaded, and "loading"
     * or "not the coordinator" before, which the admin client retries until its timeout.
     */
    private static void awaitCoordinatorLoaded(Admin admin, int transactionLogPartitions)
            throws ExecutionException, InterruptedException {
        Map<Integer, String> probes = new HashMap<>();
        for (int i = 0; probes.size() < transactionLogPartitions; i++) {
            String id = "inkstream-load-probe-" + i;
            probes.putIfAbsent((id.hashCode() & 0x7fffffff) % transactionLogPartitions, id);
        }
        for (String probe : probes.values()) {
            try {
                admin.describeTransactions(List.of(probe)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }
}
