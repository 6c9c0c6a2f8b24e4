package io.inkstream.ingest.format;

import java.util.function.Predicate;

/**
 * What every wire format parser shares: its format name. {@link ByTypeOrHead} adds the sniff most formats use,
 * "the sender declared one of these media types, or else the head of the payload says so".
 */
abstract class FormatParser implements WireFormatParser {

    private final String format;

    FormatParser(String format) {
        this.format = format;
    }

    @Override
    public String format() {
        return format;
    }

    /** A parser that knows its items by their declared media type, or else by the first 4 KB of their text. */
    abstract static class ByTypeOrHead extends FormatParser {

        private final Predicate<String> headLooksLikeIt;
        private final String[] mediaTypes;

        ByTypeOrHead(String format, Predicate<String> headLooksLikeIt, String... mediaTypes) {
            super(format);
            this.headLooksLikeIt = headLooksLikeIt;
            this.mediaTypes = mediaTypes.clone();
        }

        @Override
        public boolean sniff(byte[] payload, String contentType, String filename) {
            return PayloadText.declaredOrLooksLike(contentType, payload, headLooksLikeIt, mediaTypes);
        }
    }
}
