package io.inkstream.enrich.text;

import io.inkstream.enrich.TestArticles;
import io.inkstream.events.ContentType;
import io.inkstream.events.MediaItem;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextCountsTest {

    @Test
    void fixtureHasTenParagraphsOnePhotoAndAboutTwoHundredEightyWords() {
        TextCounts counts = TextCounts.of(TestArticles.fixture().build());

        assertThat(counts.paragraphs()).isEqualTo(10);
        assertThat(counts.photos()).isEqualTo(1);
        assertThat(counts.words()).isBetween(270, 280);
        assertThat(counts.readingMinutes()).isEqualTo(1);
    }

    @Test
    void wordsJoinedByApostrophesHyphensAndDotsCountOnce() {
        TextCounts counts = TextCounts.of(TestArticles.article("a", "h", "Xi's U.S.-China visit, 3.5 days.").build());

        assertThat(counts.words()).isEqualTo(5);
    }

    @Test
    void longStoryReadsInSeveralMinutes() {
        String paragraph = String.join(" ", Collections.nCopies(100, "word"));
        TextCounts counts = TextCounts.of(TestArticles.article("a", "h", Collections.nCopies(10, paragraph)
                .toArray(String[]::new)).build());

        assertThat(counts.words()).isEqualTo(1000);
        assertThat(counts.readingMinutes()).isEqualTo(4);
    }

    @Test
    void chineseCharactersCountAsWords() {
        TextCounts counts = TextCounts.of(TestArticles.article("a", "h", "习近平会见美国企业家。").build());

        assertThat(counts.words()).isEqualTo(10);
    }

    @Test
    void blankParagraphsAndVideosAreNotCounted() {
        TextCounts counts = TextCounts.of(TestArticles.article("a", "h", "One.", " ", "Two.")
                .setMedia(List.of(MediaItem.newBuilder().setType(ContentType.video).build(),
                        MediaItem.newBuilder().setType(ContentType.picture).build()))
                .build());

        assertThat(counts.paragraphs()).isEqualTo(2);
        assertThat(counts.photos()).isEqualTo(1);
    }
}
