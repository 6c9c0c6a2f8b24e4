package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RitzauXmlParserTest {

    private final RitzauXmlParser parser = new RitzauXmlParser();

    @Test
    void aStoryWithoutHeadlineAndContentIsRefused() {
        byte[] empty = "<RBNews><NewsID>x</NewsID><headline/><content/></RBNews>".getBytes();

        assertThatThrownBy(() -> parser.parse(empty, null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-headline"))
                .hasMessageContaining("Ritzau");
    }
}
