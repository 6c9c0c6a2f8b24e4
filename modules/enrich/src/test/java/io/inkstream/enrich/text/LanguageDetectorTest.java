package io.inkstream.enrich.text;

import io.inkstream.enrich.TestArticles;
import io.inkstream.events.Article;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void loadProfiles() {
        detector = new LanguageDetector();
    }

    @Test
    void fixtureIsEnglishWithHighConfidence() {
        Article article = TestArticles.fixture().build();

        LanguageGuess guess = detector.detect(ArticleText.of(article));

        assertThat(guess.language()).isEqualTo("en");
        assertThat(guess.confidence()).isGreaterThan(0.9);
    }

    @Test
    void chineseStoryIsChinese() {
        LanguageGuess guess = detector.detect("国家主席习近平在西雅图出席第八届中美互联网论坛，呼吁中美两国就网络安全问题开展建设性对话。"
                + "他表示，中美都是网络大国，双方有着重要共同利益和合作空间。");

        assertThat(guess.language()).isEqualTo("zh");
        assertThat(guess.confidence()).isGreaterThan(0.9);
    }

    @Test
    void frenchStoryIsFrench() {
        LanguageGuess guess = detector.detect("Le président chinois a appelé à un dialogue constructif sur la "
                + "cybersécurité lors de sa visite aux États-Unis, la troisième fois en trois jours.");

        assertThat(guess.language()).isEqualTo("fr");
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertThat(detector.detect("Ok 42")).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(detector.detect(null)).isEqualTo(LanguageGuess.UNDETERMINED);
    }
}
