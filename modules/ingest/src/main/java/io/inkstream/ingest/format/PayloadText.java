package io.inkstream.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a text payload strictly: the charset the sender declared (else UTF-8, with or
 * without BOM), rejecting bytes that are not valid in it and binary data, so that garbage
 * never turns into an article full of replacement characters.
 */
final class PayloadText {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private PayloadText() {
    }

    static String decode(byte[] payload, String contentType) throws RejectedItemException {
        Charset charset = declaredCharset(contentType);
        int start = 0;
        if (payload.length >= 3 && (payload[0] & 0xff) == 0xEF && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF) {
            start = 3;
            charset = StandardCharsets.UTF_8;
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, start, payload.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedItemException("bad-encoding",
                    "The item is not valid " + charset.name() + " text; declare its charset (e.g. Content-Type: text/plain; charset=ISO-8859-1) or send UTF-8.");
        }
        if (looksBinary(text)) {
            throw new RejectedItemException("unparseable", "The item contains binary data (control characters), not text.");
        }
        return text;
    }

    /** Cheap check for sniffers: does the start of the payload, as text, begin with this prefix? */
    static String head(byte[] payload, int max) {
        int start = payload.length >= 3 && (payload[0] & 0xff) == 0xEF && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF ? 3 : 0;
        int len = Math.min(max, payload.length - start);
        return new String(payload, start, Math.max(0, len), StandardCharsets.UTF_8).stripLeading();
    }

    /**
     * The sniff of a format with its own media types: true when the item declares one of them, or
     * else when the first 4 KiB of the payload, as text ({@link #head}), satisfy {@code looksLikeIt}.
     */
    static boolean declaredOrLooksLike(String contentType, byte[] payload, Predicate<String> looksLikeIt, String... mediaTypes) {
        return mediaTypeIs(contentType, mediaTypes) || looksLikeIt.test(head(payload, 4096));
    }

    static boolean mediaTypeIs(String contentType, String... types) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String t : types) {
            if (base.equals(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean filenameEndsWith(String filename, String... suffixes) {
        if (filename == null) {
            return false;
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        for (String s : suffixes) {
            if (lower.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static Charset declaredCharset(String contentType) throws RejectedItemException {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new RejectedItemException("bad-encoding", "Unknown charset '" + m.group(1) + "' in Content-Type.");
        }
    }

    private static boolean looksBinary(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return true;
            }
        }
        return false;
    }
}
