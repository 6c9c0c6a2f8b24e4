package io.inkstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.events.Article;
import io.inkstream.events.Topics;
import io.inkstream.events.WireItem;
import io.inkstream.events.WireRejection;
import io.inkstream.platform.ServiceContext;
import io.inkstream.testkit.Fixtures;
import io.inkstream.testkit.InkstreamTest;
import io.inkstream.testkit.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest against the real broker and registry: HTTP push in, articles and rejections out. */
@InkstreamTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestServiceTest {

    private static final String KEY = "s3cret";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCluster cluster;
    private Topics topics;
    private ServedIngest ingest;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(TestCluster cluster) {
        this.cluster = cluster;
        ServiceContext context = cluster.context(Map.of("ingest.api.key", KEY, "ingest.max.item.bytes", "16384"));
        topics = context.topics();
        ingest = ServedIngest.start(context);
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    private HttpResponse<String> post(byte[] body, String contentType, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.items())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postedFixturePageArrivesAsArticleAndAResendIsADuplicate() throws Exception {
        byte[] page = Fixtures.ecnsPage().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post(page, "text/plain; charset=utf-8", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        String articleId = answer.path("articleId").asText();
        assertThat(articleId).startsWith("urn:inkstream:article:");
        assertThat(answer.path("duplicate").asBoolean()).isFalse();

        Article a = cluster.awaitValue(topics.articlesIngested(), articleId, v -> true, WAIT);
        assertThat(a.getHeadline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(a.getSection()).isEqualTo("Politics");
        assertThat(a.getPublishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(a.getPublishedOffset()).isEqualTo("Asia/Shanghai");
        assertThat(a.getSourceAgency()).isEqualTo("China Daily");
        assertThat(a.getEditor()).isEqualTo("Wang Fan");
        assertThat(a.getMedia()).singleElement().satisfies(m -> {
            assertThat(m.getCaption()).isEqualTo("Chinese President Xi Jinping talks with tech executives at 8th U.S.-China "
                    + "Internet Industry Forum in Seattle, Sept 23, 2015.");
            assertThat(m.getCredit()).isEqualTo("Lao Jiang/Provided to chinadaily.com.cn");
        });
        assertThat(a.getParagraphs()).hasSize(10);
        assertThat(a.getParagraphs().get(0)).startsWith("President Xi Jinping called for").doesNotContain("[Special coverage]");
        assertThat(a.getParagraphs().get(9)).endsWith("a senior official in charge of public security.");
        assertThat(a.getVersion()).isEqualTo(1);
        assertThat(a.getProvenance().getRawItemId()).isEqualTo(answer.path("itemId").asText());

        HttpResponse<String> again = post(page, "text/plain", KEY);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(JSON.readTree(again.body()).path("articleId").asText()).isEqualTo(articleId);
    }

    @Test
    void aFileOfSeveralItemsIsAnsweredEntryByEntryAndOneBadItemSinksNoOther() throws Exception {
        byte[] wrapper = """
                {"total": 2, "item": [
                  {"uri": "urn:test:http-entries:good", "type": "text", "headline": "Ferry timetable changes in spring",
                   "versioncreated": "2026-03-02T07:30:00+01:00", "body_text": "The morning ferry leaves ten minutes earlier."},
                  {"uri": "urn:test:http-entries:bad", "type": "text", "body_text": "Copy that lost its headline on the way."}
                ]}""".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(wrapper, "application/json", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").asInt()).isEqualTo(1);
        JsonNode good = answer.path("entries").get(0);
        JsonNode bad = answer.path("entries").get(1);
        assertThat(good.path("headline").asText()).isEqualTo("Ferry timetable changes in spring");
        assertThat(bad.path("error").asText()).isEqualTo("missing-headline");
        assertThat(bad.path("message").asText()).contains("ninjs");

        Article a = cluster.awaitValue(topics.articlesIngested(), good.path("articleId").asText(), v -> true, WAIT);
        assertThat(a.getVersionCreated()).as("the item's own time").isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));
        WireRejection rejection = cluster.awaitValue(topics.wireRejected(), answer.path("itemId").asText(), v -> true, WAIT);
        assertThat(rejection.getCode()).isEqualTo("missing-headline");
        assertThat(rejection.getEntry()).isEqualTo(bad.path("entry").asText());
        assertThat(rejection.getItem().getPayload().remaining()).as("the whole file is kept").isEqualTo(wrapper.length);
    }

    @Test
    void unreadableItemIsAnswered415AndKeptOnWireRejectedWithTheRawItem() throws Exception {
        byte[] garbage = new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 7, 8, 9};
        HttpResponse<String> response = post(garbage, "application/octet-stream", KEY);

        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("unknown-format");
        assertThat(error.path("message").asText()).contains("declare it");
        String itemId = error.path("itemId").asText();
        WireRejection rejection = cluster.awaitValue(topics.wireRejected(), itemId, v -> true, WAIT);
        assertThat(rejection.getCode()).isEqualTo("unknown-format");
        assertThat(rejection.getItem().getPayload().remaining()).isEqualTo(garbage.length);
        WireItem kept = cluster.awaitValue(topics.wireReceived(), itemId, v -> true, WAIT);
        assertThat(kept.getSize()).isEqualTo(garbage.length);
    }

    @Test
    void hostileXmlIsAnswered422WithTheReason() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentMeta><headline>&x;</headline></contentMeta></newsItem>";
        HttpResponse<String> response = post(xxe.getBytes(StandardCharsets.UTF_8), "application/vnd.iptc.g2.newsitem+xml", KEY);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("hostile-xml");
    }

    @Test
    void oversizedItemIsAnswered413() throws Exception {
        HttpResponse<String> response = post(new byte[20_000], "text/plain", KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("too-large");
        WireItem kept = cluster.awaitValue(topics.wireReceived(), error.path("itemId").asText(), v -> true, WAIT);
        assertThat(kept.getTruncated()).isTrue();
        assertThat(kept.getSize()).isEqualTo(20_000);
    }

    @Test
    void poisonPillOnWireReceivedIsRejectedWithItsBytesAndIngestGoesOn() throws Exception {
        // own topics: the pill would break the other tests' readers of wire.received
        ServiceContext context = cluster.context(Map.of());
        try (AutoCloseable own = closing(new IngestService(context))) {
            byte[] pill = new byte[] {0, 0, 0, 0, 99, 1, 2, 3}; // Confluent framing, but no such schema id
            cluster.produceRaw(context.topics().wireReceived().name(), "poison-1", pill);

            WireRejection rejection = cluster.awaitValue(context.topics().wireRejected(), "poison-1", v -> true, WAIT);
            assertThat(rejection.getCode()).isEqualTo("undeserializable");
            assertThat(rejection.getRawRecord()).isEqualTo(java.nio.ByteBuffer.wrap(pill));
        }
    }

    private static AutoCloseable closing(IngestService service) {
        service.start();
        return service::close;
    }

    @Test
    void zipUploadMakesEachFileAnItemAndAnswersFileByFile() throws Exception {
        byte[] zip = zip(Map.of(
                "wire/", new byte[0],
                "wire/ninjs2-text.json", IngestTopologyTest.resource("/ninjs/ninjs2-text.json"),
                "wire/malformed.json", IngestTopologyTest.resource("/ninjs/malformed.json"),
                "wire/.DS_Store", new byte[] {1, 2, 3}));
        HttpResponse<String> response = post(zip, "application/zip", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").asInt()).isEqualTo(1);
        JsonNode files = answer.path("files");
        assertThat(files).hasSize(2);
        JsonNode good = byName(files, "wire/ninjs2-text.json");
        JsonNode bad = byName(files, "wire/malformed.json");
        assertThat(bad.path("error").asText()).isEqualTo("unparseable");
        assertThat(bad.path("itemId").asText()).isNotBlank();

        Article a = cluster.awaitValue(topics.articlesIngested(), good.path("articleId").asText(), v -> true, WAIT);
        assertThat(a.getProvenance().getRawItemId()).isEqualTo(good.path("itemId").asText());
        WireItem item = cluster.awaitValue(topics.wireReceived(), good.path("itemId").asText(), v -> true, WAIT);
        assertThat(item.getFilename()).isEqualTo("wire/ninjs2-text.json");
        cluster.awaitValue(topics.wireRejected(), bad.path("itemId").asText(), r -> r.getCode().equals("unparseable"), WAIT);
    }

    @Test
    void tarUploadMakesEachFileAnItem() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (var file : Map.of("a-rather-long-directory-name-for-the-old-tar-limit/of-one-hundred-characters/xi.txt",
                    IngestTopologyTest.resource("/page-text/several-photos-subheadline.txt"),
                    "atom.xml", IngestTopologyTest.resource("/feeds/atom.xml")).entrySet()) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        HttpResponse<String> response = post(bytes.toByteArray(), "application/x-tar", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode files = JSON.readTree(response.body()).path("files");
        assertThat(byName(files, "atom.xml").path("articleIds")).hasSize(2);
        JsonNode page = byName(files, "a-rather-long-directory-name-for-the-old-tar-limit/of-one-hundred-characters/xi.txt");
        assertThat(page.path("format").asText()).isEqualTo("page-text");
        assertThat(page.path("articleId").asText()).startsWith("urn:inkstream:article:");
    }

    @Test
    void zipBombIsRefused413ByTheBytesItInflatesTo() throws Exception {
        byte[] bomb = zip(Map.of("zeros.txt", new byte[1_000_000])); // about 1 KB deflated, far over the 16 KB limit unpacked
        assertThat(bomb.length).isLessThan(16384);

        HttpResponse<String> response = post(bomb, "application/zip", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("too-large");
    }

    @Test
    void archiveWithMoreThanAThousandEntriesIsRefused413() throws Exception {
        Map<String, byte[]> many = new java.util.TreeMap<>();
        for (int i = 0; i <= 1000; i++) {
            many.put("f" + i + ".txt", new byte[] {'x'});
        }
        HttpResponse<String> response = post(zip(many), "application/zip", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("too-many-entries");
    }

    @Test
    void corruptArchiveIsAnswered422() throws Exception {
        HttpResponse<String> response = post("PK\u0003\u0004 this is no zip".getBytes(StandardCharsets.UTF_8), "application/zip", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unreadable-archive");
    }

    private static JsonNode byName(JsonNode files, String name) {
        for (JsonNode f : files) {
            if (f.path("filename").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no file " + name + " in " + files);
    }

    private static byte[] zip(Map<String, byte[]> files) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void missingApiKeyIsAnswered401() throws Exception {
        HttpResponse<String> response = post(Fixtures.ecnsPage().getBytes(StandardCharsets.UTF_8), "text/plain", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unauthorized");
    }
}
