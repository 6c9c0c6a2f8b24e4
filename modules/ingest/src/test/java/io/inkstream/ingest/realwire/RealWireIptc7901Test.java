package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IPTC 7901 files of superdesk-core's fixtures, each checked for what its
 * {@code iptc7901_tests.py} and DPA {@code dpa_test.py} assert, plus what Inkstream reads beyond.
 *
 * <p>Superdesk's DPA parser moves the "Berlin (dpa) -" dateline out of the body into a dateline
 * field; Inkstream keeps it as the copy's opening (pages print paragraphs only) and reads the
 * place into datelinePlace. The take key (REFILE, 1ST LEAD, EXTRA, (Achtung)) has no field in the
 * Article: it is read off the headline and decides kills, which is what is checked.
 */
class RealWireIptc7901Test {

    @Test
    void dpaFourLineHeaderSeparatesRefileAndLeadTakesHeadlineAndByline() {
        Article a = RealWire.article("iptc7901/dpa_four_line.txt");

        assertThat(a.getHeadline()).isEqualTo("Switzerland joins list of countries resisting UN migration pact");
        assertThat(a.getSlugline()).isEqualTo("Switzerland/migration/UN");
        assertThat(a.getByline()).isEqualTo("dpa correspondents");
        assertThat(RealWire.Result.text(a)).startsWith("Geneva (dpa) - Switzerland is joining").doesNotContain("REFILE", "1ST LEAD");
        assertThat(a.getLinks()).isNotEmpty().allSatisfy(l -> assertThat(l.getHref()).startsWith("http://dpaq.de/"));
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
    }
}
