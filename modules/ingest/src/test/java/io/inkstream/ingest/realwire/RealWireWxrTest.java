package io.inkstream.ingest.realwire;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WordPress exports of superdesk-core's fixtures, each checked for what its
 * {@code wordpress_wxr_test.py} asserts, plus what Inkstream reads beyond. Where superdesk turns
 * an image into a stored rendition (featuremedia), Inkstream lists the image's URL as the post's
 * media. The test export's third post is dated 3013: kept, with the date left out and a warning.
 */
class RealWireWxrTest {

    @Test
    void testExportGivesOneArticlePerPostWithGuidDateAuthorCategoriesAndMedia() {
        RealWire.Result r = RealWire.pushed("wordpress-wxr/wordpress_wxr.xml");
        List<Article> posts = r.articles();

        assertThat(r.format()).isEqualTo("wordpress-wxr");
        assertThat(r.rejections()).isEmpty();
        assertThat(posts).extracting(Article::getHeadline).containsExactly(
                "Starafrica to dispose assets for $6 million to clear debt", "test2", "test3", "test4", "test5");
        Article first = posts.get(0);
        assertThat(first.getProvenance().getSourceId()).isEqualTo("http://sdnewtester.org/?p=216");
        assertThat(first.getFirstCreated()).isEqualTo(Instant.parse("2013-07-29T16:03:54Z"));
        assertThat(first.getPublishedOffset()).as("post_date beside post_date_gmt").isEqualTo("+02:00");
        assertThat(first.getByline()).isEqualTo("admin");
        assertThat(first.getSubjects()).containsExactly("Business", "Companies", "companies", "Economy");
        assertThat(first.getSection()).isEqualTo("Business");
        assertThat(first.getParagraphs()).containsExactly("By Tester",
                "Harare, July 19 (The SDNewTester) - Cash-strapped StarAfrica Corporation is set to dispose its transport company and its stake"
                        + " in Tongaat Hulett Botswana for $6 million to offset part of the companyâs $19.7 million debt.",
                "Bla bla test");
        assertThat(first.getLanguage()).isEqualTo("en-US");

        assertThat(posts.get(1).getMedia()).singleElement().satisfies(m -> assertThat(m.getUrl()).isEqualTo("http://example.net/image.png"));
        assertThat(posts.get(2).getParagraphs()).containsExactly("By Tester", posts.get(1).getParagraphs().get(1), "Bla bla test");
        assertThat(posts.get(2).getProvenance().getWarnings()).singleElement().asString().contains("3013");
        assertThat(posts.get(3).getType()).as("no body, only an image").isEqualTo(ContentType.picture);
        assertThat(posts.get(3).getMedia()).singleElement().satisfies(m -> assertThat(m.getUrl()).isEqualTo("http://example.net/image.png"));
        assertThat(posts.get(4).getType()).isEqualTo(ContentType.picture);
        assertThat(posts.get(4).getLinks()).singleElement().satisfies(l -> assertThat(l.getHref()).isEqualTo("https://test.invalid"));
    }

    @Test
    void funkeExportResolvesDropcapAndAutopAndTakesImagesOut() {
        Article a = RealWire.article("wordpress-wxr/wordpress_wxr_funke.xml");

        assertThat(a.getBodyHtml()).startsWith("<p><strong>Mysterium Secrets &amp; Lies von Asmodee").doesNotContain("[", "<img", "<figure");
        assertThat(a.getParagraphs().get(0)).startsWith("Mysterium Secrets & Lies von Asmodee Digital");
        assertThat(a.getParagraphs()).contains("Mysterium Secrets & Lies ist herausfordernd", "Spannende Handlung")
                .noneMatch(p -> p.contains("contact_form"));
        assertThat(a.getHeadline()).isEqualTo("Löst einen Mord in Mysterium Secrets & Lies");
        assertThat(a.getByline()).isEqualTo("Marion");
        assertThat(a.getLanguage()).isEqualTo("de-DE");
        assertThat(a.getSubjects()).contains("Mysterium Secrets & Lies", "Android Apps").doesNotHaveDuplicates();
        assertThat(a.getMedia()).extracting(m -> m.getUrl()).containsExactly(
                "https://funkygames.de/uploads/2017/12/Conrad.jpg", "https://funkygames.de/uploads/2017/12/Mysterium-1.jpg");
        assertThat(a.getMedia().get(1).getCaption()).isEqualTo("Mysterium Secrets & Lies");
        assertThat(a.getFirstCreated()).isEqualTo(Instant.parse("2017-12-02T15:43:50Z"));
    }
}
