package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatsTextFormatsTest {

    private final WireFormats formats = WireFormats.standard();

    @Test
    void framesMailAndWordPressExportsAreSniffedBeforePageTextAndRss() {
        assertThat(formats.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null, null)).isEqualTo("iptc7901");
        assertThat(formats.sniff(TestResources.bytes("/anpa/writethru.tst"), null, null)).isEqualTo("anpa1312");
        assertThat(formats.sniff(TestResources.bytes("/email/wrong-weekday-latin1.eml"), null, null)).isEqualTo("rfc822");
        assertThat(formats.sniff(TestResources.bytes("/wxr/export.xml"), null, null)).isEqualTo("wordpress-wxr");
    }

    @Test
    void textPlainAndRssMediaTypesStillReachTheMoreSpecificFormat() {
        assertThat(formats.formatForMediaType("text/plain")).as("decided by sniffing").isNull();
        assertThat(formats.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), "text/plain", null)).isEqualTo("iptc7901");
        assertThat(formats.sniff(TestResources.bytes("/email/form-json.eml"), "text/plain; charset=utf-8", null)).isEqualTo("rfc822");
        assertThat(formats.sniff("no date line here".getBytes(), "text/plain", null)).as("other text stays page-text").isEqualTo("page-text");
        assertThat(formats.sniff(TestResources.bytes("/wxr/export.xml"), "application/rss+xml", null)).isEqualTo("wordpress-wxr");
        assertThat(formats.sniff(TestResources.bytes("/feeds/rss.xml"), "application/rss+xml", null)).isEqualTo("rss");
        assertThat(formats.formatForMediaType("message/rfc822")).isEqualTo("rfc822");
    }

    @Test
    void aliasesNameTheNewFormats() {
        assertThat(formats.canonicalName("anpa")).isEqualTo("anpa1312");
        assertThat(formats.canonicalName("7901")).isEqualTo("iptc7901");
        assertThat(formats.canonicalName("email")).isEqualTo("rfc822");
        assertThat(formats.canonicalName("wxr")).isEqualTo("wordpress-wxr");
    }
}
