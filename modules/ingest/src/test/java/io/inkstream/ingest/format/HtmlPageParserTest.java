package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class HtmlPageParserTest {

    private final HtmlPageParser parser = new HtmlPageParser();

    @Test
    void jsonLdNewsArticleWinsAndOnlyTheBodyIsKept() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/html/jsonld-article.html"), "text/html").get(0);

        assertThat(a.headline()).isEqualTo("Xi urges constructive cyberspace talks");
        assertThat(a.section()).isEqualTo("Politics");
        assertThat(a.byline()).isEqualTo("Zhao Yinan");
        assertThat(a.editor()).isEqualTo("Wang Fan");
        assertThat(a.sourceAgency()).isEqualTo("China Daily");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(a.publishedOffset()).isEqualTo("+08:00");
        assertThat(a.sourceId()).isEqualTo("http://www.ecns.cn/2015/09-25/xi-cyberspace.shtml#article");
        assertThat(a.sourceUrl()).isEqualTo("http://www.ecns.cn/2015/09-25/xi-cyberspace.shtml");
        assertThat(a.subjects()).containsExactly("Xi Jinping", "cybersecurity");
        assertThat(a.media()).extracting(ParsedArticle.Media::caption, ParsedArticle.Media::credit)
                .containsExactly(tuple("Chinese President Xi Jinping talks with tech executives.", "Lao Jiang/Provided to chinadaily.com.cn"));
        assertThat(a.paragraphs()).containsExactly(
                "President Xi Jinping called for China and the United States to embark on constructive dialogues.",
                "It was the third time in three days that Xi had addressed the issue.",
                "Special coverage");
        assertThat(a.bodyHtml()).doesNotContain("script", "alert", "Most popular", "Copyright", "News</a>");
    }

    @Test
    void openGraphMetaFillsWhatJsonLdLacks() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/html/opengraph-only.html"), null).get(0);

        assertThat(a.headline()).isEqualTo("Pandas celebrate birthday");
        assertThat(a.section()).isEqualTo("Society");
        assertThat(a.byline()).isEqualTo("Li Yan");
        assertThat(a.sourceAgency()).isEqualTo("Example News");
        assertThat(a.sourceUrl()).isEqualTo("http://example.org/pandas");
        assertThat(a.language()).isEqualTo("en-US");
        assertThat(a.subjects()).containsExactly("animals");
        assertThat(a.publishedOffset()).isEqualTo("+08:00");
        assertThat(a.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::alt)
                .containsExactly(tuple("http://example.org/pandas.jpg", "Two cubs eating cake"));
        assertThat(a.paragraphs()).containsExactly("Twin giant panda cubs celebrated their first birthday.",
                "Keepers prepared cakes made of ice, fruit and bamboo.");
    }

    @Test
    void pageStructureAloneGivesHeadlineTimeFigureAndSafeBody() throws Exception {
        ParsedArticle a = parser.parse(TestResources.bytes("/html/structure-only.html"), null).get(0);

        assertThat(a.headline()).isEqualTo("Quake hits remote county");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2017-08-08T21:19+08:00").toInstant());
        assertThat(a.media()).extracting(ParsedArticle.Media::caption, ParsedArticle.Media::credit, ParsedArticle.Media::alt)
                .containsExactly(tuple("Rescuers search the rubble.", "Xinhua/Jiang Hongjing", "Rescuers"));
        assertThat(a.paragraphs()).containsExactly(
                "A 7.0-magnitude earthquake struck Jiuzhaigou county on Tuesday night.",
                "\"We felt it strongly,\" a resident said.",
                "Rescue teams were sent overnight.");
        assertThat(a.bodyHtml()).contains("<blockquote>").doesNotContain("onmouseover", "style", "iframe", "evil");
    }

    @Test
    void pageWithoutArticleOrBinaryIsRejected() {
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/html/no-article.html"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-body"));
        assertThatThrownBy(() -> parser.parse(TestResources.bytes("/page-text/binary-garbage.bin"), "text/html"))
                .isInstanceOf(RejectedItemException.class);
    }
}
