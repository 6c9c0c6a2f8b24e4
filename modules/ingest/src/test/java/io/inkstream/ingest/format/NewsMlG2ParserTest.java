package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NewsMlG2ParserTest {

    private final NewsMlG2Parser parser = new NewsMlG2Parser();

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
