package io.inkstream.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a control-character framed wire message (IPTC 7901, ANPA 1312). These formats
 * are framed by SOH/STX/ETX/EOT and padded with SYN and DEL, so the control characters that
 * {@link PayloadText} refuses as binary data are their structure here. Their bytes are 8-bit
 * with no charset inside: a charset declared on the upload wins, else UTF-8 when the bytes are
 * valid UTF-8, else ISO-8859-1 (what the agencies' 8-bit lines carry, e.g. DPA's "Müller").
 * E-mail parts that name no charset are decoded by the same rule.
 */
final class FramedText {

    static final char SOH = '\u0001';
    static final char STX = '\u0002';
    static final char ETX = '\u0003';
    static final char EOT = '\u0004';

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private FramedText() {
    }

    /** Decodes the message; an unknown or wrong declared charset is a warning, never a refusal. */
    static String decode(byte[] payload, String contentType, ParsedArticle.Builder warnings) {
        Charset declared = null;
        Matcher m = contentType == null ? null : CHARSET.matcher(contentType);
        if (m != null && m.find()) {
            try {
                declared = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                warnings.warning("Unknown charset '" + m.group(1) + "' declared; read as UTF-8 or ISO-8859-1.");
            }
        }
        if (declared != null) {
            String text = strict(payload, declared);
            if (text != null) {
                return text;
            }
            warnings.warning("The bytes are not valid " + declared.name() + " as declared; read as ISO-8859-1.");
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
        String utf8 = strict(payload, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(payload, StandardCharsets.ISO_8859_1);
    }

    private static String strict(byte[] payload, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The first bytes after leading blanks, as ISO-8859-1 (every byte a char), for sniffers. */
    static String head(byte[] payload, int max) {
        int start = 0;
        while (start < payload.length && (payload[start] == ' ' || payload[start] == '\r' || payload[start] == '\n')) {
            start++;
        }
        return new String(payload, start, Math.min(max, payload.length - start), StandardCharsets.ISO_8859_1);
    }

    /** The first line (without CR), for sniffers. */
    static String firstLine(byte[] payload) {
        String head = head(payload, 512);
        int eol = head.indexOf('\n');
        return (eol < 0 ? head : head.substring(0, eol)).replace("\r", "");
    }

    /** A line without the frame's padding and other control characters (tabs kept). */
    static String clean(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
