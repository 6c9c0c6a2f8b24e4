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

    @Test
    void ninjs3CamelCaseFieldsAreReadLikeTheirLowercaseNames() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/ninjs3-camelcase.json"), null).get(0);

        assertThat(a.headline()).isEqualTo("Harbour ferry returns after winter repairs");
        assertThat(a.subheadline()).isEqualTo("Crossings resume on the morning tide");
        assertThat(a.firstCreated()).isEqualTo(Instant.parse("2026-03-02T05:10:00Z"));
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-03-02T07:45:30Z"));
        assertThat(a.publishedOffset()).isEqualTo("+01:00");
        assertThat(a.sourceAgency()).isEqualTo("Fjordposten");
        assertThat(a.language()).isEqualTo("nb-NO");
        assertThat(a.priority()).isEqualTo(2);
        assertThat(a.slugline()).isEqualTo("ferge-havn");
        assertThat(a.subjectCodes()).containsExactly("medtop:20000770", "subj:04015000");
        assertThat(a.subjects()).containsExactly("ferry transport", "transport", "ferries", "harbour");
        assertThat(a.paragraphs()).containsExactly("The ferry made its first crossing at dawn.", "Passengers cheered on the quay.");
        assertThat(a.bodyHtml()).contains("<b>cheered</b>").doesNotContain("section");
        assertThat(a.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::caption)
                .containsExactly(tuple("https://img.example.org/ferry-large.jpg", "The ferry leaving the quay."));
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void wrapperItemsAreAcceptedOrRefusedEachOnItsOwn() throws Exception {
        var entries = parser.parseEntries(TestResources.bytes("/ninjs/wrapper-one-bad-item.json"), null);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).label()).isEqualTo("urn:inkstream.example:wrapper:good");
        assertThat(entries.get(0).article().headline()).isEqualTo("Library opens late on Fridays");
        assertThat(entries.get(0).article().subjectCodes()).containsExactly("category:libraries", "subj:01009000");
        assertThat(entries.get(1).label()).isEqualTo("urn:inkstream.example:wrapper:bad");
        assertThat(entries.get(1).refusal().code()).isEqualTo("missing-headline");
        assertThat(entries.get(1).refusal().reason()).contains("ninjs", "headline");
        assertThat(parser.parse(TestResources.bytes("/ninjs/wrapper-one-bad-item.json"), null)).hasSize(1);
    }

    @Test
    void nitfBodyGivesItsContentHeadlineAndByline() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/nitf-body.json"), null).get(0);

        assertThat(a.headline()).isEqualTo("Late frost threatens the apple orchards");
        assertThat(a.byline()).isEqualTo("Ada Lind");
        assertThat(a.paragraphs()).containsExactly("Growers lit fires between the rows overnight.", "Blossom losses will be counted on Monday.");
        assertThat(a.bodyHtml()).doesNotContain("nitf", "hl1", "<?xml");
    }

    @Test
    void nitfBodyWithDoctypeIsRefusedAsHostile() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/ninjs/nitf-body-doctype.json"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("hostile-xml"));
    }

    @Test
    void pictureWithoutHeadlineIsAMediaItemOfItsOwnBestRendition() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/picture-no-headline.json"), null).get(0);

        assertThat(a.type()).isEqualTo(ContentType.picture);
        assertThat(a.headline()).isEqualTo("Gulls over the fish market at first light.");
        assertThat(a.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::credit)
                .containsExactly(tuple("https://img.example.org/gulls.jpg", "Kari Holm"));
    }

    @Test
    void unreadableDateIsAWarningNotARefusal() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/ninjs/bad-date.json"), null).get(0);

        assertThat(a.firstCreated()).isNull();
        assertThat(a.versionCreated()).isEqualTo(Instant.parse("2026-05-05T10:00:00Z"));
        assertThat(a.warnings()).singleElement().asString().contains("next Tuesday morning");
    }

    @Test
    void killKeepsTheSourceIdOfTheStoryItKills() throws Exception {
        ParsedArticle kill = parser.parse(TestResources.bytes("/ninjs/canceled.json"), null).get(0);

        assertThat(kill.pubStatus()).isEqualTo(PubStatus.canceled);
        assertThat(kill.sourceId()).isEqualTo(parser.parse(TestResources.bytes("/ninjs/ninjs1-text.json"), null).get(0).sourceId());
    }
}
