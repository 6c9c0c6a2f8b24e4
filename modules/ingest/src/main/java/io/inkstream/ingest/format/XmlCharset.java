package io.inkstream.ingest.format;

import org.w3c.dom.Element;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads agency XML whose declared encoding may not be the encoding of its bytes, as wire
 * systems really send it: an AFP file that declares ISO-8859-1 (or another single-byte charset)
 * over UTF-8 bytes, a PA file that declares ISO-8859-1 and uses Windows-1252 quotes, a file that
 * declares (or defaults to) UTF-8 over Latin-1 bytes. The bytes decide, the mismatch is reported as a warning, and the
 * text is then parsed by {@link SecureXml} with the same protections as any XML.
 */
final class XmlCharset {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    /** Single-byte Western charsets that Windows-1252 reads the same, plus its C1 quotes and dashes. */
    private static final Set<String> LATIN = Set.of("ISO-8859-1", "US-ASCII", "windows-1252");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int MAX_ELEMENT_DEPTH = 256;

    /** The root element, and the warning when the bytes were not in the declared encoding (else null). */
    record Read(Element root, String warning) {

        /** A new article, carrying the encoding warning when there is one. */
        ParsedArticle.Builder article() {
            ParsedArticle.Builder a = ParsedArticle.builder();
            return warning == null ? a : a.warning(warning);
        }
    }

    private XmlCharset() {
    }

    /**
     * @param contentType the declared media type; its charset, when given, wins over the XML declaration (RFC 7303)
     * @param format      the format the item was taken for, named in a refusal (e.g. "NITF")
     * @param roots       the root elements the format has (local names)
     * @throws RejectedItemException when the text is not well-formed XML, has a DOCTYPE (hostile-xml) or another root
     */
    static Read parse(byte[] payload, String contentType, String format, String... roots) throws RejectedItemException {
        Read read;
        try {
            read = parse(payload, contentType);
            refuseDeepNesting(read.root());
        } catch (RejectedItemException e) {
            String hint = "hostile-xml".equals(e.code())
                    ? " Send the document without its <!DOCTYPE> line: ingest does not validate against a DTD." : "";
            throw new RejectedItemException(e.code(), "Read as " + format + ": " + e.reason() + hint, e);
        }
        String root = read.root().getLocalName();
        if (!java.util.Arrays.asList(roots).contains(root)) {
            throw new RejectedItemException("unparseable", "Expected a " + format + " document (<" + String.join("> or <", roots)
                    + ">), found <" + root + ">.");
        }
        return read;
    }

    private static Read parse(byte[] payload, String contentType) throws RejectedItemException {
        if (hasUtf16Bom(payload)) {
            return new Read(SecureXml.parse(payload), null);
        }
        String declaredName = declared(payload, contentType);
        Charset declared = charset(declaredName);
        String utf8 = strict(payload, StandardCharsets.UTF_8);
        String said = declaredName == null ? "no encoding (so UTF-8)" : "encoding " + declaredName;
        if (declared == null && declaredName != null) {
            String text = utf8 != null ? utf8 : decode(payload, WINDOWS_1252);
            return new Read(SecureXml.parse(text), "The XML declares the unknown encoding '" + declaredName + "'; read as "
                    + (utf8 != null ? "UTF-8" : "Windows-1252") + ".");
        }
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            if (utf8 != null) {
                return new Read(SecureXml.parse(utf8), null);
            }
            return new Read(SecureXml.parse(decode(payload, WINDOWS_1252)),
                    "The XML declares " + said + " but its bytes are not UTF-8; read as Windows-1252 (Latin-1).");
        }
        if (utf8 != null && !isAscii(payload) && isSingleByte(declared)) {
            // valid multi-byte UTF-8 sequences almost never occur in single-byte text: these bytes are UTF-8
            return new Read(SecureXml.parse(utf8), "The XML declares " + said + " but its bytes are UTF-8; read as UTF-8.");
        }
        if (LATIN.contains(declared.name())) {
            // ISO-8859-1 as senders mean it: Windows-1252 gives its C1 bytes the quotes and dashes they stand for
            return new Read(SecureXml.parse(decode(payload, WINDOWS_1252)), null);
        }
        String text = strict(payload, declared);
        if (text != null) {
            return new Read(SecureXml.parse(text), null);
        }
        return new Read(SecureXml.parse(utf8 != null ? utf8 : decode(payload, WINDOWS_1252)), "The XML declares " + said
                + " but its bytes are not valid in it; read as " + (utf8 != null ? "UTF-8" : "Windows-1252") + ".");
    }

    /**
     * Real wire documents nest a few dozen elements deep; thousands is an attack on the recursive
     * DOM text and serialisation methods, refused before any of them runs.
     */
    private static void refuseDeepNesting(Element root) throws RejectedItemException {
        int depth = 0;
        org.w3c.dom.Node n = root;
        while (n != null) {
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                if (++depth > MAX_ELEMENT_DEPTH) {
                    throw new RejectedItemException("unparseable", "The XML nests elements deeper than " + MAX_ELEMENT_DEPTH + " levels.");
                }
                continue;
            }
            while (n != null && n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
                depth--;
            }
            n = n == null || n == root ? null : n.getNextSibling();
        }
    }

    private static String declared(byte[] payload, String contentType) {
        if (contentType != null) {
            Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
            if (m.find()) {
                return m.group(1);
            }
        }
        // the declaration is ASCII by definition; skip a UTF-8 BOM
        int start = payload.length >= 3 && (payload[0] & 0xff) == 0xEF && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF ? 3 : 0;
        String head = new String(payload, start, Math.max(0, Math.min(200, payload.length - start)), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.toLowerCase(Locale.ROOT).equals("latin1") ? "ISO-8859-1" : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text, or null when the bytes are not valid in this charset. */
    private static String strict(byte[] payload, Charset charset) {
        int start = charset.equals(StandardCharsets.UTF_8) && payload.length >= 3 && (payload[0] & 0xff) == 0xEF
                && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, start, payload.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decode(byte[] payload, Charset charset) {
        return new String(payload, charset);
    }

    private static boolean isSingleByte(Charset charset) {
        try {
            return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isAscii(byte[] payload) {
        for (byte b : payload) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf16Bom(byte[] payload) {
        return payload.length >= 2 && ((payload[0] & 0xff) == 0xFE && (payload[1] & 0xff) == 0xFF
                || (payload[0] & 0xff) == 0xFF && (payload[1] & 0xff) == 0xFE);
    }
}
