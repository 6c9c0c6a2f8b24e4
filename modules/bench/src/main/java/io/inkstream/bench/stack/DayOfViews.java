package io.inkstream.bench.stack;

import io.inkstream.bench.BulkProducer;
import io.inkstream.events.PageView;
import io.inkstream.events.Topics;
import io.inkstream.events.serde.AvroSerdeConfig;
import io.inkstream.events.serde.EventSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A day of reader traffic written straight to the stack's {@code pageviews} topic: the beacon stamps every view
 * with the server's clock, so it cannot put views into the past day, and it takes a few thousand a second at
 * most. Each view is the record the renderer's beacon would write for a reader's browser (keyed by article, the
 * section's slug, a 64-hex visitor hash, a referrer host, a browser's user agent, not a bot) so popularity counts
 * it the same; each from a new visitor, so every view counts once.
 */
final class DayOfViews {

    /**
     * Event time covered, ending at the load: short of 24 hours by an hour so that no view leaves the 24-hour
     * window while the load settles and the restart is timed (then the expected counts would no longer hold).
     */
    static final Duration SPAN = Duration.ofHours(23);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;

    DayOfViews(PrintStream out) {
        this.out = out;
    }

    /**
     * Writes {@code views} views over {@code articleIds} round-robin, in event-time order (popularity drops a
     * view older than the newest one by more than its grace period); the views each article got, by index.
     *
     * @param sections the section of each article, as its wire item named it
     */
    int[] produce(StackProcess stack, List<String> articleIds, List<String> sections, long views, Duration limit) {
        int[] expected = new int[articleIds.size()];
        if (views == 0) {
            return expected;
        }
        Properties p = BulkProducer.properties(stack.bootstrapServers());
        Topics topics = Topics.withPrefix("");
        EventSerdes serdes = EventSerdes.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()));
        String topic = topics.pageviews().name();
        SplittableRandom random = new SplittableRandom(views);
        AtomicReference<Exception> failed = new AtomicReference<>();
        long end = Instant.now().toEpochMilli();
        long start = end - SPAN.toMillis();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        out.printf(Locale.ROOT, "  [views] writing %,d views of %d articles to %s, event time %s .. %s%n", views,
                articleIds.size(), topic, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
        try (KafkaProducer<String, PageView> producer = new KafkaProducer<>(p, serdes.keySerde().serializer(),
                serdes.valueSerde(topics.pageviews()).serializer())) {
            for (long i = 0; i < views && failed.get() == null; i++) {
                int article = (int) (i % articleIds.size());
                String id = articleIds.get(article);
                PageView view = PageView.newBuilder()
                        .setArticleId(id)
                        .setSection(sectionSlug(sections.get(article)))
                        .setVisitorHash(visitorHash(random))
                        .setViewedAt(Instant.ofEpochMilli(start + (long) ((double) i * (end - start) / views)))
                        .setReferrer("www.google.com")
                        .setUserAgent(StackClient.BROWSER)
                        .setBot(false)
                        .build();
                producer.send(new ProducerRecord<>(topic, id, view), (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
                expected[article]++;
                if ((i & 0x3FF) == 0 && System.nanoTime() >= nextProgress) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("writing views took longer than " + limit.toSeconds() + " s");
                    }
                    out.printf(Locale.ROOT, "  [views] %,d / %,d written%n", i, views);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("writing views failed: " + failed.get(), failed.get());
        }
        out.printf(Locale.ROOT, "  [views] %,d views acknowledged by the broker in %.1f s%n", views, (System.nanoTime() - started) / 1e9);
        return expected;
    }

    /** A new visitor, in the shape of the beacon's salted SHA-256. */
    private static String visitorHash(SplittableRandom random) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong())
                + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    /**
     * The section's slug as the renderer's beacon writes it (its {@code ArticleStore.sectionSlug}: lower case, each
     * run of other characters a dash, no dash at the ends); restated here because bench uses only the services'
     * public APIs (build-rules/import-control.xml).
     */
    static String sectionSlug(String section) {
        if (section == null) {
            return null;
        }
        return section.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    }
}
