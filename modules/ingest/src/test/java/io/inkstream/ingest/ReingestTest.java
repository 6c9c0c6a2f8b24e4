package io.inkstream.ingest;

import io.inkstream.events.Article;
import io.inkstream.events.Channel;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.ingest.format.NinjsParser;
import io.inkstream.ingest.format.PageTextParser;
import io.inkstream.ingest.format.ParsedArticle;
import io.inkstream.ingest.format.RejectedItemException;
import io.inkstream.ingest.format.WireFormatParser;
import io.inkstream.ingest.format.WireFormats;
import io.inkstream.platform.ServiceContext;
import io.inkstream.platform.streams.StreamsRunner;
import io.inkstream.testkit.Fixtures;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-ingest against the real broker and registry, with the topology running. */
@InkstreamTest
class ReingestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void replayGivesANewVersionWhereTodaysParserReadsDifferentlyAndADuplicateWhereNot(TestCluster cluster) throws Exception {
        ServiceContext context = cluster.context(Map.of());
        Topics topics = context.topics();
        // yesterday's ingest ran a ninjs parser that missed subheadlines
        StreamsRunner yesterday = new StreamsRunner(IngestService.NAME, IngestTopology.build(topics, context.serdes(),
                new WireFormats(List.of(new NinjsWithoutSubheadlines(), new PageTextParser(ZoneId.of("Asia/Shanghai")))),
                Clock.systemUTC()), yesterdayProperties(context), null);
        yesterday.start();
        Instant from = Instant.now();
        WireItem panda = write(cluster, topics, IngestTopologyTest.resource("/ninjs/ninjs2-text.json"), "pandas.json");
        WireItem economy = write(cluster, topics, IngestTopologyTest.resource("/ninjs/ninjs1-text.json"), "q3.json");
        Instant to = nextMillisecond();
        WireItem later = write(cluster, topics, Fixtures.ecnsPage().getBytes(StandardCharsets.UTF_8), "xi.txt");
        Article before = awaitArticle(cluster, topics, panda.getItemId());
        Article unchanged = awaitArticle(cluster, topics, economy.getItemId());
        awaitArticle(cluster, topics, later.getItemId());
        assertThat(before.getSubheadline()).isNull();
        yesterday.close();

        IngestService today = new IngestService(cluster.context(topics, Map.of()));
        today.start();
        try {
            List<long[]> reports = new ArrayList<>();
            Reingest.Result result = Reingest.run(context, from, to, (done, total) -> reports.add(new long[] {done, total}));

            assertThat(result).isEqualTo(new Reingest.Result(2, 2, 0, 0, 0));
            assertThat(reports).last().satisfies(r -> assertThat(r).containsExactly(2, 2));
            Article v2 = cluster.awaitValue(topics.articlesIngested(), before.getId(), a -> a.getVersion() == 2, WAIT);
            assertThat(v2.getSubheadline()).isEqualTo("Twin cubs turn one");
            assertThat(v2.getFirstCreated()).isEqualTo(before.getFirstCreated());
            awaitTrue(() -> today.duplicates() >= 1); // the economy story parses as it did

            assertThat(cluster.readCommitted(topics.articlesIngested())).filteredOn(a -> a.getId().equals(unchanged.getId()))
                    .singleElement().satisfies(a -> assertThat(a.getVersion()).isEqualTo(1));
            List<WireItem> copies = cluster.readCommitted(topics.wireReceived()).stream()
                    .filter(i -> i.getChannel() == Channel.REINGEST).toList();
            assertThat(copies).extracting(WireItem::getContentHash) // the page came after --to
                    .containsExactlyInAnyOrder(panda.getContentHash(), economy.getContentHash());
            WireItem pandaCopy = copies.stream().filter(c -> c.getContentHash().equals(panda.getContentHash())).findFirst().orElseThrow();
            assertThat(pandaCopy.getItemId()).isNotEqualTo(panda.getItemId());
            assertThat(pandaCopy.getFeed()).isEqualTo(panda.getFeed());
            assertThat(pandaCopy.getFilename()).isEqualTo("pandas.json");
            assertThat(pandaCopy.getContentType()).isEqualTo("application/json");
        } finally {
            today.close();
        }
    }

    /** A short session, so today's instance does not wait long for yesterday's to be declared gone. */
    private static Properties yesterdayProperties(ServiceContext context) {
        Properties p = context.streamsProperties(IngestService.APPLICATION_ID);
        p.put(org.apache.kafka.streams.StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        return p;
    }

    /** Yesterday's parser: today's ninjs parser, but blind to subheadlines. */
    private static final class NinjsWithoutSubheadlines implements WireFormatParser {
        private final NinjsParser parser = new NinjsParser();

        @Override
        public String format() {
            return parser.format();
        }

        @Override
        public boolean sniff(byte[] payload, String contentType, String filename) {
            return parser.sniff(payload, contentType, filename);
        }

        @Override
        public List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
            return parser.parse(payload, contentType).stream().map(a -> new ParsedArticle(a.headline(), a.section(), null,
                    a.byline(), a.sourceAgency(), a.editor(), a.datelinePlace(), a.publishedAt(), a.publishedOffset(),
                    a.embargoUntil(), a.language(), a.priority(), a.pubStatus(), a.type(), a.paragraphs(), a.bodyHtml(),
                    a.media(), a.links(), a.subjects(), a.sourceId(), a.sourceUrl(), a.firstCreated(), a.versionCreated(),
                    a.subjectCodes(), a.slugline(), a.warnings())).toList();
        }
    }

    @Test
    void replayFromTheBeginningOfAnEmptyTopicDoesNothing(TestCluster cluster) {
        ServiceContext context = cluster.context(Map.of());

        Reingest.Result result = Reingest.run(context, null, null, (done, total) -> { });

        assertThat(result).isEqualTo(new Reingest.Result(0, 0, 0, 0, 0));
    }

    private static WireItem write(TestCluster cluster, Topics topics, byte[] bytes, String filename) {
        String contentType = filename.endsWith(".json") ? "application/json" : "text/plain";
        WireItem item = new WireItems(WireFormats.standard(), 1 << 20)
                .receive(bytes, "http", Channel.HTTP, null, contentType, filename, null, Instant.now());
        cluster.produce(topics.wireReceived(), item.getItemId(), item);
        return item;
    }

    /** The first instant after every record written so far (record times have millisecond resolution). */
    private static Instant nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
        return Instant.ofEpochMilli(now + 1);
    }

    private static Article awaitArticle(TestCluster cluster, Topics topics, String rawItemId) {
        for (long deadline = System.nanoTime() + WAIT.toNanos(); System.nanoTime() < deadline; ) {
            for (Article a : cluster.readCommitted(topics.articlesIngested())) {
                if (a.getProvenance().getRawItemId().equals(rawItemId)) {
                    return a;
                }
            }
        }
        throw new AssertionError("no article from item " + rawItemId);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        for (long deadline = System.nanoTime() + WAIT.toNanos(); System.nanoTime() < deadline; ) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("condition not met within " + WAIT);
    }
}
