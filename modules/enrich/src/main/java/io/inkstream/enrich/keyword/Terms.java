package io.inkstream.enrich.keyword;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the terms keywords and similarity are computed on: lower-case words of two or
 * more letters that are not English stop words, plurals folded to the singular, and, for Chinese or Japanese runs (which have no
 * spaces), overlapping two-character terms, the usual unit for CJK retrieval.
 */
public final class Terms {

    private static final Pattern WORD = Pattern.compile("(?:\\p{Lu}\\.){2,}|\\p{L}[\\p{L}\\p{N}]*(?:['\u2019]\\p{L}+)?");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
            "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
            "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
            "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
            "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
            "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "said", "says",
            "say", "told", "according", "year", "years", "last", "new", "one", "two", "three", "first", "second",
            "many", "much", "may", "might", "must", "per", "cent", "percent", "since", "still", "within", "without",
            "another", "around", "across", "among", "amid", "made", "make", "makes", "well", "even", "like", "yet",
            "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "week", "month", "day", "days", "time", "times", "people", "it's", "he's", "she's", "they're", "we're");

    /** No Han, Hiragana or Katakana code point comes before U+2E80 (CJK Radicals Supplement). */
    private static final int FIRST_CJK = 0x2E80;

    private Terms() {
    }

    /** How often each term occurs, in first-seen order. */
    public static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String term : terms(text)) {
            counts.merge(term, 1, Integer::sum);
        }
        return counts;
    }

    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            String word = m.group();
            if (hasCjk(word)) {
                addCjkBigrams(word, terms);
                continue;
            }
            String term = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (term.endsWith("'s")) {
                term = term.substring(0, term.length() - 2);
            }
            if (term.length() >= 2 && !STOP_WORDS.contains(term)) {
                terms.add(singular(term));
            }
        }
        return terms;
    }

    /** All words in order, stop words included: the material for near-duplicate shingles. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            String word = m.group();
            if (hasCjk(word)) {
                word.codePoints().filter(Terms::isCjk).forEach(cp -> words.add(Character.toString(cp)));
            } else {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * "floods" and "flood", "hackers" and "hacker" are one term; a full stemmer would also merge
     * "flooded", but plural folding is safe enough to keep keywords readable.
     */
    static String singular(String term) {
        if (term.length() > 4 && term.endsWith("ies")) {
            return term.substring(0, term.length() - 3) + "y";
        }
        if (term.length() > 3 && term.endsWith("s") && !term.endsWith("ss") && !term.endsWith("us")
                && !term.endsWith("is") && !term.endsWith("ies")) {
            return term.substring(0, term.length() - 1);
        }
        return term;
    }

    private static void addCjkBigrams(String run, List<String> terms) {
        int[] chars = run.codePoints().filter(Terms::isCjk).toArray();
        if (chars.length == 1) {
            return;
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            terms.add(new String(chars, i, 2));
        }
    }

    private static boolean hasCjk(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (isCjk(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isCjk(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false; // Latin text: no script lookup (a binary search) per character
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
