package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real NewsML 1.2 files of {@code ../shared/wire/newsml-1.2}, each checked for what
 * superdesk-core's tests assert for it (afpnewsml12_test, afpnewsml20_test, afpnewsmlnew_test,
 * ana_mpe_nitf_test), and for what Inkstream reads beyond them. Two deliberate differences: the
 * source id is Superdesk's guid without its revision (":1"), so that later revisions and the kill
 * land on the same article; and the dateline is a place ("Stockholm"), not the whole DateLine.
 * Superdesk's usage terms, genres and word counts have no field in Inkstream's Article.
 */
class RealWireNewsMl12Test {

    /** Superdesk's AFP 2.0 parser reads this file's UTF-8 bytes as the ISO-8859-1 it declares ("DÃ©cÃ¨s"); here the bytes decide. */

    @Test
    void anaNewsMlGivesTopicSubjectsCityAndHtmlBodyWithoutItsRightsNotice() {
        Article a = RealWire.article("newsml-1.2/ana1.xml");

        assertThat(a.getHeadline()).isEqualTo("Wage employment balance positive in Jan-March");
        assertThat(a.getSubjectCodes()).contains("subj:04008004").containsExactly("subj:09003000", "subj:09003002", "subj:04008004");
        assertThat(a.getSubjects()).contains("Economic Indicator");
        // Superdesk's ANA parser writes the dateline 'ATHENS, April 4 ANA -' from the City property and the date
        assertThat(a.getDatelinePlace()).isEqualTo("Athens");
        assertThat(a.getBodyHtml()).startsWith("<p>Wage employment");
        assertThat(a.getParagraphs()).last().isEqualTo("In the same period last year, the balance was positive by 33,638 job positions.");
        assertThat(a.getSubheadline()).startsWith("Wage employment in the private sector grew in March");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getSourceAgency()).isEqualTo("\u0391\u03a0\u0395-\u039c\u03a0\u0395");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2018-04-04T14:58:59Z"));
        assertThat(a.getPublishedOffset()).isEqualTo("+03:00");
        assertThat(a.getSection()).isEqualTo("Business");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("urn:newsml:ana-mpe.gr:20180404:19336333");
    }

    /** IPTC's AFP sample (iptc/newsinjson), which no Superdesk test reads: its NITF body, creator and subjects. */
}
