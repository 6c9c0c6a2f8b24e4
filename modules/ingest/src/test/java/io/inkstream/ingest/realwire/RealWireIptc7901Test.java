package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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
    void dpaEnglishStoryReadsPriorityCategorySlugHeadlineAndDatelineWithoutTheNotes() {
        RealWire.Result r = RealWire.pushed("iptc7901/IPTC7901.txt");
        Article a = r.only();

        assertThat(r.format()).isEqualTo("iptc7901");
        assertThat(a.getHeadline()).isEqualTo("Germany Social Democrats: Coalition talks with Merkel could fail");
        assertThat(a.getSlugline()).isEqualTo("Germany-politics");
        assertThat(a.getPriority()).isEqualTo(4);
        assertThat(a.getSubjectCodes()).containsExactly("iptc7901:i");
        assertThat(a.getSourceAgency()).isEqualTo("dpa");
        assertThat(a.getDatelinePlace()).isEqualTo("Berlin");
        assertThat(a.getParagraphs().get(0)).startsWith("Berlin (dpa) - Negotiations between German conservatives");
        assertThat(a.getParagraphs()).hasSize(5).last().asString().endsWith("before Christmas.");
        assertThat(RealWire.Result.text(a)).doesNotContain("NOTEBOOK", "not for publication", "Reporting by", "dpa wsz");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2013-11-13T11:37:00Z"));
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
    }

    @Test
    void oddCharsetStoryDecodesLatin1AndReadsTheTakeLineAndByline() {
        Article a = RealWire.article("iptc7901/IPTC7901_odd_charset.txt");

        assertThat(RealWire.Result.text(a)).contains("Thomas Müller").doesNotContain("\uFFFD", "Editorial contacts");
        assertThat(a.getHeadline()).isEqualTo("German football saddened by illness to striker legend Mueller");
        assertThat(a.getByline()).isEqualTo("Manuel Schwarz");
        assertThat(a.getSlugline()).isEqualTo("Germany-football/Munich/Mueller");
        assertThat(a.getSubjectCodes()).containsExactly("iptc7901:s");
        assertThat(a.getPriority()).isEqualTo(3);
        assertThat(a.getParagraphs().get(0)).startsWith("Munich (dpa) - German football generations");
        assertThat(a.getVersionCreated()).as("'071341 GMT Okt 15': German month").isEqualTo(Instant.parse("2015-10-07T13:41:00Z"));
        assertThat(a.getProvenance().getWarnings()).isEmpty();
    }

    @Test
    void dpaCopyrightNoticeTakesTheParenthesisedTakeLineOffTheHeadline() {
        Article a = RealWire.article("iptc7901/dpa_copyright.txt");

        assertThat(a.getHeadline()).isEqualTo("Impressum");
        assertThat(a.getSlugline()).isEqualTo("Impressum");
        assertThat(a.getSubjectCodes()).containsExactly("iptc7901:rs");
        assertThat(RealWire.Result.text(a)).startsWith("ryryryry copyright by dpa").doesNotContain("(Achtung)");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2017-06-24T22:00:00Z"));
    }

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

    @Test
    void dpaTwoLineHeaderLeavesExtraOutOfTheHeadlineAndKeepsTheNotebookLink() {
        Article a = RealWire.article("iptc7901/dpa_two_line.txt");

        assertThat(a.getHeadline()).isEqualTo("Peace talks on Yemen to take place in Sweden next month, Mattis says");
        assertThat(a.getSlugline()).isEqualTo("Yemen/conflict");
        assertThat(a.getDatelinePlace()).isEqualTo("Washington");
        assertThat(RealWire.Result.text(a)).doesNotContain("EXTRA", "Notebook", "dpa grj");
        assertThat(a.getParagraphs()).hasSize(4);
        assertThat(a.getLinks()).singleElement().satisfies(l -> {
            assertThat(l.getHref()).isEqualTo("http://dpaq.de/3UXnb");
            assertThat(l.getTitle()).isEqualTo("DOD news");
        });
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2018-11-21T21:01:00Z"));
    }
}
