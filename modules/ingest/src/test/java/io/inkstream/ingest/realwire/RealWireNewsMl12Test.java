package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
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

    @Test
    void afpNewsMlGivesHeadlineSlugLanguageUrgencyTimesAndFiveSubjects() {
        RealWire.Result result = RealWire.pushed("newsml-1.2/afp.xml");
        Article a = result.only();

        assertThat(result.format()).isEqualTo("newsml-1.2");
        assertThat(a.getHeadline()).isEqualTo("Sweden court accepts receivership for Saab carmaker");
        assertThat(a.getDatelinePlace()).as("DateLine 'STOCKHOLM, Aug 29, 2014 (AFP) -', Location City").isEqualTo("Stockholm");
        assertThat(a.getSlugline()).isEqualTo("Sweden-SAAB");
        assertThat(a.getByline()).isNull();
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86");
        assertThat(a.getType()).isEqualTo(ContentType.text);
        assertThat(a.getPriority()).isEqualTo(4);
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2014-08-29T13:49:51Z"));
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2014-08-29T13:49:51Z"));
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getSubjectCodes()).containsExactly("subj:04011002", "subj:04016007", "subj:04000000", "subj:04016038", "subj:04011000");
        assertThat(a.getSection()).isEqualTo("Business");
        assertThat(a.getSourceAgency()).isEqualTo("AFP");
        assertThat(a.getBodyHtml()).startsWith("<p>A Chinese-owned company set up to take over Saab's assets").doesNotContain("body.content", "nitf");
        assertThat(a.getEditor()).as("the closing sign-off").isEqualTo("hh/ph/ts/hd");
        assertThat(a.getParagraphs()).hasSize(9).doesNotContain("hh/ph/ts/hd");
    }

    /** Superdesk's AFP 2.0 parser reads this file's UTF-8 bytes as the ISO-8859-1 it declares ("DÃ©cÃ¨s"); here the bytes decide. */
    @Test
    void afpNewsMlWithAWrongDeclaredCharsetIsReadAsItsUtf8BytesWithAWarning() {
        Article a = RealWire.article("newsml-1.2/afp20.xml");

        assertThat(a.getHeadline()).isEqualTo("D\u00e9c\u00e8s de Naomi Musenga: l'op\u00e9ratrice du Samu d\u00e9finitivement condamn\u00e9e");
        assertThat(a.getDatelinePlace()).as("DateLine 'Strasbourg, 10 juil 2024 (AFP)'").isEqualTo("Strasbourg");
        assertThat(a.getSlugline()).isEqualTo("proc\u00e8s-sant\u00e9-secours");
        assertThat(a.getByline()).isNull();
        assertThat(a.getLanguage()).isEqualTo("fr");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("urn:newsml:afp.com:20240710:240710125902.qpsp2jzk");
        assertThat(a.getType()).isEqualTo(ContentType.text);
        assertThat(a.getPriority()).as("no Urgency: the default").isEqualTo(5);
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2024-07-10T12:59:02Z"));
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2024-07-10T12:59:02Z"));
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getParagraphs()).hasSize(2);
        assertThat(a.getParagraphs().get(0)).startsWith("L'op\u00e9ratrice du Samu condamn\u00e9e pour non-assistance \u00e0 personne en danger");
        assertThat(a.getParagraphs().get(1)).isEqualTo("L'op\u00e9ratrice, Corinne M.");
        assertThat(a.getProvenance().getWarnings()).singleElement().asString().contains("iso-8859-1", "UTF-8");
    }

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
    @Test
    void afpSampleGivesCreatorBylineGazaDatelineSubheadingsAndSixSubjects() {
        Article a = RealWire.article("newsml-1.2/afp.com_newsml1.2_sample.xml");

        assertThat(a.getHeadline()).isEqualTo("Israel strikes key Hamas targets as UN Security Council to meet");
        assertThat(a.getByline()).isEqualTo("Adel Zaanoun with Guillaume Lavallee in Jerusalem");
        assertThat(a.getDatelinePlace()).isEqualTo("Gaza City");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getPriority()).isEqualTo(4);
        assertThat(a.getSlugline()).as("NameLabel, as the item has no SlugLine").isEqualTo("Israel-Palestinians-conflict");
        assertThat(a.getSubjectCodes()).containsExactly("subj:16000000", "subj:16002000", "subj:02003000", "subj:11000000",
                "subj:02000000", "subj:02003001");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2021-05-16T08:06:25Z"));
        assertThat(a.getProvenance().getSourceId()).isEqualTo("urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71");
        assertThat(a.getParagraphs().get(0)).startsWith("Israel's army said Sunday it had bombed the home of the political leader");
        assertThat(a.getBodyHtml()).contains("<h2>- Media offices destroyed -</h2>");
        assertThat(a.getEditor()).isEqualTo("bur-dar-gl/fz");
        assertThat(a.getParagraphs()).last().asString().startsWith("Pro-Palestinian demonstrators");
    }
}
