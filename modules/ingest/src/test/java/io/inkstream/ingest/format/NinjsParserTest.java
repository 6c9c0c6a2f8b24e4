package io.inkstream.ingest.format;

import io.inkstream.events.ContentType;
import io.inkstream.events.PubStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NinjsParserTest {

    private final NinjsParser parser = new NinjsParser();

    @Test
    void ninjs1ItemMapsFieldsAndSanitizesBody() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/ninjs1-text.json"), "application/json").get(0);

        assertThat(a.sourceId()).isEqualTo("urn:newsml:xinhua.net:20151019:economy-q3");
        assertThat(a.headline()).isEqualTo("China's economy grows 6.9 pct in Q3");
        assertThat(a.byline()).isEqualTo("Xinhua writers Wang Wei, Li Na");
        assertThat(a.datelinePlace()).isEqualTo("BEIJING");
        assertThat(a.sourceAgency()).isEqualTo("Xinhua");
        assertThat(a.priority()).isEqualTo(3);
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.subjects()).containsExactly("economy");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-10-19T10:15+08:00").toInstant());
        assertThat(a.publishedOffset()).isEqualTo("+08:00");
        assertThat(a.paragraphs()).containsExactly(
                "BEIJING, Oct 19 (Xinhua) -- China's economy grew 6.9 percent.",
                "\"The economy is operating within a reasonable range,\" said Sheng Laiyun.",
                "Third paragraph.");
        assertThat(a.bodyHtml()).doesNotContain("script", "alert", "onclick", "javascript:");
        assertThat(a.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::caption, ParsedArticle.Media::credit)
                .containsExactly(tuple("https://img.example.org/qingdao.jpg", "Containers at the port of Qingdao, Oct 18, 2015.", "Xinhua/Li Ziheng"));
    }

    @Test
    void ninjs2ItemReadsHeadlinesBodiesInfosourcesAndEmbargo() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/ninjs2-text.json"), null).get(0);

        assertThat(a.headline()).isEqualTo("Giant pandas celebrate birthday in Chengdu");
        assertThat(a.subheadline()).isEqualTo("Twin cubs turn one");
        assertThat(a.sourceAgency()).isEqualTo("ECNS");
        assertThat(a.pubStatus()).isEqualTo(PubStatus.withheld);
        assertThat(a.embargoUntil()).isEqualTo(Instant.parse("2016-07-12T20:00:00Z"));
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.bodyHtml()).isNull();
        assertThat(a.paragraphs()).containsExactly("Twin giant panda cubs celebrated their first birthday.", "Keepers prepared cakes made of ice.");
        assertThat(a.subjects()).containsExactly("animals", "Sichuan");
        assertThat(a.media()).extracting(ParsedArticle.Media::type, ParsedArticle.Media::url, ParsedArticle.Media::caption, ParsedArticle.Media::alt)
                .containsExactly(tuple(ContentType.picture, "https://img.example.org/p.jpg", "A keeper feeds a cake to a panda cub.", "Panda eating cake"));
    }

    @Test
    void canceledPubstatusIsAKill() throws Exception {
        assertThat(parser.parse(TestResources.bytes("/ninjs/canceled.json"), null).get(0).pubStatus()).isEqualTo(PubStatus.canceled);
    }

    @Test
    void itemWithoutHeadlineIsRejected() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/ninjs/missing-headline.json"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-headline"));
    }

    @Test
    void malformedAndHostileJsonAreRejectedWithReason() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/ninjs/malformed.json"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("Not valid JSON");
        byte[] deep = ("{\"headline\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(deep, null)).isInstanceOf(RejectedItemException.class);
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/binary-garbage.bin"), null)).isInstanceOf(RejectedItemException.class);
        assertThatThrownBy(() -> parser.parse("\"just a string\"".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"));
    }
}
