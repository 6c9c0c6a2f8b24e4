package io.inkstream.enrich.text;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Detects the language of article text with optimaize language-detector's n-gram profiles
 * (70 languages, en and zh among them); zh-CN and zh-TW both report as {@code zh}.
 * Texts too short to judge, or with no clear winner, report {@code und}.
 */
public final class LanguageDetector {

    /** Fewer letters than this are not worth guessing from. */
    private static final int MIN_LETTERS = 12;
    /** Below this many letters a guess must be confident to count: filler text fools n-grams. */
    private static final int SHORT_TEXT_LETTERS = 200;
    private static final double SHORT_TEXT_MIN_CONFIDENCE = 0.9;

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageDetector() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the built-in language profiles", e);
        }
    }

    public LanguageGuess detect(String text) {
        long letters = text == null ? 0 : text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS) {
            return LanguageGuess.UNDETERMINED;
        }
        List<DetectedLanguage> probabilities = detector.getProbabilities(textFactory.forText(text));
        if (probabilities.isEmpty()) {
            return LanguageGuess.UNDETERMINED;
        }
        DetectedLanguage best = probabilities.get(0);
        if (letters < SHORT_TEXT_LETTERS && best.getProbability() < SHORT_TEXT_MIN_CONFIDENCE) {
            return LanguageGuess.UNDETERMINED;
        }
        return new LanguageGuess(best.getLocale().getLanguage(), best.getProbability());
    }
}
