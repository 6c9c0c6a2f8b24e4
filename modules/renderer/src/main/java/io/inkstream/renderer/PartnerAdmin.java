package io.inkstream.renderer;

import io.inkstream.platform.ServiceContext;
import io.inkstream.renderer.partner.NewPartner;
import io.inkstream.renderer.partner.Partner;
import io.inkstream.renderer.partner.PartnerFilter;
import io.inkstream.renderer.partner.PartnerRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Partners managed from outside a running renderer ({@code inkstream partners add|list|remove}): straight on
 * syndication.partners, which every renderer instance follows. The HTTP admin API does the same in a renderer.
 */
public final class PartnerAdmin {

    /** A partner just added: its listing, and its API key and push secret, shown this once. */
    public record Added(Map<String, Object> partner, String apiKey, String secret) {
    }

    /** What a partner receives: each list empty for everything (see README, Subscribing). */
    public record Filter(List<String> sections, List<String> subjects, List<String> sourceAgencies,
                         List<String> languages, List<String> pubStatuses) {
    }

    private final ServiceContext context;

    public PartnerAdmin(ServiceContext context) {
        this.context = context;
    }

    /**
     * Adds a partner; fails when one with that id exists.
     *
     * @param delivery pull or push; push needs {@code url}; {@code secret} null makes one
     */
    public Added add(String id, String format, Filter filter, String delivery, String url, String secret,
                     int pullPerMinute) throws Exception {
        NewPartner.Made made = new NewPartner(id, format, new PartnerFilter(filter.sections(), filter.subjects(),
                filter.sourceAgencies(), filter.languages(), filter.pubStatuses()), delivery, url, secret, pullPerMinute)
                .make(Clock.systemUTC().instant());
        if (read().containsKey(id)) {
            throw new IllegalArgumentException("partner " + id + " exists; remove it first");
        }
        try (PartnerRecords records = new PartnerRecords(context, "partners-cli")) {
            records.put(made.partner()).get(30, TimeUnit.SECONDS);
        }
        return new Added(made.partner().publicView(), made.apiKey(), made.secret());
    }

    /** Every partner, by id, as listings (no key hash, no secret). */
    public List<Map<String, Object>> list() {
        return read().values().stream().map(Partner::publicView).toList();
    }

    /** Removes a partner and its positions; false when there was none. */
    public boolean remove(String id) throws Exception {
        if (!read().containsKey(id)) {
            return false;
        }
        try (PartnerRecords records = new PartnerRecords(context, "partners-cli")) {
            records.remove(id).get(30, TimeUnit.SECONDS);
        }
        return true;
    }

    private Map<String, Partner> read() {
        Properties p = context.consumerProperties("partners-cli");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Partner> partners = new TreeMap<>();
        String topic = context.topics().syndicationPartners().name();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(all);
            c.seekToBeginning(all);
            Map<TopicPartition, Long> ends = c.endOffsets(all);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " within 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        partners.remove(r.key());
                    } else {
                        partners.put(r.key(), PartnerRecords.PARTNERS.deserializer().deserialize(topic, r.value()));
                    }
                }
            }
        }
        return partners;
    }
}
