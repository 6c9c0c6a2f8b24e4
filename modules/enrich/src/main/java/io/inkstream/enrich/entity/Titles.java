package io.inkstream.enrich.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Words that, standing before a capitalized name, say that the name is a person's. */
final class Titles {

    /** Abbreviations whose dot belongs to the word. */
    static final Set<String> ABBREVIATED = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Sen.", "Rep.",
            "Gov.", "Corp.", "Inc.", "Co.", "Ltd.", "St.");

    /** Titles written before a name, longest first so that "Vice President" wins over "President". */
    static final List<List<String>> BEFORE_NAME = List.of(
            List.of("Secretary", "of", "State"), List.of("Prime", "Minister"), List.of("Vice", "President"),
            List.of("Vice", "Premier"), List.of("General", "Secretary"), List.of("Foreign", "Minister"),
            List.of("State", "Councilor"), List.of("Chief", "Executive"),
            List.of("President"), List.of("Premier"), List.of("Chancellor"), List.of("Chairman"),
            List.of("Chairwoman"), List.of("King"), List.of("Queen"), List.of("Pope"), List.of("Prince"),
            List.of("Princess"), List.of("Senator"), List.of("Governor"), List.of("Mayor"), List.of("Minister"),
            List.of("Ambassador"), List.of("Secretary"), List.of("Professor"), List.of("Judge"),
            List.of("CEO"), List.of("Mr."), List.of("Mrs."), List.of("Ms."), List.of("Dr."), List.of("Prof."),
            List.of("Gen."), List.of("Sen."), List.of("Rep."), List.of("Gov."),
            List.of("envoy"), List.of("spokesman"), List.of("spokeswoman"), List.of("spokesperson"),
            List.of("minister"), List.of("ambassador"), List.of("president"), List.of("premier"),
            List.of("chairman"), List.of("founder"), List.of("reporter"), List.of("correspondent"));

    /**
     * {@link #BEFORE_NAME} by first word, each list in its order there: a token is compared only with the
     * titles it can start (it was every title for every token, a tenth of entity extraction).
     */
    static final Map<String, List<List<String>>> BY_FIRST_WORD = byFirstWord();

    private static Map<String, List<List<String>>> byFirstWord() {
        Map<String, List<List<String>>> byFirst = new LinkedHashMap<>();
        for (List<String> title : BEFORE_NAME) {
            byFirst.computeIfAbsent(title.get(0), w -> new ArrayList<>()).add(title);
        }
        byFirst.replaceAll((word, titles) -> List.copyOf(titles));
        return Map.copyOf(byFirst);
    }

    private Titles() {
    }
}
