package io.inkstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inkstream.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo feed shipped in the jar is complete, valid ninjs, varied, and every photo it names exists. */
class DemoCorpusTest {

    static final List<String> SECTIONS = List.of("Politics", "Business", "Society", "Culture", "Military",
            "Sci-tech", "Entertainment", "Sports", "Travel", "Odd");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> items;

    @BeforeAll
    static void readFeed() {
        items = new HashMap<>();
        for (FeedItem item : DemoFeed.fromClasspath().items()) {
            if (item.isNinjs()) {
                items.put(item.name(), DemoFeed.parse(item));
            }
        }
    }

    @Test
    void indexListsEveryFileInTheFeedFolderExactlyOnce() throws IOException, URISyntaxException {
        Path folder = Path.of(DemoCorpusTest.class.getResource(DemoFeed.FOLDER).toURI());
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).collect(Collectors.toSet());
        }
        List<String> index = DemoFeed.index();
        assertThat(index).doesNotHaveDuplicates();
        assertThat(new HashSet<>(index)).isEqualTo(onDisk);
    }

    @Test
    void feedHoldsAtLeastSixtyStoriesAndTheFixturePage() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(60);
        FeedItem page = DemoFeed.fromClasspath().items().stream().filter(i -> !i.isNinjs()).findFirst().orElseThrow();
        assertThat(new String(page.bytes(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.ecnsPage());
    }

    @Test
    void everyStoryHasHeadlineBodySectionTimesAndAnId() {
        items.forEach((name, n) -> {
            assertThat(n.path("uri").asText()).as(name).startsWith("urn:inkstream-demo:");
            assertThat(headline(n)).as(name).isNotBlank();
            assertThat(body(n)).as(name).contains("<p>");
            assertThat(SECTIONS).as(name).contains(n.path("section").asText());
            assertThat(n.path("language").asText()).as(name).isEqualTo("en");
            assertThat(n.path("by").asText()).as(name).isNotBlank();
            assertThat(n.path("pubstatus").asText()).as(name).isEqualTo("usable");
            assertThat(OffsetDateTime.parse(n.path("firstcreated").asText())).as(name).isNotNull();
            assertThat(n.path("urgency").asInt()).as(name).isBetween(1, 9);
        });
    }

    @Test
    void textStoriesHaveThreeToSixParagraphs() {
        items.forEach((name, n) -> {
            if (n.path("type").asText().equals("text")) {
                int paragraphs = body(n).split("<p>", -1).length - 1;
                assertThat(paragraphs).as(name).isBetween(3, 6);
            }
        });
    }

    @Test
    void everySectionHasAtLeastThreeStoriesAndATopicFollowedAcrossThree() {
        Map<String, List<JsonNode>> bySection = items.values().stream()
                .collect(Collectors.groupingBy(n -> n.path("section").asText()));
        assertThat(bySection.keySet()).containsExactlyInAnyOrderElementsOf(SECTIONS);
        bySection.forEach((section, stories) -> {
            assertThat(stories).as(section).hasSizeGreaterThanOrEqualTo(3);
            Map<String, Long> keywordCounts = stories.stream()
                    .flatMap(n -> toStrings(n.path("keywords")).stream())
                    .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
            assertThat(keywordCounts.values()).as("a running story in " + section).anyMatch(count -> count >= 3);
        });
    }

    @Test
    void noTwoStoriesShareABodyOrAHeadlineOrAnId() {
        assertThat(items.values().stream().map(DemoCorpusTest::body).toList()).doesNotHaveDuplicates();
        assertThat(items.values().stream().map(DemoCorpusTest::headline).toList()).doesNotHaveDuplicates();
        assertThat(items.values().stream().map(n -> n.path("uri").asText()).toList()).doesNotHaveDuplicates();
    }

    @Test
    void feedHasPicturesAndAFewTopPriorityStories() {
        assertThat(items.values()).filteredOn(n -> n.path("type").asText().equals("picture")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(items.values()).filteredOn(n -> n.path("urgency").asInt() <= 2).hasSizeBetween(3, 15);
    }

    @Test
    void everyReferencedPhotoShipsInTheJarWithCaptionAndCredit() {
        List<String> hrefs = new ArrayList<>();
        items.forEach((name, n) -> n.path("associations").forEach(photo -> {
            String href = photo.path("renditions").get(0).path("href").asText();
            assertThat(href).as(name).startsWith("/media/demo/");
            assertThat(caption(photo)).as(name).isNotBlank();
            assertThat(photo.path("by").asText()).as(name).isNotBlank();
            hrefs.add(href);
        }));
        assertThat(hrefs).hasSizeGreaterThanOrEqualTo(20);
        for (String href : hrefs) {
            // the renderer serves /media/** from the classpath folder media/
            try (InputStream in = DemoCorpusTest.class.getResourceAsStream(href)) {
                assertThat(in).as(href).isNotNull();
                byte[] head = in.readNBytes(8);
                assertThat(head).as(href + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(items.values()).filteredOn(n -> n.path("type").asText().equals("picture"))
                .allMatch(n -> n.path("associations").size() == 1, "picture items carry their picture");
    }

    @Test
    void readmeStatesTheLicenseOfTheDemoContent() throws IOException {
        try (InputStream in = DemoCorpusTest.class.getResourceAsStream("/demo/README.md")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("CC0");
        }
    }

    static String headline(JsonNode n) {
        for (JsonNode h : n.path("headlines")) {
            if (h.path("role").asText().equals("main")) {
                return h.path("value").asText();
            }
        }
        return n.path("headline").asText();
    }

    static String body(JsonNode n) {
        for (JsonNode b : n.path("bodies")) {
            if (b.path("role").asText().equals("main")) {
                return b.path("value").asText();
            }
        }
        return n.path("body_html").asText();
    }

    private static String caption(JsonNode photo) {
        for (JsonNode d : photo.path("descriptions")) {
            if (d.path("role").asText().equals("caption")) {
                return d.path("value").asText();
            }
        }
        return "";
    }

    private static List<String> toStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
