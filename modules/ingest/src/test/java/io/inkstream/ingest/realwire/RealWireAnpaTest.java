package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ANPA 1312 files of superdesk-core's fixtures, each checked for what its {@code anpa_tests.py}
 * and AP {@code ap_anpa_test.py} assert, plus what Inkstream reads beyond. Differences in spelling:
 * the byline is the names without "By " (superdesk keeps the prefix); priority is on Inkstream's
 * 1..9 scale (flash 1, urgent 2, bulletin 3, regular 5 where superdesk says 6); AP's category
 * letters are kept as sent ({@code anpa:z}) where superdesk remaps them (z to s), the section
 * coming from the sport slug's subject code instead. The take key (1stLd-Writethru) has no field.
 */
class RealWireAnpaTest {

    @Test
    void apFeatureReadsPriorityCategorySlugHeadlineBylineAndTimes() {
        RealWire.Result r = RealWire.pushed("anpa1312/anpa-1.tst");
        Article a = r.only();

        assertThat(r.format()).isEqualTo("anpa1312");
        assertThat(a.getHeadline()).isEqualTo("For Argentine chemo patients, mirrors can hurt");
        assertThat(a.getByline()).isEqualTo("PAUL BYRNE and ALMUDENA CALATRAVA");
        assertThat(a.getSlugline()).isEqualTo("Argentina-Cancer");
        assertThat(a.getPriority()).isEqualTo(1);
        assertThat(a.getSubjectCodes()).containsExactly("anpa:l");
        assertThat(a.getSection()).isEqualTo("Features");
        assertThat(a.getParagraphs().get(0)).startsWith("BUENOS AIRES, Argentina (AP) _ For cancer patients");
        assertThat(a.getDatelinePlace()).isEqualTo("BUENOS AIRES");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2013-11-13T15:09:00Z"));
        assertThat(a.getSourceAgency()).isEqualTo("AP");
        assertThat(RealWire.Result.text(a)).doesNotContain("AP Photo", "Eds:", "Associated Press=", "AP-WF");
    }

    @Test
    void writethruLeavesTheEditorsNoteOutOfTheCopyAndKeepsTheStoryKey() {
        Article a = RealWire.article("anpa1312/anpa-2.tst");

        assertThat(a.getHeadline()).isEqualTo("Prairies vanish in the US push for green energy");
        assertThat(a.getByline()).isEqualTo("CHET BROKAW and JACK GILLUM");
        assertThat(RealWire.Result.text(a)).doesNotContain("EDITOR'S NOTE", "This is part of an Associated Press investigation");
        assertThat(a.getParagraphs().get(0)).startsWith("ROSCOE, South Dakota (AP) _ Robert Malsam");
        assertThat(a.getSubjectCodes()).containsExactly("anpa:a");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("anpa:US--Ethanol-LosingGra:2013-11-13");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2013-11-13T07:45:00Z"));
    }

    @Test
    void headlinesListWithoutParagraphsHasItsHeaderLinesAsBody() {
        Article a = RealWire.article("anpa1312/anpa-4.tst");

        assertThat(a.getType().toString()).isEqualTo("text");
        assertThat(a.getHeadline()).isEqualTo("AP Top Entertainment News at 11:23 p.m. EST");
        assertThat(a.getParagraphs()).hasSize(10).first().isEqualTo("Ex-bodyguard testifies about lewd messages sent to Paltrow");
        assertThat(a.getSubjectCodes()).containsExactly("anpa:e");
        assertThat(a.getSection()).isEqualTo("Entertainment");
    }

    @Test
    void apSportsStoryMapsItsSlugPrefixToTheBasketballSubject() {
        Article a = RealWire.article("anpa1312/ap_anpa-1.tst");

        assertThat(a.getSubjectCodes()).containsExactly("anpa:z", "subj:15008000");
        assertThat(a.getSection()).isEqualTo("Sports");
        assertThat(a.getDatelinePlace()).isEqualTo("ATLANTA");
        assertThat(a.getSlugline()).isEqualTo("BKN--Heat-Hawks");
        assertThat(a.getHeadline()).isEqualTo("Deng has 30 points, short-handed Heat beat Hawks 115-111");
        assertThat(a.getByline()).isEqualTo("CHARLES ODUM");
        assertThat(a.getSubheadline()).startsWith("Luol Deng scored 30 points");
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2016-02-20T03:37:00Z"));
    }

    @Test
    void newsAlertTakesItsHeadlineFromTheOneParagraph() {
        Article a = RealWire.article("anpa1312/ap_anpa-5.tst");

        assertThat(a.getHeadline()).isEqualTo("Hawaii files court challenge to Trump administration's definition of "
                + "close U.S. relationship needed to avoid travel ban.");
        assertThat(a.getPriority()).as("b: bulletin").isEqualTo(3);
        assertThat(a.getSlugline()).isEqualTo("APNewsAlert");
        assertThat(a.getDatelinePlace()).isEqualTo("HONOLULU");
        assertThat(a.getParagraphs()).singleElement().asString().startsWith("HONOLULU (AP) _ Hawaii files");
    }
}
