package io.inkstream.renderer.syndication;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An XML document written through the JDK's {@link XMLStreamWriter} (which escapes text and
 * attribute values), with the characters XML 1.0 cannot hold dropped first: wire text may carry
 * control characters that no escaping makes legal.
 */
final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter w;

    XmlOut() {
        try {
            w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Opens {@code name} declaring {@code ns} as the default namespace from here on down. */
    XmlOut root(String ns, String name) {
        try {
            w.writeStartElement("", name, ns);
            w.writeDefaultNamespace(ns);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Opens {@code name} in {@code ns}, which must be the default namespace in scope (see {@link #root}). */
    XmlOut start(String ns, String name) {
        try {
            w.writeStartElement("", name, ns);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An attribute of the open element; a null value writes nothing. */
    XmlOut attr(String name, String value) {
        if (value == null) {
            return this;
        }
        try {
            w.writeAttribute(name, legal(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code xml:lang}. */
    XmlOut lang(String value) {
        try {
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", legal(value));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut text(String text) {
        if (text == null) {
            return this;
        }
        try {
            w.writeCharacters(legal(text));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut end() {
        try {
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code <name>text</name>}; a null text writes nothing. */
    XmlOut element(String ns, String name, String text) {
        return text == null ? this : start(ns, name).text(text).end();
    }

    /** An element with attributes only (pairs of name, value). */
    XmlOut empty(String ns, String name, String... attributes) {
        start(ns, name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attr(attributes[i], attributes[i + 1]);
        }
        return end();
    }

    /** Closes every open element and returns the document. */
    byte[] finish() {
        try {
            w.writeEndDocument();
            w.flush();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            w.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** The text without the code points XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F). */
    static String legal(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (ok && out != null) {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new java.io.IOException("writing XML failed", e));
    }

    /** Returns the document as text (tests, logs). */
    @Override
    public String toString() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
