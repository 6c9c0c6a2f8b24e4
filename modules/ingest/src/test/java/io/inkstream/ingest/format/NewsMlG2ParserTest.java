package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
