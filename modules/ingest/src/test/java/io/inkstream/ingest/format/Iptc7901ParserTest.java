package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Iptc7901ParserTest {

    private final Iptc7901Parser parser = new Iptc7901Parser();

    @Test
    void dpaLeadReadsHeaderTakeLineHeadlineBylineAndLatin1Copy() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null).get(0);

        assertThat(a.headline()).isEqualTo("Jürgen Kühn wins the Harbour Open final in straight sets");
        assertThat(a.byline()).isEqualTo("Jane Roe");
        assertThat(a.sourceAgency()).isEqualTo("dpa");
        assertThat(a.slugline()).isEqualTo("Tennis/Harbour Open/Final");
        assertThat(a.priority()).isEqualTo(3);
        assertThat(a.subjectCodes()).containsExactly("iptc7901:s");
        assertThat(a.datelinePlace()).isEqualTo("Portsville");
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2024-03-05T18:30:00Z"));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-05T18:30:00Z"));
        assertThat(a.paragraphs()).containsExactly(
                "Portsville (dpa) - Jürgen Kühn won the Harbour Open on Sunday, beating the defending champion 6-3, 6-4 in a final cut short by rain.",
                "The 24-year-old, who had never passed the second round here, said he played \"the best tennis of my life\".");
        assertThat(a.links()).extracting(ParsedArticle.Link::href).containsExactly("https://open.example.org/results");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void killTakeLineCancelsTheStoryWithTheSameKeywordThatDay() throws Exception {
        ParsedArticle lead = parser.parse(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null).get(0);
        ParsedArticle kill = parser.parse(TestResources.bytes("/iptc7901/dpa-kill.txt"), null).get(0);

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(lead.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(kill.sourceId()).isEqualTo(lead.sourceId()).isEqualTo("iptc7901:dpa:2024-03-05:tennis/harbour open/final");
    }

    @Test
    void plainMessageWithoutTrailerTimeTakesTheFirstLineAsHeadlineAndWarns() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/iptc7901/plain-no-trailer.txt"), null).get(0);

        assertThat(a.headline()).isEqualTo("Fog closes the coast road");
        assertThat(a.paragraphs()).containsExactly(
                "The coast road was closed for three hours on Tuesday morning as thick fog rolled in.", "Police reopened it at noon.");
        assertThat(a.priority()).isEqualTo(5);
        assertThat(a.versionCreated()).isNull();
        assertThat(a.warnings()).singleElement().asString().contains("ETX trailer");
    }

    @Test
    void declaredCharsetWinsAndAnUnknownOneIsAWarning() throws Exception {
        ParsedArticle utf8 = parser.parse(TestResources.bytes("/iptc7901/plain-no-trailer.txt"), "text/plain; charset=x-no-such").get(0);
        assertThat(utf8.warnings()).anySatisfy(w -> assertThat(w).contains("Unknown charset 'x-no-such'"));

        byte[] latin1 = TestResources.bytes("/iptc7901/dpa-lead-latin1.txt");
        assertThat(parser.parse(latin1, "text/plain; charset=ISO-8859-1").get(0).headline()).startsWith("Jürgen Kühn");
    }

    @Test
    void messageWithoutTextIsRefusedNamingTheFormat() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/iptc7901/no-text.txt"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-body"))
                .hasMessageContaining("IPTC 7901").hasMessageContaining("no body text");
        assertThatThrownBy(() -> parser.parse("\u0001abc 1 i 2 \r\nno start of text".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("IPTC 7901").hasMessageContaining("STX");
    }

    @Test
    void sniffsTheSohHeaderAndNothingElse() {
        assertThat(parser.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/anpa/writethru.tst"), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.ecnsFixture(), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
