package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Iptc7901ParserTest {

    private final Iptc7901Parser parser = new Iptc7901Parser();

    @Test
    void killTakeLineCancelsTheStoryWithTheSameKeywordThatDay() throws Exception {
        ParsedArticle lead = parser.parse(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null).get(0);
        ParsedArticle kill = parser.parse(TestResources.bytes("/iptc7901/dpa-kill.txt"), null).get(0);

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(lead.pubStatus()).isEqualTo(PubStatus.usable);
        assertThat(kill.sourceId()).isEqualTo(lead.sourceId()).isEqualTo("iptc7901:dpa:2024-03-05:tennis/harbour open/final");
    }

    @Test
    void declaredCharsetWinsAndAnUnknownOneIsAWarning() throws Exception {
        ParsedArticle utf8 = parser.parse(TestResources.bytes("/iptc7901/plain-no-trailer.txt"), "text/plain; charset=x-no-such").get(0);
        assertThat(utf8.warnings()).anySatisfy(w -> assertThat(w).contains("Unknown charset 'x-no-such'"));

        byte[] latin1 = TestResources.bytes("/iptc7901/dpa-lead-latin1.txt");
        assertThat(parser.parse(latin1, "text/plain; charset=ISO-8859-1").get(0).headline()).startsWith("Jürgen Kühn");
    }

    @Test
    void messageWithoutTextIsRefusedNamingTheFormat() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/iptc7901/no-text.txt"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-body"))
                .hasMessageContaining("IPTC 7901").hasMessageContaining("no body text");
        assertThatThrownBy(() -> parser.parse("\u0001abc 1 i 2 \r\nno start of text".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("IPTC 7901").hasMessageContaining("STX");
    }

    @Test
    void sniffsTheSohHeaderAndNothingElse() {
        assertThat(parser.sniff(TestResources.bytes("/iptc7901/dpa-lead-latin1.txt"), null, null)).isTrue();
        assertThat(parser.sniff(TestResources.bytes("/anpa/writethru.tst"), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.ecnsFixture(), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
