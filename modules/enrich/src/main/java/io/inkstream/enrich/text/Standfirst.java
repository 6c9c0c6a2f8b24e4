package io.inkstream.enrich.text;

import io.inkstream.events.Article;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an article's summary: the opening one or two sentences of the body without the wire
 * dateline ("BEIJING, Sept 24 (Xinhua) --") or inline markers ("[Special coverage]"), at most
 * 200 characters; a longer opening sentence is cut on a word boundary and ends with an ellipsis.
 */
public final class Standfirst {

    public static final int MAX_CHARS = 200;
    /** A second sentence is added only after a short first one, so the standfirst stays a standfirst. */
    private static final int SHORT_FIRST_SENTENCE = 100;
    private static final String ELLIPSIS = "\u2026";

    /** "BEIJING, Sept 24 (Xinhua) --", "WASHINGTON (Reuters) -", "NEW YORK —": an upper-case place. */
    private static final Pattern UPPER_CASE_DATELINE = Pattern.compile(
            "^\\s*[A-Z][A-Z.'\u2019 ]{1,30}(?:/[A-Z][A-Z.' ]{1,30})?(?:,\\s*[A-Z][a-z]{2,4}\\.?\\s+\\d{1,2})?"
                    + "\\s*(?:\\([^)]{1,40}\\))?\\s*(?:--|\u2014|\u2013|-|:)\\s*");
    /** "Beijing, Sept. 24 (Xinhua) --": a mixed-case place is only a dateline with a date after it. */
    private static final Pattern MIXED_CASE_DATELINE = Pattern.compile(
            "^\\s*[A-Z][\\p{L}.' ]{1,30},\\s*[A-Z][a-z]{2,4}\\.?\\s+\\d{1,2}\\s*(?:\\([^)]{1,40}\\))?"
                    + "\\s*(?:--|\u2014|\u2013|-)\\s*");
    /** "(Xinhua) --" left alone at the start. */
    private static final Pattern AGENCY_ONLY = Pattern.compile("^\\s*\\([^)]{1,40}\\)\\s*(?:--|\u2014|\u2013|-)\\s*");
    /** "中新网北京9月24日电 (记者 张三)" and "新华社北京9月24日电". */
    private static final Pattern CHINESE_DATELINE = Pattern.compile(
            "^\\s*[^\u3002\\s]{0,20}?\\d{1,2}\u6708\\d{1,2}\u65e5\u7535\\s*(?:[(\uff08][^)\uff09]{0,30}[)\uff09])?\\s*");
    private static final Pattern INLINE_MARKER = Pattern.compile("\\s*\\[[^\\]]{1,40}\\]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Words whose trailing dot does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Gov.", "Sen.",
            "Rep.", "No.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
            "Inc.", "Corp.", "Co.", "Ltd.", "vs.", "a.m.", "p.m.");

    private Standfirst() {
    }

    public static String of(Article article) {
        for (String paragraph : article.getParagraphs()) {
            String clean = clean(paragraph);
            if (clean.codePoints().anyMatch(Character::isLetter)) {
                return fromParagraph(clean);
            }
        }
        String fallback = article.getSubheadline() != null ? article.getSubheadline() : article.getHeadline();
        return cut(clean(fallback));
    }

    /** The paragraph without dateline, inline markers and doubled spaces. */
    static String clean(String paragraph) {
        if (paragraph == null) {
            return "";
        }
        String text = INLINE_MARKER.matcher(paragraph).replaceAll("");
        text = UPPER_CASE_DATELINE.matcher(text).replaceFirst("");
        text = MIXED_CASE_DATELINE.matcher(text).replaceFirst("");
        text = AGENCY_ONLY.matcher(text).replaceFirst("");
        text = CHINESE_DATELINE.matcher(text).replaceFirst("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String fromParagraph(String paragraph) {
        List<String> sentences = sentences(paragraph);
        String first = sentences.get(0);
        if (first.length() > MAX_CHARS) {
            return cut(first);
        }
        if (sentences.size() > 1 && first.length() < SHORT_FIRST_SENTENCE) {
            String two = first + (isCjkText(first) ? "" : " ") + sentences.get(1);
            if (two.length() <= MAX_CHARS) {
                return two;
            }
        }
        return first;
    }

    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
             start = end, end = iterator.next()) {
            pending.append(text, start, end);
            String soFar = pending.toString().strip();
            String lastWord = soFar.substring(soFar.lastIndexOf(' ') + 1);
            // BreakIterator ends a sentence after "U.S." or "Sept."; join those back
            if (!ABBREVIATIONS.contains(lastWord) || end == text.length()) {
                sentences.add(soFar);
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            sentences.add(pending.toString().strip());
        }
        sentences.removeIf(String::isEmpty);
        return sentences.isEmpty() ? List.of(text) : sentences;
    }

    /** At most 200 characters, cut between words (or anywhere in CJK text), with an ellipsis when cut. */
    static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int limit = MAX_CHARS - ELLIPSIS.length();
        int cut = isCjkText(text) ? limit : text.lastIndexOf(' ', limit);
        if (cut <= 0) {
            cut = limit;
        }
        String head = text.substring(0, cut).replaceAll("[\\s,;:\u2014\u2013-]+$", "");
        return head + ELLIPSIS;
    }

    private static boolean isCjkText(String text) {
        long cjk = text.codePoints().filter(ArticleText::isCjk).count();
        return cjk * 2 > text.codePoints().filter(Character::isLetter).count();
    }
}
