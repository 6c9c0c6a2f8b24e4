package io.inkstream.enrich.text;

import io.inkstream.events.Article;

import java.util.List;

/**
 * The text enrichment reads: the headline, a blank line, then the body paragraphs separated by
 * blank lines. Entity offsets are character offsets into exactly this string.
 */
public final class ArticleText {

    private static final String PARAGRAPH_BREAK = "\n\n";
    /** No Han, Hiragana or Katakana code point comes before U+2E80 (CJK Radicals Supplement). */
    static final int FIRST_CJK = 0x2E80;

    private ArticleText() {
    }

    public static String of(Article article) {
        return of(article.getHeadline(), article.getParagraphs());
    }

    public static String of(String headline, List<String> paragraphs) {
        StringBuilder text = new StringBuilder(headline == null ? "" : headline.strip());
        for (String paragraph : paragraphs) {
            if (paragraph != null && !paragraph.isBlank()) {
                text.append(PARAGRAPH_BREAK).append(paragraph.strip());
            }
        }
        return text.toString();
    }

    /**
     * The text entities are found in: {@link #of(Article)}, then the source agency on a line of its
     * own, so that the agency a story comes from counts as named by it (offsets past the body are
     * in that line).
     */
    public static String forEntities(Article article) {
        String text = of(article);
        String agency = article.getSourceAgency();
        return agency == null || agency.isBlank() ? text : text + PARAGRAPH_BREAK + agency.strip();
    }

    /** The body alone, paragraphs separated by blank lines. */
    public static String body(Article article) {
        return of("", article.getParagraphs()).strip();
    }

    static boolean isCjk(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false; // Latin text: no script lookup (a binary search) per character
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
