package io.inkstream.enrich.entity;

import io.inkstream.events.Entity;
import io.inkstream.events.EntityKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the people, organizations and places an article names, with a gazetteer and
 * capitalization rules rather than a statistical model (no good NER model can be fetched offline):
 * known names come from the shipped {@link Gazetteer}; a capitalized name after a title
 * ("President", "envoy") is a person; a capitalized name ending in an organization word ("Ministry",
 * "Group") is an organization; a lone capitalized word equal to the family or given name of a person
 * already found ("Xi" after "Xi Jinping") is that person. All forms of one entity merge into its
 * canonical form; mentions count every form; the first offset is where the first form starts.
 */
public final class EntityExtractor {

    private static final int MAX_NAME_WORDS = 3;
    private static final Set<String> ORGANIZATION_ENDINGS = Set.of("Ministry", "University", "Association",
            "Council", "Committee", "Commission", "Bank", "Agency", "Institute", "Party", "Group", "Corporation",
            "Corp.", "Inc.", "Company", "Co.", "Ltd.", "Foundation", "Academy", "Administration", "Bureau",
            "Federation", "Department", "Office");
    /** Capitalized words that start sentences or titles but are not names. */
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "He", "She", "It", "They", "We", "I",
            "His", "Her", "Their", "Its", "This", "That", "These", "Those", "In", "On", "At", "For", "But", "And",
            "Chinese", "American", "U.S.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December", "Sept");

    private final Gazetteer gazetteer;

    public EntityExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Entities in the text, most mentioned first (then by first appearance). */
    public List<Entity> extract(String text) {
        List<Token> tokens = Token.tokenize(text);
        List<Mention> mentions = new ArrayList<>();
        boolean[] taken = new boolean[tokens.size()];
        findKnownAndTitled(tokens, mentions, taken);
        findOrganizationsByEnding(tokens, mentions, taken);
        findShortFormsOfPeople(tokens, mentions, taken);
        findIdeographic(text, mentions);
        return merge(mentions);
    }

    /** One occurrence: the text as written (with a title, if any), where it starts, what it is. */
    private record Mention(String surface, int start, String canonical, EntityKind kind) {
    }

    private void findKnownAndTitled(List<Token> tokens, List<Mention> mentions, boolean[] taken) {
        for (int i = 0; i < tokens.size(); i++) {
            int titleWords = titleAt(tokens, i);
            int nameStart = i + titleWords;
            Gazetteer.Form known = nameStart < tokens.size() ? knownAt(tokens, nameStart) : null;
            if (known != null) {
                int end = nameStart + known.words().size();
                // "President Xi Jinping" is a form worth keeping; "envoy Meng Jianzhu" is not
                boolean titled = titleWords > 0 && known.kind() == EntityKind.PERSON && tokens.get(i).capitalized();
                int start = titled ? i : nameStart;
                mentions.add(new Mention(surface(tokens, start, end), tokens.get(start).start(), known.canonical(),
                        known.kind()));
                mark(taken, start, end);
                i = end - 1;
            } else if (titleWords > 0) {
                int end = nameStart;
                while (end < tokens.size() && end - nameStart < MAX_NAME_WORDS && isNameWord(tokens.get(end))
                        && knownAt(tokens, end) == null) {
                    end++;
                }
                if (end > nameStart) {
                    int start = tokens.get(i).capitalized() ? i : nameStart;
                    mentions.add(new Mention(surface(tokens, start, end), tokens.get(start).start(),
                            surface(tokens, nameStart, end), EntityKind.PERSON));
                    mark(taken, i, end);
                    i = end - 1;
                }
            }
        }
    }

    /** "Shenzhen Internet Association": a place inside an organization's name is part of that name. */
    private void findOrganizationsByEnding(List<Token> tokens, List<Mention> mentions, boolean[] taken) {
        for (int i = 0; i < tokens.size(); i++) {
            if (taken[i] || !ORGANIZATION_ENDINGS.contains(tokens.get(i).text())) {
                continue;
            }
            int start = i;
            while (start > 0 && i - start < MAX_NAME_WORDS && isNameWord(tokens.get(start - 1))
                    && (!taken[start - 1] || placeAt(mentions, tokens.get(start - 1)) != null)
                    && adjacent(tokens.get(start - 1), tokens.get(start))) {
                start--;
            }
            int end = i + 1;
            // "Ministry of Commerce"
            if (end + 1 < tokens.size() && tokens.get(end).text().equals("of") && isNameWord(tokens.get(end + 1))
                    && !taken[end + 1]) {
                end += 2;
            }
            if (end - start > 1) {
                for (int k = start; k < end; k++) {
                    mentions.remove(placeAt(mentions, tokens.get(k)));
                }
                String name = surface(tokens, start, end);
                mentions.add(new Mention(name, tokens.get(start).start(), name, EntityKind.ORGANIZATION));
                mark(taken, start, end);
            }
        }
    }

    private static Mention placeAt(List<Mention> mentions, Token token) {
        for (Mention mention : mentions) {
            if (mention.kind() == EntityKind.PLACE && mention.start() <= token.start()
                    && token.start() < mention.start() + mention.surface().length()) {
                return mention;
            }
        }
        return null;
    }

    /** "Xi" alone after "Xi Jinping" (either end of a person's name) is the same person. */
    private void findShortFormsOfPeople(List<Token> tokens, List<Mention> mentions, boolean[] taken) {
        Map<String, String> personByNamePart = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            if (mention.kind() == EntityKind.PERSON) {
                List<Token> words = Token.tokenize(mention.canonical());
                if (words.size() > 1) {
                    personByNamePart.putIfAbsent(words.get(0).text(), mention.canonical());
                    personByNamePart.putIfAbsent(words.get(words.size() - 1).text(), mention.canonical());
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String person = personByNamePart.get(token.text());
            boolean alone = (i + 1 >= tokens.size() || taken[i + 1] || !isNameWord(tokens.get(i + 1))
                    || !adjacent(token, tokens.get(i + 1)));
            if (!taken[i] && person != null && alone) {
                mentions.add(new Mention(token.text(), token.start(), person, EntityKind.PERSON));
                taken[i] = true;
            }
        }
    }

    private void findIdeographic(String text, List<Mention> mentions) {
        for (Gazetteer.Form form : gazetteer.ideographicForms()) {
            for (int at = text.indexOf(form.text()); at >= 0; at = text.indexOf(form.text(), at + form.text().length())) {
                mentions.add(new Mention(form.text(), at, form.canonical(), form.kind()));
            }
        }
    }

    private static List<Entity> merge(List<Mention> mentions) {
        mentions.sort(Comparator.comparingInt(Mention::start));
        Map<String, List<Mention>> byEntity = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            byEntity.computeIfAbsent(mention.kind() + "\u0000" + mention.canonical(), k -> new ArrayList<>()).add(mention);
        }
        List<Entity> entities = new ArrayList<>();
        for (List<Mention> group : byEntity.values()) {
            Mention first = group.get(0);
            Set<String> aliases = new LinkedHashSet<>();
            group.forEach(m -> aliases.add(m.surface()));
            aliases.remove(first.canonical());
            entities.add(Entity.newBuilder()
                    .setName(first.canonical())
                    .setKind(first.kind())
                    .setMentions(group.size())
                    .setFirstOffset(first.start())
                    .setAliases(new ArrayList<>(aliases))
                    .build());
        }
        entities.sort(Comparator.comparingInt(Entity::getMentions).reversed()
                .thenComparingInt(Entity::getFirstOffset));
        return entities;
    }

    private Gazetteer.Form knownAt(List<Token> tokens, int at) {
        for (Gazetteer.Form form : gazetteer.formsStartingWith(tokens.get(at).text())) {
            if (matches(tokens, at, form.words())) {
                return form;
            }
        }
        return null;
    }

    private static int titleAt(List<Token> tokens, int at) {
        for (List<String> title : Titles.BY_FIRST_WORD.getOrDefault(tokens.get(at).text(), List.of())) {
            if (matches(tokens, at, title)) {
                return title.size();
            }
        }
        return 0;
    }

    private static boolean matches(List<Token> tokens, int at, List<String> words) {
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(at + k).text().equals(words.get(k))) {
                return false;
            }
            // a name does not run across a comma or a sentence end
            if (k > 0 && !adjacent(tokens.get(at + k - 1), tokens.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameWord(Token token) {
        return token.capitalized() && !NOT_NAMES.contains(token.text());
    }

    /** Two words separated by nothing but spaces (or a hyphen inside a name). */
    private static boolean adjacent(Token left, Token right) {
        return right.start() - left.end() <= 1;
    }

    private static String surface(List<Token> tokens, int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int k = start; k < end; k++) {
            text.append(k > start ? " " : "").append(tokens.get(k).text());
        }
        return text.toString();
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int k = start; k < end; k++) {
            taken[k] = true;
        }
    }
}
