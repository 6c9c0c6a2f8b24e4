package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import io.inkstream.events.WireRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real NITF files of {@code ../shared/wire/nitf}, each checked for what superdesk-core's
 * {@code tests/io/feed_parsers} tests assert for it (nitf_tests, efe_nitf_tests, pa_nitf_test),
 * and for what Inkstream reads beyond them. Superdesk's word counts, provider sequence numbers and
 * editor's notes (ed-msg) have no field in Inkstream's Article and are not checked.
 */
class RealWireNitfTest {

    @Test
    void aapNitfGivesSlugCategorySubjectsUrgencyDatelineBylineAndIssueTimes() {
        RealWire.Result result = RealWire.pushed("nitf/aap.xml");
        Article a = result.only();

        assertThat(result.format()).isEqualTo("nitf");
        assertThat(a.getHeadline()).isEqualTo("The main stories on today's 1900 ABC TV news");
        assertThat(a.getSlugline()).isEqualTo("Monitor 1900 ABC News");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("AAP.115314987.5417374");
        assertThat(a.getType()).isEqualTo(ContentType.text);
        assertThat(a.getPriority()).isEqualTo(5);
        assertThat(a.getDatelinePlace()).isEqualTo("Sydney");
        assertThat(a.getByline()).isEqualTo("By John Doe");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2013-10-20T08:27:51Z"));
        assertThat(a.getVersionCreated()).isEqualTo(Instant.parse("2013-10-20T08:27:51Z"));
        assertThat(a.getPublishedOffset()).isEqualTo("+11:00");
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        // Superdesk keeps the two subjects' Justice (02000000) and Police (02003000) levels; the detail codes hold both
        assertThat(a.getSubjectCodes()).containsExactly("anpa:a", "subj:02003001", "subj:02003002");
        assertThat(a.getSubjects()).contains("Justice", "Police");
        assertThat(a.getSection()).as("ANPA category a").isEqualTo("General");
        assertThat(a.getSourceAgency()).isEqualTo("Australian Associated Press");
        assertThat(a.getSubheadline()).as("the abstract only repeats the headline").isNull();
        assertThat(a.getParagraphs()).contains("1A) More extreme weather forecast over the next few days the fire situation is likely"
                + " to get worse with a massive fire front spanning a huge area of NSW. A fire the northern end of the Bells Line of"
                + " Road has jumped the Darling Causeway and is into the Grose Valley: southern edge of the State Mine Fire is more"
                + " than 30 ks long.");
        assertThat(a.getBodyHtml()).contains("<p>1A) More extreme weather forecast over the next few days the <br>fire situation")
                .doesNotContain("body.content", "<p></p>");
    }

    @Test
    void apNitfDropsTheRepeatedHeadlineAndTheBylineTitle() {
        Article a = RealWire.article("nitf/ap-nitf.xml");

        assertThat(a.getHeadline()).isEqualTo("Can trading pollution like stocks help fight climate change?");
        assertThat(a.getSubheadline()).as("hl2 originalHeadline repeats hl1").isNull();
        assertThat(a.getByline()).isEqualTo("By BERNARD CONDON");
        assertThat(a.getSourceAgency()).isEqualTo("The Associated Press");
        assertThat(a.getDatelinePlace()).isEqualTo("NEW YORK");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2015-12-10T19:10:44Z"));
        assertThat(a.getPubStatus()).as("ed-msg 'For global distribution' is no kill").isEqualTo(PubStatus.usable);
        assertThat(a.getParagraphs()).hasSize(28);
        assertThat(a.getParagraphs().get(0)).startsWith("NEW YORK (AP) \u2014 The gas produced by hog manure");
    }

    @Test
    void efeNitfSignsWithEditorsInitialsNotAByline() {
        RealWire.Result result = RealWire.pushed("nitf/efe_nitf.xml");
        Article a = result.only();

        assertThat(result.format()).as("no XML declaration, still NITF and not HTML").isEqualTo("nitf");
        assertThat(a.getHeadline()).isEqualTo("Honduran president announces Cabinet changes");
        assertThat(a.getByline()).isNull();
        assertThat(a.getEditor()).isEqualTo("gr/bp");
        assertThat(a.getDatelinePlace()).isEqualTo("Tegucigalpa");
        assertThat(a.getSubjectCodes()).first().isEqualTo("subj:11006005");
        assertThat(a.getSlugline()).isEqualTo("HONDURAS GOVERNMENT");
        assertThat(a.getSubheadline()).as("the keyword hl2 is the slug; the abstract is the subheadline").isEqualTo("Test Abstract");
        assertThat(a.getLanguage()).isEqualTo("en-US");
        assertThat(a.getSection()).isEqualTo("Politics");
        assertThat(a.getSourceAgency()).isEqualTo("Agencia EFE");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2017-01-02T22:28:00Z"));
        assertThat(a.getParagraphs()).containsExactly("Tegucigalpa, Jan 2 (EFE).- Test body.");
    }

