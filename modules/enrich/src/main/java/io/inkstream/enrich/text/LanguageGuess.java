package io.inkstream.enrich.text;

/**
 * A language as an ISO 639-1 code, or the BCP 47 tag the source declared ({@code en-US}); {@code und}
 * when unknown; with a confidence in 0..1 (1 when declared).
 */
public record LanguageGuess(String language, double confidence) {

    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0.0);

    /**
     * The language the source declared (xml:lang, ninjs language, Content-Language) as a BCP 47
     * tag such as {@code en-US}, with confidence 1; null when it declared none or nothing valid.
     */
    public static LanguageGuess declared(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String normalized = java.util.Locale.forLanguageTag(tag.strip().replace('_', '-')).toLanguageTag();
        return normalized.equals("und") ? null : new LanguageGuess(normalized, 1.0);
    }
}
