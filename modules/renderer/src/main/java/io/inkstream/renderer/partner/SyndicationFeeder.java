package io.inkstream.renderer.partner;

import io.inkstream.events.PublishedArticle;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.renderer.store.TopicFollower;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.ToLongFunction;

/**
 * Fills the {@link VersionLog} and the {@link PartnerRegistry} from syndication.versions, syndication.partners and
 * syndication.state, from the beginning on every start and then live, on every instance ({@link TopicFollower}, as
 * the renderer's StoreFeeder).
 */
public final class SyndicationFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyndicationFeeder.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final String versionsTopic;
    private final String partnersTopic;
    private final TopicPartition versionsPartition;
    private final Deserializer<PublishedArticle> versionValues;
    private final VersionLog versions;
    private final PartnerRegistry partners;
    private final TopicFollower follower;

    /**
     * @param consumerProperties bootstrap servers and security; group and offsets are set here
     * @param onCaughtUp         run once, when everything on the topics at start has been applied
     */
    public SyndicationFeeder(Properties consumerProperties, Topics topics, EventSerdes serdes, VersionLog versions,
                             PartnerRegistry partners, Runnable onCaughtUp) {
        this.versionsTopic = topics.syndicationVersions().name();
        this.partnersTopic = topics.syndicationPartners().name();
        this.versionsPartition = new TopicPartition(versionsTopic, 0); // one partition (decision 0019)
        this.versionValues = serdes.valueSerde(topics.syndicationVersions()).deserializer();
        this.versions = versions;
        this.partners = partners;
        this.follower = new TopicFollower("renderer-syndication-feeder", consumerProperties,
                List.of(versionsTopic, partnersTopic, topics.syndicationState().name()), POLL, this::apply,
                this::afterPoll, () -> {
                    log.info("syndication loaded: {} partners, {} versions", partners.all().size(), versions.size());
                    onCaughtUp.run();
                });
    }

    public void start() {
        follower.start();
    }

    public boolean caughtUp() {
        return follower.caughtUp();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        if (r.topic().equals(versionsTopic)) {
            if (r.value() != null) {
                versions.append(r.offset(), Instant.ofEpochMilli(r.timestamp()), versionValues.deserialize(r.topic(), r.value()));
            }
        } else if (r.topic().equals(partnersTopic)) {
            partners.apply(key, r.value() == null ? null : PartnerRecords.PARTNERS.deserializer().deserialize(r.topic(), r.value()));
        } else {
            partners.applyPosition(key, r.value() == null ? null
                    : PartnerRecords.POSITIONS.deserializer().deserialize(r.topic(), r.value()).position());
        }
    }

    /** Past offsets that hold no version (transaction markers), so a feed's next cursor does not stay behind them. */
    private void afterPoll(ToLongFunction<TopicPartition> position) {
        versions.advanceEnd(position.applyAsLong(versionsPartition));
    }

    @Override
    public void close() {
        follower.close();
    }
}
