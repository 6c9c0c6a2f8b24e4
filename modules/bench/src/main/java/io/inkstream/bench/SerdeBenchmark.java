package io.inkstream.bench;

import io.inkstream.events.Article;
import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.testkit.SampleEvents;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Serialize + deserialize one record through the Confluent-wire-format serde (schema id from
 * the client's cache after the first record), next to the same round trip in plain Avro
 * binary with no header and no registry: the ratio is the serde's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

    private final Topics topics = Topics.withPrefix("");
    private Serializer<Article> articleSerializer;
    private Deserializer<Article> articleDeserializer;
    private Serializer<PageView> viewSerializer;
    private Deserializer<PageView> viewDeserializer;
    private Article article;
    private PageView view;
    static {
        // Plain Avro below bypasses our serde, which otherwise registers the events package as trusted.
        io.inkstream.events.serde.TrustedEventClasses.install();
    }

    private final SpecificDatumWriter<Article> plainArticleWriter = new SpecificDatumWriter<>(Article.class);
    private final SpecificDatumReader<Article> plainArticleReader = new SpecificDatumReader<>(Article.class);
    private final SpecificDatumWriter<PageView> plainViewWriter = new SpecificDatumWriter<>(PageView.class);
    private final SpecificDatumReader<PageView> plainViewReader = new SpecificDatumReader<>(PageView.class);

    @Setup
    public void setUp() {
        EventSerdes serdes = EventSerdes.forRegistry("mock://bench");
        articleSerializer = serdes.valueSerde(topics.articlesIngested()).serializer();
        articleDeserializer = serdes.valueSerde(topics.articlesIngested()).deserializer();
        viewSerializer = serdes.valueSerde(topics.pageviews()).serializer();
        viewDeserializer = serdes.valueSerde(topics.pageviews()).deserializer();
        article = SampleEvents.article();
        view = SampleEvents.pageView(SampleEvents.ARTICLE_ID, "reader-1", Instant.parse("2015-09-25T02:00:00Z"));
    }

    @Benchmark
    public Article articleSerde() {
        return articleDeserializer.deserialize("articles.ingested", articleSerializer.serialize("articles.ingested", article));
    }

    @Benchmark
    public Article articlePlainAvro() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        plainArticleWriter.write(article, encoder);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return plainArticleReader.read(null, decoder);
    }

    @Benchmark
    public PageView pageViewSerde() {
        return viewDeserializer.deserialize("pageviews", viewSerializer.serialize("pageviews", view));
    }

    @Benchmark
    public PageView pageViewPlainAvro() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        plainViewWriter.write(view, encoder);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return plainViewReader.read(null, decoder);
    }
}
