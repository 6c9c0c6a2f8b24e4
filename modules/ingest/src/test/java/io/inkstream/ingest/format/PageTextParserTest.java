package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PageTextParserTest {

    private final PageTextParser parser = new PageTextParser();

    private ParsedArticle parseOne(byte[] bytes) throws RejectedItemException {
        List<ParsedArticle> articles = parser.parse(bytes, "text/plain; charset=utf-8");
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    @Test
    void ecnsFixtureBecomesTheArticleWithoutPageChrome() throws Exception {
        ParsedArticle a = parseOne(TestResources.ecnsFixture());

        assertThat(a.headline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(a.section()).isEqualTo("Politics");
        assertThat(a.subheadline()).isNull();
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(ZoneId.of(a.publishedOffset())).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(a.sourceAgency()).isEqualTo("China Daily");
        assertThat(a.editor()).isEqualTo("Wang Fan");
        assertThat(a.datelinePlace()).isNull();
        assertThat(a.type()).isEqualTo(ContentType.text);
        assertThat(a.media()).extracting(ParsedArticle.Media::caption, ParsedArticle.Media::credit).containsExactly(tuple(
                "Chinese President Xi Jinping talks with tech executives at 8th U.S.-China Internet Industry Forum in Seattle, Sept 23, 2015.",
                "Lao Jiang/Provided to chinadaily.com.cn"));
        assertThat(a.paragraphs()).hasSize(10);
        assertThat(a.paragraphs().get(0)).startsWith("President Xi Jinping called for")
                .endsWith("saying \"no one can stay out of this affair\".");
        assertThat(a.paragraphs().get(9)).endsWith("a senior official in charge of public security.");
        assertThat(a.paragraphs().get(4)).isEqualTo("\"Both China and the U.S. are major players in cyberspace, and the two countries "
                + "have important common interests and room for cooperation,\" he said.");
        assertThat(String.join("\n", a.paragraphs()))
                .doesNotContain("[Special coverage]", "LINE", "Text:AAAPrint", "Related news", "Most popular",
                        "MoreTop news", "Copyright", "Back to top", "Learning Chinese");
    }

    @Test
    void declaredLatin1CharsetIsHonoured() throws Exception {
        List<ParsedArticle> articles = parser.parse(TestResources.bytes("/page-text/latin1-cafe.txt"), "text/plain; charset=ISO-8859-1");

        assertThat(articles.get(0).headline()).isEqualTo("Café culture spreads in Shanghai");
    }

    @Test
    void undeclaredLatin1IsRejectedAsWrongEncoding() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/latin1-cafe.txt"), "text/plain"))
                .isInstanceOf(RejectedItemException.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((RejectedItemException) e).code()).isEqualTo("bad-encoding");
    }

    @Test
    void pageWithoutDateLineIsRejectedWithReason() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/no-date-line.txt"), null))
                .isInstanceOf(RejectedItemException.class)
                .hasMessageContaining("No date line")
                .extracting(e -> ((RejectedItemException) e).code()).isEqualTo("unparseable");
    }

    @Test
    void headlineWithoutBodyIsRejected() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/headline-only.txt"), null))
                .isInstanceOf(RejectedItemException.class)
                .extracting(e -> ((RejectedItemException) e).code()).isEqualTo("missing-body");
    }

    @Test
    void binaryGarbageIsRejectedNotParsed() {
        for (String garbage : List.of("/page-text/binary-garbage.bin", "/page-text/nul-bytes.txt")) {
            assertThatThrownBy(() -> parser.parse(TestResources.bytes(garbage), null))
                    .isInstanceOf(RejectedItemException.class)
                    .extracting(e -> ((RejectedItemException) e).code()).isIn("bad-encoding", "unparseable");
        }
    }

    @Test
    void sniffsPageTextButNotMarkupOrJson() {
        assertThat(parser.sniff(TestResources.ecnsFixture(), null, null)).isTrue();
        assertThat(parser.sniff("<html><body>2015-09-25 08:34</body></html>".getBytes(), null, null)).isFalse();
        assertThat(parser.sniff("{\"headline\":\"x\"}".getBytes(), null, null)).isFalse();
        assertThat(parser.sniff(TestResources.bytes("/page-text/binary-garbage.bin"), null, null)).isFalse();
    }
}
