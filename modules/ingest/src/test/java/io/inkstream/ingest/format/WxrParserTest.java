package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WxrParserTest {

    private final WxrParser parser = new WxrParser();

    private List<ParsedEntry> entries() throws Exception {
        return parser.parseEntries(TestResources.bytes("/wxr/export.xml"), null);
    }

    @Test
    void oneEntryPerPostEachAcceptedOrRefusedOnItsOwn() throws Exception {
        List<ParsedEntry> entries = entries();

        assertThat(entries).extracting(ParsedEntry::label).containsExactly(
                "https://gazette.example.org/?p=101", "https://gazette.example.org/?p=102", "https://gazette.example.org/?p=103",
                "https://gazette.example.org/?p=104", "https://gazette.example.org/?p=105");
        assertThat(entries.get(1).refusal().code()).isEqualTo("not-published");
        assertThat(entries.get(1).refusal().reason()).contains("WordPress WXR").contains("draft");
        assertThat(entries.get(2).refusal().code()).isEqualTo("missing-headline");
        assertThat(entries.get(0).isRefused()).isFalse();
        assertThat(parser.parse(TestResources.bytes("/wxr/export.xml"), null)).hasSize(3);
    }

    @Test
    void postResolvesShortcodesAutopAndTakesImagesOutAsMedia() throws Exception {
        ParsedArticle a = entries().get(0).article();

        assertThat(a.headline()).isEqualTo("New lighthouse keeper starts on Monday");
        assertThat(a.byline()).isEqualTo("Jane Roe");
        assertThat(a.sourceAgency()).isEqualTo("Harbour Gazette");
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.subheadline()).isEqualTo("A keeper again after five years.");
        assertThat(a.sourceUrl()).isEqualTo("https://gazette.example.org/2024/03/lighthouse-keeper/");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-22T09:30:00Z"));
        assertThat(a.paragraphs()).containsExactly(
                "The lighthouse has a keeper again.",
                "Sam Lee, 41, takes over from", "his aunt, who kept the light for thirty years.",
                "A family tradition",
                "Lee said he would keep the logbook by hand.");
        assertThat(a.bodyHtml()).startsWith("<p><strong>The lighthouse").doesNotContain("[", "<img", "contact_form");
        assertThat(a.subjects()).containsExactly("Local", "Harbour & Coast");
        assertThat(a.subjectCodes()).containsExactly("wpcat:local");
        assertThat(a.media()).extracting(ParsedArticle.Media::url).containsExactly(
                "https://gazette.example.org/uploads/lighthouse.jpg",   // _thumbnail_id: the featured image first
                "https://gazette.example.org/uploads/logbook.jpg",      // attachment whose post_parent is the post
                "https://gazette.example.org/uploads/keeper.jpg");      // [caption] image in the text
        assertThat(a.media().get(0).caption()).isEqualTo("The lighthouse at dusk");
        assertThat(a.media().get(0).alt()).isEqualTo("Lighthouse");
        assertThat(a.media().get(2).caption()).isEqualTo("Sam Lee at the lamp room");
    }

    @Test
    void trashIsAKillAndFutureIsWithheldUntilItsDate() throws Exception {
        List<ParsedEntry> entries = entries();

        ParsedArticle trashed = entries.get(3).article();
        assertThat(trashed.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(trashed.sourceId()).isEqualTo("https://gazette.example.org/?p=104");
        ParsedArticle future = entries.get(4).article();
        assertThat(future.pubStatus()).isEqualTo(PubStatus.withheld);
        assertThat(future.embargoUntil()).isEqualTo(Instant.parse("2024-03-30T10:00:00Z"));
        assertThat(future.publishedOffset()).isEqualTo("+01:00");
    }

    @Test
    void attachmentsAndPagesAreNotArticles() throws Exception {
        assertThat(entries()).noneMatch(e -> !e.isRefused() && e.article().headline().contains("lighthouse at dusk"));
        assertThat(entries()).noneMatch(e -> "https://gazette.example.org/about/".equals(e.label()));
        assertThat(entries()).noneMatch(e -> !e.isRefused() && e.article().type() != ContentType.text);
    }

    @Test
    void sniffsOnlyRssWithTheWordPressNamespace() {
        assertThat(parser.sniff(TestResources.bytes("/wxr/export.xml"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/feeds/rss.xml"), null, null)).isFalse();
    }
}
