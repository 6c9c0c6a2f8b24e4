package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatsTest {

    private final WireFormats formats = WireFormats.standard();

    @Test
    void undeclaredItemsAreSniffedToTheirFormat() {
        assertThat(formats.sniff(TestResources.ecnsFixture(), null, null)).isEqualTo("page-text");
        assertThat(formats.sniff(TestResources.bytes("/ninjs/ninjs2-text.json"), null, null)).isEqualTo("ninjs");
        assertThat(formats.sniff(TestResources.bytes("/newsml/newsitem-text.xml"), null, null)).isEqualTo("newsml-g2");
        assertThat(formats.sniff(TestResources.bytes("/feeds/rss.xml"), null, null)).isEqualTo("rss");
        assertThat(formats.sniff(TestResources.bytes("/feeds/atom.xml"), null, null)).isEqualTo("atom");
        assertThat(formats.sniff(TestResources.bytes("/html/structure-only.html"), null, null)).isEqualTo("html");
        assertThat(formats.sniff(TestResources.bytes("/html/opengraph-only.html"), "text/html; charset=utf-8", null)).isEqualTo("html");
    }

    @Test
    void declaredFormatWinsOverSniffingAndAliasesAreAccepted() throws Exception {
        assertThat(formats.choose("newsml", TestResources.bytes("/feeds/rss.xml"), null, null).format()).isEqualTo("newsml-g2");
        assertThat(formats.parse("text", TestResources.ecnsFixture(), null, null).articles()).hasSize(1);
    }

    @Test
    void unknownFormatIsRejectedNamingTheFormatsIngestReads() {
        assertThatThrownBy(() -> formats.choose("docx", new byte[] {1}, null, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unknown-format"))
                .hasMessageContaining("page-text");
        assertThatThrownBy(() -> formats.parse(null, TestResources.bytes("/page-text/binary-garbage.bin"), null, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unknown-format"));
    }
}
