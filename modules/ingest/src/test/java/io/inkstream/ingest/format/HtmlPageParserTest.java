package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlPageParserTest {

    private final HtmlPageParser parser = new HtmlPageParser();

    @Test
    void pageWithoutArticleOrBinaryIsRejected() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/html/no-article.html"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-body"));
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/binary-garbage.bin"), "text/html"))
                .isInstanceOf(RejectedItemException.class);
    }
}
