package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NewsMlG2ParserTest {

    private final NewsMlG2Parser parser = new NewsMlG2Parser();

    @Test
    void newsItemMapsMetaAndXhtmlBody() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/newsml/newsitem-text.xml"), null).get(0);

        assertThat(a.sourceId()).isEqualTo("urn:newsml:ecns.cn:20150925:xi-cyberspace");
        assertThat(a.headline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(a.subheadline()).isEqualTo("President meets tech leaders in Seattle");
        assertThat(a.section()).isEqualTo("Politics");
        assertThat(a.sourceAgency()).isEqualTo("China Daily");
        assertThat(a.byline()).isEqualTo("Zhao Yinan");
        assertThat(a.datelinePlace()).isEqualTo("SEATTLE");
        assertThat(a.priority()).isEqualTo(4);
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(a.embargoUntil()).isEqualTo(OffsetDateTime.parse("2015-09-25T12:00+08:00").toInstant());
        assertThat(a.sourceUrl()).isEqualTo("http://www.ecns.cn/2015/09-25/xi-cyberspace.shtml");
        assertThat(a.subjects()).containsExactly("politics");
        assertThat(a.paragraphs()).containsExactly(
                "President Xi Jinping called for constructive dialogues on cybersecurity.",
                "\"Both China and the U.S. are major players in cyberspace,\" he said.");
        assertThat(a.bodyHtml()).startsWith("<p>").doesNotContain("script", "evil", "xmlns");
    }

    @Test
    void statCanceledIsAKillEvenWithoutBody() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/newsml/newsitem-canceled.xml"), null).get(0);

        assertThat(a.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(a.sourceId()).isEqualTo("urn:newsml:ecns.cn:20150925:xi-cyberspace");
    }

    @Test
    void externalEntityIsRejectedAsHostile() {
        assertRejected("/newsml/xxe.xml", "hostile-xml");
    }

    @Test
    void billionLaughsIsRejectedAsHostile() {
        assertRejected("/newsml/billion-laughs.xml", "hostile-xml");
    }

    @Test
    void malformedXmlIsRejectedWithPosition() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/newsml/malformed.xml"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("line 3");
    }

    @Test
    void bytesNotMatchingDeclaredEncodingAreRejected() {
        assertRejected("/newsml/wrong-encoding.xml", "bad-encoding");
    }

    @Test
    void binaryGarbageIsRejected() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/binary-garbage.bin"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isIn("unparseable", "bad-encoding"));
    }

    private void assertRejected(String resource, String code) {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes(resource), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void newsMessageItemsAreAcceptedOrRefusedEachOnTheirOwn() throws Exception {
        var entries = parser.parseEntries(TestResources.bytes("/newsml/message-one-good-one-bad.xml"), null);

        assertThat(entries).hasSize(2);
        ParsedArticle good = entries.get(0).article();
        assertThat(good.headline()).isEqualTo("Old bridge reopens to cyclists");
        assertThat(good.language()).isEqualTo("en-GB");
        assertThat(good.slugline()).isEqualTo("BRIDGE-REOPENS");
        assertThat(good.priority()).isEqualTo(3);
        assertThat(good.subjectCodes()).containsExactly("medtop:20000770", "subj:04015000");
        assertThat(good.firstCreated()).isEqualTo(Instant.parse("2026-02-10T07:30:00Z"));
        assertThat(good.versionCreated()).isEqualTo(Instant.parse("2026-02-10T07:55:00Z"));
        assertThat(entries.get(1).label()).isEqualTo("urn:inkstream.example:g2:empty");
        assertThat(entries.get(1).refusal().code()).isEqualTo("missing-headline");
        assertThat(entries.get(1).refusal().reason()).contains("NewsML-G2", "urn:inkstream.example:g2:empty", "headline", "body");
    }

    @Test
    void packageAssemblesItsTextAndPictureIntoOneStory() throws Exception {
        var entries = parser.parseEntries(TestResources.bytes("/newsml/package-text-picture.xml"), null);

        assertThat(entries).hasSize(1);
        ParsedArticle a = entries.get(0).article();
        assertThat(a.sourceId()).isEqualTo("urn:inkstream.example:g2:market-text");
        assertThat(a.headline()).isEqualTo("Spring market fills the square");
        assertThat(a.datelinePlace()).isEqualTo("Tromsø");
        assertThat(a.paragraphs()).containsExactly("Forty stalls opened in the square on Saturday.");
        assertThat(a.media()).extracting(ParsedArticle.Media::type, ParsedArticle.Media::url, ParsedArticle.Media::caption, ParsedArticle.Media::credit)
                .containsExactly(tuple(ContentType.picture, "https://img.example.org/market.jpg", "Stalls in the square at noon.", "Inkstream Photo/Ola Berg"));
    }

    @Test
    void packageWhoseItemsAreElsewhereListsTheirTitles() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/newsml/package-alone.xml"), null).get(0);

        assertThat(a.headline()).isEqualTo("Top three this morning");
        assertThat(a.paragraphs()).containsExactly("Harbour ferry returns", "Crossings resume.", "Library opens late");
        assertThat(a.warnings()).singleElement().asString().contains("not in this file");
    }

    @Test
    void pictureWithoutHeadlineIsAMediaItem() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/newsml/picture-no-headline.xml"), null).get(0);

        assertThat(a.type()).isEqualTo(ContentType.picture);
        assertThat(a.headline()).isEqualTo("A heron waits at the edge of the frozen lake.");
        assertThat(a.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::credit)
                .containsExactly(tuple("https://img.example.org/heron.jpg", "Liv Dahl"));
    }

    @Test
    void nitfInlineBodyWithAgencyTimesBylineLineAndEscapedMarkup() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/newsml/nitf-agency-variants.xml"), null).get(0);

        assertThat(a.headline()).isEqualTo("Night trains return to the coast line");
        assertThat(a.byline()).isEqualTo("Maja Strand");
        assertThat(a.paragraphs()).containsExactly("Night trains will run again from June, with 10-12 departures a week.",
                "Tickets go on sale on Friday.");
        assertThat(a.firstCreated()).isEqualTo(Instant.parse("2026-06-01T11:05:00Z"));
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-06-01T14:20:00Z"));
        assertThat(a.embargoUntil()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
        assertThat(a.priority()).isEqualTo(2);
    }

    @Test
    void killKeepsTheGuidOfTheStoryItKills() throws Exception {
        ParsedArticle story = parser.parse(TestResources.bytes("/newsml/newsitem-text.xml"), null).get(0);
        ParsedArticle kill = parser.parse(TestResources.bytes("/newsml/newsitem-canceled.xml"), null).get(0);

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.sourceId()).isEqualTo(story.sourceId());
        assertThat(kill.warnings()).isEmpty();
    }

    @Test
    void otherRootElementIsRefusedNamingTheFormat() {
        assertThatThrownBy(() -> parser.parse("<rss><channel/></rss>".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("NewsML-G2").hasMessageContaining("<rss>");
    }

    @Test
    void hostileNestingIsRefusedBeforeItCanExhaustTheStack() {
        String deep = "<b>".repeat(20_000) + "text" + "</b>".repeat(20_000);
        byte[] item = ("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:x:deep\"><contentMeta><headline>Deep</headline>"
                + "</contentMeta><contentSet><inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>" + deep
                + "</p></body></html></inlineXML></contentSet></newsItem>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(item, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("NewsML-G2").hasMessageContaining("deeper than");
    }
}
