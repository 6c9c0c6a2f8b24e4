package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RitzauXmlParserTest {

    private final RitzauXmlParser parser = new RitzauXmlParser();

    private ParsedArticle parse(String resource) throws RejectedItemException {
        return parser.parse(TestResources.bytes("/ritzau/" + resource), null).get(0);
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
