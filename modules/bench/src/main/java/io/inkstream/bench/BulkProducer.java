package io.inkstream.bench;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/** The producer the drivers load a topic with: idempotent, no transaction (no markers: offsets = records), big batches. */
public final class BulkProducer {

    private BulkProducer() {
    }

    public static Properties properties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return p;
    }
}