    /**
     * Not read: the IPTC sample declares {@code <!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">}, and any
     * DOCTYPE is refused as hostile-xml (DTDs stay off, whatever the format). Superdesk reads it:
     * headline "Weather and Tide Updates for Norfolk", pubstatus canceled, guid iptc.321656141.b,
     * 3 subjects, byline "By Alan Karben". The same document without its DOCTYPE line reads so here.
     */
    @Test
    void iptcFishingSampleIsRefusedForItsDoctypeNamingNitf() {
        RealWire.Result result = RealWire.pushed("nitf/nitf-fishing.xml");

        assertThat(result.articles()).isEmpty();
        WireRejection r = result.rejections().get(0);
        assertThat(r.getCode()).isEqualTo("hostile-xml");
        assertThat(r.getReason()).contains("NITF", "DOCTYPE");
    }

    @Test
    void paNitfGivesSlugFromTitleSubjectsAndDropsTheEndsMarker() {
        Article a = RealWire.article("nitf/pa1.xml");

        assertThat(a.getHeadline()).isEqualTo("PA SPORT TRIVIA (OCTOBER 14)");
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getProvenance().getSourceId()).isEqualTo("af1f7ad5-5619-49de-84cc-2e608538c77fSSS-3-1");
        assertThat(a.getSubjectCodes()).hasSize(4);
        assertThat(a.getSubjects()).contains("Trivia (Oct 14)", "SPORT");
        // Superdesk's PA parser title-cases the desk: "Sport Trivia (Oct 14)"; the agency's own casing is kept here
        assertThat(a.getSlugline()).isEqualTo("SPORT Trivia (Oct 14)");
        assertThat(a.getPriority()).isEqualTo(4);
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2015-10-14T03:30:01Z"));
        assertThat(a.getSourceAgency()).isEqualTo("PA Sport");
        assertThat(a.getParagraphs()).first().isEqualTo("ON THIS DAY IN SPORT");
        assertThat(a.getParagraphs()).last().asString().startsWith("Answers: 1. Al-Saadi Gaddafi");
        assertThat(a.getParagraphs()).doesNotContain("ends");
    }

    @Test
    void paNitfInLatin1ReadsThePoundSign() {
        Article a = RealWire.article("nitf/pa5.xml");

        assertThat(a.getHeadline()).isEqualTo("HARD BREXIT TO COST UK UP TO \u00a366BN A YEAR, SAYS TREASURY");
        assertThat(a.getBodyHtml()).startsWith("<p>Treasury coffers will take a \u00a366 billion annual hit if Britain goes for a so-called hard Brexit");
        assertThat(a.getByline()).isEqualTo("By Sam Lister, Press Association Political Correspondent");
        assertThat(a.getSection()).as("PA's doc-scope desk POLITICS").isEqualTo("Politics");
        assertThat(a.getProvenance().getWarnings()).isEmpty();
    }

    @Test
    void ntbNitfGivesNorwegianLanguageSubjectsSubheadingsAndThePhotoCaption() {
        Article a = RealWire.article("nitf/NTB_nitf_sample.xml");

        assertThat(a.getHeadline()).isEqualTo("Pandemien herjer p\u00e5 den legel\u00f8se indiske landsbygda");
        assertThat(a.getByline()).isEqualTo("NTB-AFP-DPA");
        assertThat(a.getSourceAgency()).isEqualTo("NTB");
        assertThat(a.getDatelinePlace()).isEqualTo("Unnao");
        assertThat(a.getLanguage()).isEqualTo("nb-NO");
        assertThat(a.getSubjectCodes()).containsExactly("subj:07001000", "subj:07000000");
        assertThat(a.getSection()).isEqualTo("Society");
        assertThat(a.getSlugline()).isEqualTo("india-korona-bygd");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2021-05-16T09:00:04Z"));
        assertThat(a.getParagraphs().get(0)).startsWith("Koronapandemien herjer ogs\u00e5 i landsbyer");
        assertThat(a.getParagraphs().get(1)).startsWith("\u2013 Det er s\u00e5 mye fattigdom");
        assertThat(a.getBodyHtml()).contains("<h2>- Det skjulte India</h2>");
        assertThat(a.getMedia()).singleElement().satisfies(m -> assertThat(m.getCaption()).startsWith("Kremasjonsb\u00e5l for koronaofre"));
        assertThat(a.getParagraphs()).noneMatch(p -> p.startsWith("Kremasjonsb\u00e5l"));
    }

    @Test
    void nitfDeclaredByMediaTypeIsReadTheSame() {
        RealWire.Result result = RealWire.pushed("nitf/aap.xml", "application/nitf+xml");

        assertThat(result.format()).isEqualTo("nitf");
        assertThat(result.only().getHeadline()).isEqualTo("The main stories on today's 1900 ABC TV news");
    }
}
