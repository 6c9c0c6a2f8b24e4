package io.inkstream.renderer.partner;

import io.inkstream.events.Topics;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.kafka.Acknowledged;
import io.inkstream.platform.streams.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the syndication topics: partners, their positions, and dead letters, as JSON (the renderer's private
 * records, {@link JsonSerde}). Every write is a future that completes when the broker acknowledged it.
 */
public final class PartnerRecords implements AutoCloseable {

    /** A partner's position in syndication.versions on syndication.state. */
    public record Position(long position) {
    }

    /** A push given up: which partner, which version, how often it was tried and the last failure. */
    public record DeadLetter(String partner, String articleId, int version, long offset, int attempts, String reason,
                             Instant at) {
    }

    public static final JsonSerde<Partner> PARTNERS = new JsonSerde<>(Partner.class);
    public static final JsonSerde<Position> POSITIONS = new JsonSerde<>(Position.class);
    public static final JsonSerde<DeadLetter> DEAD_LETTERS = new JsonSerde<>(DeadLetter.class);

    private final Topics topics;
    private final KafkaProducer<String, String> producer;

    public PartnerRecords(ServiceContext context, String clientId) {
        this.topics = context.topics();
        this.producer = new KafkaProducer<>(context.producerProperties(clientId), new StringSerializer(), new StringSerializer());
    }

    public CompletableFuture<RecordMetadata> put(Partner partner) {
        return send(topics.syndicationPartners().name(), partner.id(), text(PARTNERS.serializer().serialize(null, partner)));
    }

    public CompletableFuture<RecordMetadata> remove(String id) {
        send(topics.syndicationState().name(), PartnerRegistry.pullKey(id), null);
        send(topics.syndicationState().name(), PartnerRegistry.pushKey(id), null);
        return send(topics.syndicationPartners().name(), id, null);
    }

    public CompletableFuture<RecordMetadata> position(String key, long position) {
        return send(topics.syndicationState().name(), key, text(POSITIONS.serializer().serialize(null, new Position(position))));
    }

    public CompletableFuture<RecordMetadata> deadLetter(DeadLetter letter) {
        return send(topics.syndicationDeadLetters().name(), letter.partner(),
                text(DEAD_LETTERS.serializer().serialize(null, letter)));
    }

    private CompletableFuture<RecordMetadata> send(String topic, String key, String value) {
        return Acknowledged.send(producer, new ProducerRecord<>(topic, key, value));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
