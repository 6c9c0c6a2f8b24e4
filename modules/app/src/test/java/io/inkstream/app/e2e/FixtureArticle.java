package io.inkstream.app.e2e;

import io.inkstream.testkit.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture page (testkit {@code Fixtures.ecnsPage()}) and what a reader must see once it has gone
 * through the pipeline: the article as on the source page, without the source page's navigation noise.
 */
final class FixtureArticle {

    static final String HEADLINE = "Xi urges constructive cyberspace talks";
    static final String SECTION = "Politics";
    static final String PUBLISHED = "2015-09-25 08:34";
    static final String SOURCE = "China Daily";
    static final String EDITOR = "Editor: Wang Fan";
    static final String CAPTION = "Chinese President Xi Jinping talks with tech executives at 8th U.S.-China Internet "
            + "Industry Forum in Seattle, Sept 23, 2015.";
    static final String CREDIT = "Lao Jiang/Provided to chinadaily.com.cn";
    static final String FIRST_PARAGRAPH_START = "President Xi Jinping called for";
    static final String LAST_PARAGRAPH_END = "a senior official in charge of public security.";
    static final int PARAGRAPHS = 10;

    /** Text of the source page that is navigation, not article, and must not reach the reader. */
    static final List<String> NOISE = List.of("Text:AAAPrint", "[Special coverage]", "MorePhoto", "MoreTop news");

    private FixtureArticle() {
    }

    static byte[] page() {
        return Fixtures.ecnsPage().getBytes(StandardCharsets.UTF_8);
    }

    /** Ingests the fixture page as a wire feed would push it; returns the article id. */
    static String ingest(SiteClient site) {
        return site.ingest(page(), "text/plain; charset=utf-8", "ecns-page-xi-cyberspace.txt");
    }

    /** Asserts what a reader sees of the article itself on its page. */
    static void assertReaderSeesTheArticle(ArticlePage page) {
        assertThat(page.headline()).isEqualTo(HEADLINE);
        assertThat(page.breadcrumb()).contains(SECTION);
        assertThat(page.publishedText()).isEqualTo(PUBLISHED);
        assertThat(page.source()).isEqualTo(SOURCE);
        assertThat(page.editor()).isEqualTo(EDITOR);

        // The source page repeats the caption (image alt text and caption); the reader sees it once, with the credit.
        String text = page.visibleText();
        assertThat(occurrences(text, CAPTION)).as("times the caption is shown").isEqualTo(1);
        assertThat(page.captions()).hasSize(1);
        String figcaption = page.captions().get(0) + " " + String.join(" ", page.credits());
        assertThat(figcaption).contains(CAPTION);
        assertThat(occurrences(figcaption, CREDIT)).as("times the credit is shown").isEqualTo(1);

        List<String> paragraphs = page.bodyParagraphs();
        assertThat(paragraphs).hasSize(PARAGRAPHS);
        assertThat(paragraphs.get(0)).startsWith(FIRST_PARAGRAPH_START)
                .endsWith("saying \"no one can stay out of this affair\".");
        assertThat(paragraphs.get(PARAGRAPHS - 1)).endsWith(LAST_PARAGRAPH_END);
        assertThat(paragraphs).noneMatch(p -> p.contains(CAPTION));

        for (String noise : NOISE) {
            assertThat(text).as("page text").doesNotContain(noise);
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
