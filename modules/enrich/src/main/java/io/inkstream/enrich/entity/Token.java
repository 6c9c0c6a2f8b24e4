package io.inkstream.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word of the text with its character span; initialisms such as U.S. stay one word, "Xi's" gives "Xi". */
record Token(String text, int start, int end) {

    private static final Pattern WORD = Pattern.compile("(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{N}]+(?:-\\p{Lu}\\p{Ll}+)*\\.?");

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            int end = m.end();
            // keep the dot of abbreviations (Corp., Mr.) only; a sentence's full stop is not part of the word
            if (word.endsWith(".") && !word.matches("(?:\\p{Lu}\\.){2,}") && !Titles.ABBREVIATED.contains(word)) {
                word = word.substring(0, word.length() - 1);
                end--;
            }
            tokens.add(new Token(word, m.start(), end));
        }
        return tokens;
    }

    boolean capitalized() {
        return Character.isUpperCase(text.codePointAt(0));
    }
}
