package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NitfParserTest {

    private final NitfParser parser = new NitfParser();

    private ParsedArticle parse(String resource) throws RejectedItemException {
        return parser.parse(TestResources.bytes("/nitf/" + resource), null).get(0);
    }

    @Test
    void headAndDocdataGiveTheStorysMetadata() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.headline()).isEqualTo("Harbour bridge reopens after repairs");
        assertThat(a.sourceId()).isEqualTo("WIRE.2026.bridge.7");
        assertThat(a.priority()).isEqualTo(3);
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.slugline()).isEqualTo("Harbour-Bridge");
        assertThat(a.subjectCodes()).containsExactly("anpa:a", "subj:14025000");
        assertThat(a.subjects()).contains("Social issues", "Infrastructure", "bridges").doesNotContain("House code");
        assertThat(a.firstCreated()).isEqualTo(Instant.parse("2026-03-14T05:15:00Z"));
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-03-14T05:15:00Z"));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-03-14T07:00:00Z"));
        assertThat(a.publishedOffset()).isEqualTo("+01:00");
        assertThat(a.embargoUntil()).as("date.release after date.issue").isEqualTo(Instant.parse("2026-03-14T07:00:00Z"));
        assertThat(a.pubStatus()).as("a correction's ed-msg is no kill").isEqualTo(PubStatus.usable);
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void bodyHeadGivesBylineWithoutTitleAgencyAndDateline() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.byline()).isEqualTo("By Mara Quill");
        assertThat(a.sourceAgency()).isEqualTo("Example Wire Service");
        assertThat(a.datelinePlace()).isEqualTo("Portmere");
        assertThat(a.subheadline()).as("the hl2 that repeats hl1 is skipped").isEqualTo("Commuters return to the crossing after eleven weeks");
    }

    @Test
    void bodyDropsTheRepeatedHeadlineAndReadsBlocksInlineElementsAndTables() throws Exception {
        ParsedArticle a = parse("story.xml");

        assertThat(a.paragraphs()).containsExactly(
                "PORTMERE (EWS) \u2013 The harbour bridge opened to traffic again on Saturday, said chief engineer Ola Brenn.",
                "Eleven weeks of work",
                "Crews replaced four cable anchors.",
                "North lane: open",
                "South lane: open at noon",
                "Lane | Opens",
                "North | 06:00",
                "Tolls stay suspended until \u201cfurther notice\u201d.");
        assertThat(a.bodyHtml()).contains("<h2>Eleven weeks of work</h2>", "<li>South lane: <em>open at noon</em></li>")
                .doesNotContain("person", "chron", "endash", "ends");
        assertThat(a.editor()).as("the editors' sign-off is not body text").isEqualTo("mq/ts");
        assertThat(a.media()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(ContentType.picture);
            assertThat(m.url()).isEqualTo("https://img.example.org/bridge.jpg");
            assertThat(m.caption()).isEqualTo("The bridge at dawn on Saturday.");
            assertThat(m.credit()).isEqualTo("Ana Lutz");
            assertThat(m.alt()).isEqualTo("The bridge at dawn");
        });
    }

    @Test
    void managementStatusCanceledIsAKillWithTheSameDocId() throws Exception {
        ParsedArticle kill = parse("kill.xml");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.sourceId()).isEqualTo(parse("story.xml").sourceId());
    }

    @Test
    void aKillAdvisoryInEdMsgIsAKill() throws Exception {
        assertThat(parse("ed-msg-kill.xml").pubStatus()).isEqualTo(PubStatus.canceled);
    }

    @Test
    void aDoctypeIsRefusedAsHostileXmlNamingNitf() {
        assertThatThrownBy(() -> parse("doctype.xml"))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("hostile-xml"))
                .hasMessageContaining("NITF").hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUnreadableDateIsAWarningNotARefusal() throws Exception {
        ParsedArticle a = parse("bad-date.xml");

        assertThat(a.headline()).isEqualTo("Clock tower fixed");
        assertThat(a.firstCreated()).isNull();
        assertThat(a.warnings()).singleElement().asString().contains("date.issue", "the fourteenth of March");
    }

    @Test
    void noHeadlineAndNoBodyIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> parse("empty.xml"))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-headline"))
                .hasMessage("The NITF document has no headline (body.head/hedline/hl1 or head/title) and no body.content paragraphs.");
    }

    @Test
    void aBodyWithoutHeadlineGetsItsFirstSentenceAsHeadlineAndAWarning() throws Exception {
        ParsedArticle a = parse("no-headline.xml");

        assertThat(a.headline()).isEqualTo("Snow closed the mountain pass on Monday.");
        assertThat(a.warnings()).singleElement().asString().contains("no headline");
    }

    @Test
    void utf8BytesUnderALatin1DeclarationAreReadAsUtf8WithAWarning() throws Exception {
        ParsedArticle a = parse("declared-latin1-bytes-utf8.xml");

        assertThat(a.headline()).isEqualTo("Café reopens in Malmö");
        assertThat(a.paragraphs()).containsExactly("The café on Storgatan serves crème brûlée again.");
        assertThat(a.warnings()).singleElement().asString().contains("iso-8859-1", "UTF-8");
    }

    @Test
    void utf8BytesUnderAnotherSingleByteDeclarationAreReadAsUtf8Too() throws Exception {
        ParsedArticle a = parse("declared-latin9-bytes-utf8.xml");

        assertThat(a.headline()).isEqualTo("Smörgåsbord in Göteborg");
        assertThat(a.paragraphs()).containsExactly("Prices rose by 5 \u20ac a plate.");
        assertThat(a.warnings()).singleElement().asString().contains("ISO-8859-15", "UTF-8");
    }

    @Test
    void latin1BytesUnderAUtf8DeclarationAreReadAsWindows1252WithAWarning() throws Exception {
        ParsedArticle a = parse("declared-utf8-bytes-latin1.xml");

        assertThat(a.headline()).isEqualTo("Prices up 3% in Zürich");
        assertThat(a.paragraphs()).containsExactly("\u201cCoffee costs \u00a34 now,\u201d said one customer.");
        assertThat(a.warnings()).singleElement().asString().contains("not UTF-8", "Windows-1252");
    }

    @Test
    void sniffsTheNitfRootPastDeclarationCommentsAndDoctype() {
        assertThat(parser.sniff(TestResources.bytes("/nitf/story.xml"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/nitf/doctype.xml"), null, null)).isTrue();
        assertThat(parser.sniff("<!-- wire --><nitf/>".getBytes(), null, null)).isTrue();
        assertThat(parser.sniff("<html><body><nitf/></body></html>".getBytes(), null, null)).isFalse();
        assertThat(parser.sniff("{}".getBytes(), "application/nitf+xml", null)).isTrue();
    }

    @Test
    void deeplyNestedBlocksAreRead() throws Exception {
        String xml = "<nitf><body><body.head><hedline><hl1>Deep</hl1></hedline></body.head><body.content>"
                + "<block>".repeat(60) + "<p>nested</p>" + "</block>".repeat(60) + "<p>shallow</p></body.content></body></nitf>";

        assertThat(parser.parse(xml.getBytes(), null).get(0).paragraphs()).containsExactly("nested", "shallow");
    }

    @Test
    void hostileNestingIsRefusedBeforeItExhaustsTheStack() {
        String xml = "<nitf><body><body.head><hedline><hl1>" + "<em>".repeat(100_000) + "x" + "</em>".repeat(100_000)
                + "</hl1></hedline></body.head></body></nitf>";

        assertThatThrownBy(() -> parser.parse(xml.getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("deeper than");
    }
}
