package io.inkstream.enrich.stream;

import io.inkstream.enrich.entity.Gazetteer;
import io.inkstream.enrich.text.LanguageDetector;

/**
 * The language profiles and the gazetteer are read-only and take a second to load, so every
 * stream task shares one copy of each, loaded on first use.
 */
final class EnrichResources {

    private EnrichResources() {
    }

    private static final class Languages {
        static final LanguageDetector DETECTOR = new LanguageDetector();
    }

    private static final class Names {
        static final Gazetteer GAZETTEER = Gazetteer.builtIn();
    }

    static LanguageDetector languageDetector() {
        return Languages.DETECTOR;
    }

    static Gazetteer gazetteer() {
        return Names.GAZETTEER;
    }
}
