package io.inkstream.enrich.text;

/** A detected language as an ISO 639-1 code ({@code und} when unknown) with a confidence in 0..1. */
public record LanguageGuess(String language, double confidence) {

    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0.0);
}
