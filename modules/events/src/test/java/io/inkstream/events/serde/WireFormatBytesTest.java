package io.inkstream.events.serde;

import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our bytes are Confluent's bytes: magic 0, 4-byte big-endian schema id, Avro binary. */
class WireFormatBytesTest {

    private static final String SCOPE = "wire-format-bytes";
    private final Topics topics = Topics.withPrefix("");

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    private static PageView view() {
        return PageView.newBuilder().setArticleId("a1").setSection(null).setVisitorHash("v")
                .setViewedAt(Instant.ofEpochMilli(1000)).setReferrer(null).setUserAgent(null).setBot(true).build();
    }

    @Test
    void pageViewIsWrittenByteForByteAsTheConfluentFormatDefines() {
        Serde<PageView> serde = EventSerdes.forRegistry("mock://" + SCOPE).valueSerde(topics.pageviews());

        byte[] bytes = serde.serializer().serialize("pageviews", view());

        byte[] expected = {
                0x00,                    // magic byte
                0x00, 0x00, 0x00, 0x01,  // schema id 1, big-endian
                0x04, 'a', '1',          // articleId: zigzag length 2, "a1"
                0x00,                    // section: union branch 0 (null)
                0x02, 'v',               // visitorHash: length 1, "v"
                (byte) 0xD0, 0x0F,       // viewedAt: 1000 ms, zigzag 2000 as varint
                0x00,                    // referrer: null
                0x00,                    // userAgent: null
                0x01                     // bot: true
        };
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void bodyAfterTheHeaderIsPlainAvroBinary() throws Exception {
        Serde<PageView> serde = EventSerdes.forRegistry("mock://" + SCOPE).valueSerde(topics.pageviews());
        byte[] bytes = serde.serializer().serialize("pageviews", view());

        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        byte[] body = Arrays.copyOfRange(bytes, 5, bytes.length);
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(PageView.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(body, null));

        assertThat(id).isEqualTo(1);
        assertThat(decoded.get("articleId").toString()).isEqualTo("a1");
        assertThat(decoded.get("viewedAt")).isEqualTo(1000L);
        assertThat(decoded.get("bot")).isEqualTo(true);
    }

    @Test
    void roundTripGivesTheSameRecord() {
        Serde<PageView> serde = EventSerdes.forRegistry("mock://" + SCOPE).valueSerde(topics.pageviews());
        byte[] bytes = serde.serializer().serialize("pageviews", view());
        assertThat(serde.deserializer().deserialize("pageviews", bytes)).isEqualTo(view());
    }

    @Test
    void unknownMagicByteIsAClearError() {
        Serde<PageView> serde = EventSerdes.forRegistry("mock://" + SCOPE).valueSerde(topics.pageviews());
        byte[] json = "{\"articleId\":\"a1\"}".getBytes();
        assertThatThrownBy(() -> serde.deserializer().deserialize("pageviews", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void unknownSchemaIdIsAClearError() {
        Serde<PageView> serde = EventSerdes.forRegistry("mock://" + SCOPE).valueSerde(topics.pageviews());
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 0x04, 'a', '1'};
        assertThatThrownBy(() -> serde.deserializer().deserialize("pageviews", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 12345 is unknown");
    }

    @Test
    void subjectNamesFollowTheConfiguredStrategy() {
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("pageviews", false, PageView.getClassSchema()))
                .isEqualTo("pageviews-value");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("pageviews", true, PageView.getClassSchema()))
                .isEqualTo("pageviews-key");
        assertThat(SubjectNameStrategy.fromName("io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .subject("pageviews", false, PageView.getClassSchema()))
                .isEqualTo("io.inkstream.events.PageView");
    }
}
