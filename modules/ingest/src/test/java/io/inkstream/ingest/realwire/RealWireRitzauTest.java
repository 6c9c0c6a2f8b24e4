package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Ritzau XML file, checked for what superdesk-core's ritzau_test asserts for it, and beyond. */
class RealWireRitzauTest {


    /**
     * Superdesk heads the flash with the body's first 100 characters ("… hvor de har testet effekte") and
     * puts the origin "/ritzau/" in the byline; here the first sentence, cut at a word, is the headline,
     * the byline is the reporter's byLine and Ritzau is the agency.
     */
    @Test
    void ritzauFlashIsHeadedByItsFirstSentenceInCopenhagenTime() {
        RealWire.Result result = RealWire.pushed("ritzau-xml/ritzau_news.xml");
        Article a = result.only();

        assertThat(result.format()).isEqualTo("ritzau-xml");
        assertThat(a.getHeadline()).startsWith("Hollandske forskere har \"i \u00e5revis\" lavet fors\u00f8g p\u00e5 b\u00e5de mennesker og dyr,"
                + " hvor de har testet effekten").endsWith("\u2026");
        assertThat(a.getParagraphs()).containsExactly(
                "Hollandske forskere har \"i \u00e5revis\" lavet fors\u00f8g p\u00e5 b\u00e5de mennesker og dyr, hvor de har testet effekten af at"
                        + " ind\u00e5nde udst\u00f8dningsgas fra dieselbiler.",
                "Det fort\u00e6ller forskerne selv til nyhedsbureauet AFP.",
                "Historien kommer frem p\u00e5 et tidspunkt, hvor tyske bilfabrikanter er udsat for massiv kritik, fordi de har finansieret"
                        + " lignende fors\u00f8g.");
        assertThat(a.getProvenance().getSourceId()).isEqualTo("9a6955fc-11da-46b6-9903-439ebb288f2d");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2018-01-30T16:32:18.397Z"));
        assertThat(a.getPriority()).isEqualTo(3);
        assertThat(a.getByline()).isEqualTo("Peder Top Poulsen");
        assertThat(a.getSourceAgency()).isEqualTo("Ritzau");
        assertThat(a.getDatelinePlace()).isEqualTo("Haag");
        assertThat(a.getSlugline()).isEqualTo("NU/FLASH-U");
        assertThat(a.getSubjects()).containsExactly("Udland");
        assertThat(a.getSubjectCodes()).containsExactly("ritzau-section:u");
        assertThat(a.getPubStatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getProvenance().getWarnings()).singleElement().asString().contains("no headline");
    }
}
