package io.inkstream.enrich.text;

import io.inkstream.enrich.TestArticles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandfirstTest {

    @Test
    void fixtureSummaryIsItsOpeningSentence() {
        String summary = Standfirst.of(TestArticles.fixture().build());

        assertThat(summary).isEqualTo("President Xi Jinping called for China and the United States to embark on "
                + "constructive dialogues on cybersecurity, saying \"no one can stay out of this affair\".");
    }

    @Test
    void wireDatelinesAreDropped() {
        assertThat(summaryOf("BEIJING, Sept 24 (Xinhua) -- China will host the forum next year."))
                .isEqualTo("China will host the forum next year.");
        assertThat(summaryOf("WASHINGTON (Reuters) - Talks resumed on Friday."))
                .isEqualTo("Talks resumed on Friday.");
        assertThat(summaryOf("NEW YORK \u2014 Stocks rose."))
                .isEqualTo("Stocks rose.");
        assertThat(summaryOf("Beijing, Sept. 24 (Xinhua) -- Rain is expected."))
                .isEqualTo("Rain is expected.");
        assertThat(summaryOf("中新网北京9月24日电 (记者 张三) 中国将于明年举办论坛。"))
                .isEqualTo("中国将于明年举办论坛。");
    }

    @Test
    void upperCaseWordThatIsNotADatelineStays() {
        assertThat(summaryOf("NASA said the launch went well."))
                .isEqualTo("NASA said the launch went well.");
    }

    @Test
    void shortOpeningSentenceTakesTheNextOneAlong() {
        assertThat(summaryOf("Markets fell. Investors worried about the U.S. economy. A third sentence follows here."))
                .isEqualTo("Markets fell. Investors worried about the U.S. economy.");
    }

    @Test
    void longSentenceIsCutOnAWordBoundaryWithinTwoHundredCharacters() {
        String sentence = "The delegation, which included officials from the ministries of commerce, foreign affairs "
                + "and public security as well as executives of a dozen technology companies, spent three days "
                + "touring factories and research centres before the talks.";

        String summary = summaryOf(sentence);

        assertThat(summary).hasSizeLessThanOrEqualTo(200).endsWith("\u2026");
        String withoutEllipsis = summary.substring(0, summary.length() - 1);
        assertThat(sentence).startsWith(withoutEllipsis);
        assertThat(sentence.charAt(withoutEllipsis.length())).isEqualTo(' ');
    }

    @Test
    void articleWithoutBodyIsSummarisedByItsHeadline() {
        assertThat(Standfirst.of(TestArticles.article("a1", "Quake hits coast").build())).isEqualTo("Quake hits coast");
    }

    private static String summaryOf(String paragraph) {
        return Standfirst.of(TestArticles.article("a1", "Headline", paragraph, "Second paragraph.").build());
    }
}
