package io.inkstream.ingest.format;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FeedParsersTest {

    @Test
    void rssItemsBecomeArticlesWithContentEncodedAsBody() throws Exception {
        List<ParsedArticle> items = new RssParser().parse(TestResources.bytes("/feeds/rss.xml"), "application/rss+xml");

        assertThat(items).extracting(ParsedArticle::headline)
                .containsExactly("Xi urges constructive cyberspace talks", "Pandas celebrate birthday");
        ParsedArticle xi = items.get(0);
        assertThat(xi.sourceId()).isEqualTo("ecns-2015-09-25-xi");
        assertThat(xi.sourceUrl()).isEqualTo("http://www.ecns.cn/2015/09-25/xi.shtml");
        assertThat(xi.sourceAgency()).isEqualTo("ECNS World");
        assertThat(xi.byline()).isEqualTo("Zhao Yinan");
        assertThat(xi.subjects()).containsExactly("Politics");
        assertThat(xi.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-25T08:34+08:00").toInstant());
        assertThat(xi.publishedOffset()).isEqualTo("+08:00");
        assertThat(xi.paragraphs()).containsExactly("President Xi Jinping called for constructive dialogues.", "It was the third time in three days.");
        assertThat(xi.bodyHtml()).doesNotContain("script", "onerror", "alert");
        assertThat(xi.media()).extracting(ParsedArticle.Media::url, ParsedArticle.Media::caption, ParsedArticle.Media::credit)
                .containsExactly(tuple("http://img.ecns.cn/xi.jpg", "Xi talks with tech executives.", "Lao Jiang"));
        ParsedArticle pandas = items.get(1);
        assertThat(pandas.sourceId()).isEqualTo("http://www.ecns.cn/2016/07-12/pandas.shtml");
        assertThat(pandas.paragraphs()).containsExactly("Twin giant panda cubs celebrated their first birthday.");
        assertThat(pandas.publishedAt()).isEqualTo(Instant.parse("2016-07-12T08:05:00Z"));
    }

    @Test
    void atomEntriesReadXhtmlAndTextContent() throws Exception {
        List<ParsedArticle> entries = new AtomParser().parse(TestResources.bytes("/feeds/atom.xml"), null);

        assertThat(entries).hasSize(2);
        ParsedArticle pandas = entries.get(0);
        assertThat(pandas.headline()).isEqualTo("Giant pandas celebrate birthday in Chengdu");
        assertThat(pandas.sourceId()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(pandas.sourceUrl()).isEqualTo("http://example.org/2016/07/12/pandas");
        assertThat(pandas.sourceAgency()).isEqualTo("Example Wire");
        assertThat(pandas.byline()).isEqualTo("Li Yan");
        assertThat(pandas.language()).isEqualTo("en");
        assertThat(pandas.publishedOffset()).isEqualTo("+08:00");
        assertThat(pandas.paragraphs()).containsExactly("Twin giant panda cubs celebrated their first birthday.", "Keepers prepared cakes.");
        assertThat(pandas.bodyHtml()).contains("<em>cakes</em>");
        assertThat(pandas.media()).extracting(ParsedArticle.Media::url).containsExactly("http://example.org/img/pandas.jpg");
        ParsedArticle plain = entries.get(1);
        assertThat(plain.paragraphs()).containsExactly("First paragraph <b>not bold</b>.", "Second paragraph.");
        assertThat(plain.bodyHtml()).doesNotContain("<b>");
    }

    @Test
    void hostileAndBrokenFeedsAreRejected() {
        assertThatThrownBy(() -> new RssParser().parse(TestResources.bytes("/feeds/rss-xxe.xml"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("hostile-xml"));
        assertThatThrownBy(() -> new AtomParser().parse(TestResources.bytes("/feeds/rss.xml"), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("unparseable"))
                .hasMessageContaining("found <rss>");
        assertThatThrownBy(() -> new RssParser().parse("<rss><channel><title>T</title></channel></rss>".getBytes(), null))
                .isInstanceOfSatisfying(RejectedItemException.class, e -> assertThat(e.code()).isEqualTo("missing-body"));
    }
}
