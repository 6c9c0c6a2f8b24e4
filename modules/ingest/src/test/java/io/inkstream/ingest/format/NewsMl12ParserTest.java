package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewsMl12ParserTest {

    private final NewsMl12Parser parser = new NewsMl12Parser();

    @Test
    void eachNewsItemIsAnEntryAndABadOneIsRefusedAlone() throws Exception {
        List<ParsedEntry> entries = parser.parseEntries(TestResources.bytes("/newsml12/two-items.xml"), null);

        assertThat(entries).hasSize(2);
        ParsedArticle tram = entries.get(0).article();
        assertThat(tram.headline()).isEqualTo("New tram line opens");
        assertThat(tram.sourceId()).isEqualTo("urn:newsml:wire.example.org:20260403:TX-TRAM-1");
        assertThat(tram.language()).isEqualTo("en");
        assertThat(tram.datelinePlace()).as("a DateLine that is only a date names no place").isNull();
        assertThat(tram.subjectCodes()).containsExactly("subj:14025000");
        assertThat(tram.subjects()).containsExactly("Infrastructure");
        assertThat(tram.paragraphs()).as("HTML sent as text, sanitized, without its closing rights notice")
                .containsExactly("The tram runs every six minutes.", "Tickets cost two coins.");
        assertThat(tram.bodyHtml()).doesNotContain("script", "onclick", "alert");
        assertThat(entries.get(1).isRefused()).isTrue();
        assertThat(entries.get(1).label()).isEqualTo("TX-EMPTY-2");
        assertThat(entries.get(1).refusal().code()).isEqualTo("missing-headline");
        assertThat(entries.get(1).refusal().reason()).contains("NewsML 1.2", "HeadLine", "ContentItem");
    }

    @Test
    void sniffsTheNewsMlRootButNotNewsMlG2() {
        assertThat(parser.sniff(TestResources.bytes("/newsml12/story.xml"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/newsml/newsitem-text.xml"), null, null)).isFalse();
    }
}
