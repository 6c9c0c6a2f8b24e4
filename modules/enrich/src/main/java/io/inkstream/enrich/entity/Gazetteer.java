package io.inkstream.enrich.entity;

import io.inkstream.events.EntityKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known people, organizations and places, read from the resource files people.txt,
 * organizations.txt and places.txt next to this class (one entity a line: canonical form, then
 * other forms, separated by |). Forms are matched case-sensitively, word by word.
 */
public final class Gazetteer {

    /** One form of a known entity, as words. */
    record Form(List<String> words, String text, String canonical, EntityKind kind) {
    }

    private final Map<String, List<Form>> formsByFirstWord = new HashMap<>();
    private final List<Form> ideographicForms = new ArrayList<>();

    private Gazetteer() {
    }

    /** The gazetteer shipped with the service. */
    public static Gazetteer builtIn() {
        Gazetteer gazetteer = new Gazetteer();
        gazetteer.load("people.txt", EntityKind.PERSON);
        gazetteer.load("organizations.txt", EntityKind.ORGANIZATION);
        gazetteer.load("places.txt", EntityKind.PLACE);
        gazetteer.formsByFirstWord.values()
                .forEach(forms -> forms.sort(Comparator.comparingInt((Form f) -> f.words().size()).reversed()));
        return gazetteer;
    }

    /** Forms starting with this word, longest first. */
    List<Form> formsStartingWith(String word) {
        return formsByFirstWord.getOrDefault(word, List.of());
    }

    /** Forms written in Chinese characters, found by substring since such text has no spaces. */
    List<Form> ideographicForms() {
        return ideographicForms;
    }

    private void load(String resource, EntityKind kind) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] forms = line.split("\\|");
                String canonical = forms[0].strip();
                for (String form : forms) {
                    add(form.strip(), canonical, kind);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + resource, e);
        }
    }

    private void add(String text, String canonical, EntityKind kind) {
        if (text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            ideographicForms.add(new Form(List.of(), text, canonical, kind));
            return;
        }
        List<String> words = Token.tokenize(text).stream().map(Token::text).toList();
        if (!words.isEmpty()) {
            formsByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                    .add(new Form(words, text, canonical, kind));
        }
    }
}
