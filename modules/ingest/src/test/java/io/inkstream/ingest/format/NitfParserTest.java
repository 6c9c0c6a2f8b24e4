package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NitfParserTest {

    private final NitfParser parser = new NitfParser();

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
