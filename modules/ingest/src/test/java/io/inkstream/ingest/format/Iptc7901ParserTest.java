package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Iptc7901ParserTest {

    private final Iptc7901Parser parser = new Iptc7901Parser();

    @Test
    void declaredCharsetWinsAndAnUnknownOneIsAWarning() throws Exception {
        ParsedArticle utf8 = parser.parse(TestResources.bytes("/iptc7901/plain-no-trailer.txt"), "text/plain; charset=x-no-such").get(0);
        assertThat(utf8.warnings()).anySatisfy(w -> assertThat(w).contains("Unknown charset 'x-no-such'"));

        byte[] latin1 = TestResources.bytes("/iptc7901/dpa-lead-latin1.txt");
        assertThat(parser.parse(latin1, "text/plain; charset=ISO-8859-1").get(0).headline()).startsWith("Jürgen Kühn");
    }

    @Test
    void sniffsTheSohHeaderAndNothingElse() {
        assertThat(parser.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/anpa/writethru.tst"), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.ecnsFixture(), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
