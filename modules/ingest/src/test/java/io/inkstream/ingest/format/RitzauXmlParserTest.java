package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RitzauXmlParserTest {

    private final RitzauXmlParser parser = new RitzauXmlParser();

    private ParsedArticle parse(String resource) throws RejectedItemException {
        return parser.parse(TestResources.bytes("/ritzau/" + resource), null).get(0);
    }

    @Test
    void aFlashWithoutHeadlineIsHeadedByItsFirstSentence() throws Exception {
        ParsedArticle a = parse("flash.xml");

        assertThat(a.headline()).isEqualTo("Havnen i Aarhus lukker for sejlads i to timer.");
        assertThat(a.warnings()).singleElement().asString().contains("no headline");
        assertThat(a.paragraphs()).containsExactly("Havnen i Aarhus lukker for sejlads i to timer. Det oplyser havnefogeden.", "Årsagen er tåge.");
    }

    @Test
    void fieldsGiveIdCopenhagenTimePriorityDeskAndByline() throws Exception {
        ParsedArticle a = parse("flash.xml");

        assertThat(a.sourceId()).isEqualTo("0d6b2f10-4c1e-4a55-9f0e-7c2b1d9e3a11");
        assertThat(a.firstCreated()).as("Copenhagen summer time").isEqualTo(Instant.parse("2026-06-15T08:05:00.250Z"));
        assertThat(a.publishedOffset()).isEqualTo("Europe/Copenhagen");
        assertThat(a.priority()).isEqualTo(2);
        assertThat(a.byline()).isEqualTo("Signe Holm");
        assertThat(a.sourceAgency()).isEqualTo("Ritzau");
        assertThat(a.datelinePlace()).isEqualTo("Aarhus");
        assertThat(a.slugline()).isEqualTo("NU/FLASH-I");
        assertThat(a.subjects()).containsExactly("Indland");
        assertThat(a.subjectCodes()).containsExactly("ritzau-section:i", "subj:06000000");
    }

    @Test
    void annuleretIsAKillOfTheSameNewsId() throws Exception {
        ParsedArticle kill = parse("canceled.xml");

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.sourceId()).isEqualTo(parse("flash.xml").sourceId());
    }

    @Test
    void aStoryWithoutHeadlineAndContentIsRefused() {
        byte[] empty = "<RBNews><NewsID>x</NewsID><headline/><content/></RBNews>".getBytes();

        assertThatThrownBy(() -> parser.parse(empty, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-headline"))
                .hasMessageContaining("Ritzau");
    }
}
