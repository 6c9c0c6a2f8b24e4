package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatsAgencyXmlTest {

    private final WireFormats formats = WireFormats.standard();

    @Test
    void nitfNewsMl12AndRitzauAreSniffedByTheirRootAndNotTakenForHtmlOrG2() {
        assertThat(formats.sniff(TestResources.bytes("/nitf/story.xml"), null, null)).isEqualTo("nitf");
        assertThat(formats.sniff(TestResources.bytes("/nitf/doctype.xml"), null, null)).as("refused later as hostile-xml, as NITF").isEqualTo("nitf");
        assertThat(formats.sniff(TestResources.bytes("/newsml12/story.xml"), null, null)).as("NewsML 1.2 embedding NITF").isEqualTo("newsml-1.2");
        assertThat(formats.sniff(TestResources.bytes("/ritzau/flash.xml"), null, null)).isEqualTo("ritzau-xml");
        assertThat(formats.sniff(TestResources.bytes("/newsml/newsitem-text.xml"), null, null)).isEqualTo("newsml-g2");
    }

    @Test
    void mediaTypesAndAliasesNameTheFormats() throws Exception {
        assertThat(formats.formatForMediaType("application/nitf+xml; charset=utf-8")).isEqualTo("nitf");
        assertThat(formats.formatForMediaType("text/vnd.IPTC.NITF")).isEqualTo("nitf");
        assertThat(formats.formatForMediaType("text/vnd.IPTC.NewsML")).isEqualTo("newsml-1.2");
        assertThat(formats.canonicalName("nitf")).isEqualTo("nitf");
        assertThat(formats.canonicalName("newsml1")).isEqualTo("newsml-1.2");
        assertThat(formats.canonicalName("NewsML-1.2")).isEqualTo("newsml-1.2");
        assertThat(formats.canonicalName("ritzau")).isEqualTo("ritzau-xml");
        assertThat(formats.canonicalName("newsml")).as("unchanged: NewsML-G2").isEqualTo("newsml-g2");
        assertThat(formats.parse("nitf", TestResources.bytes("/nitf/story.xml"), null, null).articles()).hasSize(1);
    }
}
