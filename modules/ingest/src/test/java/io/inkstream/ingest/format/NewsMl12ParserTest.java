package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsMl12ParserTest {

    private final NewsMl12Parser parser = new NewsMl12Parser();

    private ParsedArticle parse(String resource) throws RejectedItemException {
        return parser.parse(TestResources.bytes("/newsml12/" + resource), null).get(0);
    }

    @Test
    void identificationAndManagementGiveIdTimesStatusAndUrgency() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.sourceId()).as("the PublicIdentifier without its revision").isEqualTo("urn:newsml:wire.example.org:20260402:TX-ORCHARD-11");
        assertThat(a.firstCreated()).isEqualTo(Instant.parse("2026-04-02T06:10:00Z"));
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-04-02T07:12:00Z"));
        assertThat(a.publishedOffset()).isEqualTo("+02:00");
        assertThat(a.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.priority()).as("the item's Urgency wins over the envelope's Priority").isEqualTo(2);
    }

    @Test
    void newsLinesAndMetadataGiveHeadlineBylineDatelineLanguageAndSubjects() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.headline()).isEqualTo("Late frost hits apple orchards");
        assertThat(a.subheadline()).isEqualTo("Growers count losses after two cold nights");
        assertThat(a.byline()).isEqualTo("Ines Marlow");
        assertThat(a.sourceAgency()).isEqualTo("EWS");
        assertThat(a.datelinePlace()).isEqualTo("Valdora");
        assertThat(a.slugline()).isEqualTo("Farming-Frost");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.subjectCodes()).containsExactly("subj:04000000", "subj:04001000");
        assertThat(a.subjects()).containsExactly("apples");
    }

    @Test
    void embeddedNitfIsTheBodyAndThePhotoComponentItsLargestPicture() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.type()).isEqualTo(ContentType.text);
        assertThat(a.paragraphs()).containsExactly(
                "Two nights of frost have damaged blossom in the apple orchards around Valdora, growers said on Thursday.",
                "- Insurance -",
                "Most farms are insured against hail but not against frost.");
        assertThat(a.editor()).isEqualTo("im/kt");
        assertThat(a.media()).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo("https://img.example.org/frost-large.jpg");
            assertThat(m.caption()).isEqualTo("Frost on apple blossom near Valdora");
            assertThat(m.credit()).isEqualTo("EWS/Jon Aske");
        });
    }

    @Test
    void statusCanceledIsAKillOfTheSameStoryInALaterRevision() throws Exception {
        ParsedArticle kill = parse("canceled.xml");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.sourceId()).isEqualTo(parse("story.xml").sourceId());
    }

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
    void anXhtmlContentItemIsTheBodyWithoutItsHeadOrRepeatedHeadline() throws Exception {
        ParsedArticle a = parse("xhtml.xml");

        assertThat(a.byline()).isEqualTo("By Teo Varga");
        assertThat(a.paragraphs()).containsExactly("From May the library opens every Sunday.", "Children's hours start at ten.");
        assertThat(a.bodyHtml()).contains("<strong>every Sunday</strong>").doesNotContain("title", "xmlns");
    }

    @Test
    void aPhotoItemWithoutHeadlineIsAPictureNamedByItsCaption() throws Exception {
        ParsedArticle a = parse("photo.xml");

        assertThat(a.type()).isEqualTo(ContentType.picture);
        assertThat(a.headline()).isEqualTo("Kites over the dunes at the spring festival.");
        assertThat(a.media()).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo("https://img.example.org/kites.jpg");
            assertThat(m.caption()).isEqualTo("Kites over the dunes at the spring festival.");
        });
    }

    @Test
    void anUnreadableDateIsAWarningNotARefusal() throws Exception {
        ParsedArticle a = parse("bad-date.xml");

        assertThat(a.headline()).isEqualTo("Town hall clock restored");
        assertThat(a.paragraphs()).containsExactly("The clock was stopped for ten years.", "It now runs again.");
        assertThat(a.firstCreated()).isNull();
        assertThat(a.warnings()).singleElement().asString().contains("FirstCreated", "Thursday morning");
    }

    @Test
    void aDoctypeIsRefusedAsHostileXml() {
        assertThatThrownBy(() -> parse("doctype.xml"))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("hostile-xml"))
                .hasMessageContaining("NewsML 1.2");
    }

    @Test
    void sniffsTheNewsMlRootButNotNewsMlG2() {
        assertThat(parser.sniff(TestResources.bytes("/newsml12/story.xml"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/newsml/newsitem-text.xml"), null, null)).isFalse();
    }
}
