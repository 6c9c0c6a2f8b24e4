package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.events.serde.EventSerdes;
import io.inkstream.ingest.IngestTestTopics;
import io.inkstream.ingest.IngestTopology;
import io.inkstream.ingest.WireItemParser;
import io.inkstream.ingest.WireItems;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.testkit.SharedMaterial;
import io.inkstream.testkit.TopologyTests;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes the real agency files of {@code ../shared/wire/} (other projects' data, never copied
 * into this repository) through the real ingest topology, as a wire desk's POST without a
 * declared format would: the format is sniffed. A test that uses it is skipped, with a message,
 * where {@code ../shared} is absent (a user's clone).
 *
 * <p>One instance is one topology with its version store: push an item and then its kill to see
 * the kill version.
 */
public final class RealWire implements AutoCloseable {

    /** The receipt time of every pushed item. */
    public static final Instant RECEIVED = Instant.parse("2026-12-01T12:00:00Z");

    private final Topics topics = Topics.withPrefix("");
    private final EventSerdes serdes = EventSerdes.create(Map.of("schema.registry.url", "mock://real-wire-" + UUID.randomUUID()));
    private final WireItems wireItems = new WireItems(WireFormats.standard(), 10L * 1024 * 1024);
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, WireItem> received;
    private final TestOutputTopic<String, Article> ingested;
    private final TestOutputTopic<String, WireRejection> rejected;

    private RealWire() {
        try {
            stateDir = Files.createTempDirectory("real-wire");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(IngestTopology.build(topics, serdes, new WireItemParser(WireFormats.standard()),
                Clock.fixed(RECEIVED, ZoneOffset.UTC)), TopologyTests.driverProperties("real-wire-test", stateDir));
        IngestTestTopics io = IngestTestTopics.on(driver, topics, serdes);
        received = io.received();
        ingested = io.ingested();
        rejected = io.rejected();
    }

    /** A fresh topology; skips the calling test when {@code ../shared/wire} is absent. */
    public static RealWire start() {
        root();
        return new RealWire();
    }

    /** The {@code shared/wire} folder beside the repository; skips the calling test when it is absent. */
    public static Path root() {
        return SharedMaterial.folder("wire", wire -> Files.isDirectory(wire) && Files.isRegularFile(wire.resolve("README.md")),
                "the real agency files are other projects' data and are not in this repository, so this test is skipped");
    }

    /** The bytes of one real file, by its path under {@code shared/wire}, e.g. {@code nitf/aap.xml}. */
    public static byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes a file without a declared format or media type (sniffed, as most wire desks send). */
    public Result push(String relativePath) {
        return push(relativePath, null);
    }

    /** Pushes a file with a media type, as an HTTP sender that sets Content-Type would. */
    public Result push(String relativePath, String contentType) {
        return push(bytes(relativePath), Path.of(relativePath).getFileName().toString(), contentType);
    }

    /**
     * One real file through a fresh topology of its own (sniffed), closed again: what a test that
     * pushes a single file needs. Skips the calling test when {@code ../shared/wire} is absent.
     */
    public static Result pushed(String relativePath) {
        return pushed(relativePath, null);
    }

    /** As {@link #pushed(String)}, with a media type as an HTTP sender that sets Content-Type would. */
    public static Result pushed(String relativePath, String contentType) {
        try (RealWire wire = start()) {
            return wire.push(relativePath, contentType);
        }
    }

    /** The one article a real file gives through a fresh topology of its own ({@link Result#only()}). */
    public static Article article(String relativePath) {
        return pushed(relativePath).only();
    }

    /** A fresh topology for the repository's own samples, which need no {@code ../shared}. */
    public static RealWire withoutShared() {
        return new RealWire();
    }

    /** Pushes bytes as an undeclared upload with this file name and media type (or null). */
    public Result push(byte[] payload, String filename, String contentType) {
        WireItem item = wireItems.receive(payload, "http", Channel.HTTP, null, contentType, filename, null, RECEIVED);
        received.pipeInput(item.getItemId(), item, RECEIVED);
        return new Result(item, ingested.readRecordsToList().stream().map(TestRecord::value).toList(),
                rejected.readRecordsToList().stream().map(TestRecord::value).toList());
    }

    @Override
    public void close() {
        driver.close();
    }

    /** What one pushed file gave: the article versions published and the entries refused. */
    public record Result(WireItem item, List<Article> articles, List<WireRejection> rejections) {

        /** The one article the file gave; fails naming the rejections when there is not exactly one. */
        public Article only() {
            if (articles.size() != 1) {
                throw new AssertionError("expected one article from " + item.getFilename() + ", got " + articles.size()
                        + (rejections.isEmpty() ? "" : "; rejected: " + rejections.stream()
                        .map(r -> r.getCode() + " (" + r.getReason() + ")").toList()));
            }
            return articles.get(0);
        }

        /** The format the file was read as. */
        public String format() {
            return articles.isEmpty() ? null : articles.get(0).getProvenance().getFormat();
        }

        /** The body as plain text: paragraphs joined by blank lines. */
        public static String text(Article a) {
            return String.join("\n\n", a.getParagraphs());
        }
    }
}
