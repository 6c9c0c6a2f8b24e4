package io.inkstream.enrich.text;

import io.inkstream.events.Article;
import io.inkstream.events.ContentType;
import io.inkstream.events.MediaItem;

/**
 * Counts of the body a reader sees: words (each Chinese or Japanese character counts as one word,
 * as newsrooms count CJK copy), reading minutes (rounded) at 230 English words or 400 CJK characters a
 * minute (at least 1), non-blank paragraphs, and attached photos.
 */
public record TextCounts(int words, int readingMinutes, int paragraphs, int photos) {

    static final double WORDS_PER_MINUTE = 230;
    static final double CJK_CHARS_PER_MINUTE = 400;

    public static TextCounts of(Article article) {
        int latinWords = 0;
        int cjkChars = 0;
        int paragraphs = 0;
        for (String paragraph : article.getParagraphs()) {
            if (paragraph == null || paragraph.isBlank()) {
                continue;
            }
            paragraphs++;
            boolean inWord = false;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                i += Character.charCount(cp);
                if (ArticleText.isCjk(cp)) {
                    cjkChars++;
                    inWord = false;
                } else if (Character.isLetterOrDigit(cp)) {
                    if (!inWord) {
                        latinWords++;
                    }
                    inWord = true;
                } else if (!(inWord && (cp == '\'' || cp == '\u2019' || cp == '-' || cp == '.'))) {
                    // apostrophes, hyphens and dots inside a word (don't, U.S.-China, 3.5) keep it one word
                    inWord = false;
                }
            }
        }
        int words = latinWords + cjkChars;
        double minutes = latinWords / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE;
        int readingMinutes = Math.max(1, (int) Math.round(minutes));
        int photos = (int) article.getMedia().stream().filter(TextCounts::isPhoto).count();
        return new TextCounts(words, readingMinutes, paragraphs, photos);
    }

    private static boolean isPhoto(MediaItem item) {
        return item.getType() == ContentType.picture;
    }
}
