package io.inkstream.ingest.format;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses untrusted wire XML with DTDs refused outright and external entities, XInclude and
 * external schemas off, so XXE and entity-expansion ("billion laughs") items are rejected
 * with a reason instead of reaching the file system, the network or the heap. Elements are
 * then found by local name, whatever prefix the sender bound to the namespace.
 */
final class SecureXml {

    /** Deeper than any real wire document (NewsML-G2 with an XHTML body nests some 15 levels). */
    static final int MAX_ELEMENT_DEPTH = 500;

    private SecureXml() {
    }

    static Element parse(byte[] payload) throws RejectedItemException {
        return parse(new InputSource(new ByteArrayInputStream(payload)));
    }

    /** Parses XML already decoded to text (its declared encoding is then ignored), with the same protections. */
    static Element parse(String xml) throws RejectedItemException {
        return parse(new InputSource(new java.io.StringReader(xml)));
    }

    private static Element parse(InputSource source) throws RejectedItemException {
        DocumentBuilder builder = newBuilder();
        try {
            Document doc = builder.parse(source);
            return doc.getDocumentElement();
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("UTF-8 sequence") || msg.contains("Invalid byte")) {
                throw new RejectedItemException("bad-encoding", "The XML bytes do not match its declared encoding: " + msg);
            }
            if (msg.contains("maxElementDepth")) {
                throw new RejectedItemException("unparseable", "The XML nests elements deeper than " + MAX_ELEMENT_DEPTH
                        + " levels; no wire format needs that, and it is refused so that it cannot exhaust the reader.");
            }
            if (msg.contains("DOCTYPE") || msg.contains("ENTITY") || msg.contains("entity")) {
                throw new RejectedItemException("hostile-xml",
                        "XML with a DOCTYPE or entity declaration is refused: DTDs and entities are off to block XXE and entity-expansion attacks.");
            }
            throw new RejectedItemException("unparseable",
                    "Not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + msg);
        } catch (CharConversionException e) {
            throw new RejectedItemException("bad-encoding", "The XML bytes do not match its declared encoding: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new RejectedItemException("unparseable", "Not readable XML: " + e.getMessage());
        }
    }

    /**
     * One configured builder per thread, reset between documents: looking up and configuring a
     * factory per item cost more than parsing a typical wire item.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::configuredBuilder);
    private static final ThreadLocal<javax.xml.transform.Transformer> SERIALIZERS = ThreadLocal.withInitial(SecureXml::serializer);

    private static DocumentBuilder newBuilder() {
        DocumentBuilder b = BUILDERS.get();
        b.reset(); // as new from the factory, whose security features stay; the handlers are set again
        guard(b);
        return b;
    }

    private static DocumentBuilder configuredBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // serializing and walking a body recurse per level: a hostile nesting must not exhaust the stack
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    private static void guard(DocumentBuilder b) {
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        b.setErrorHandler(new ErrorHandler() { // the default handler prints to stderr
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) throws SAXException { throw e; }
            @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        });
    }

    private static javax.xml.transform.Transformer serializer() {
        try {
            var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK has no XML serializer", e);
        }
    }

    /**
     * The local name of the root element, read from the start of the payload past the XML
     * declaration, comments and a DOCTYPE, or null when it does not start like XML. For sniffers:
     * cheap, and never throws.
     */
    static String rootName(byte[] payload) {
        String head = PayloadText.head(payload, 4096);
        int i = 0;
        while (i < head.length()) {
            while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
                i++;
            }
            if (!head.startsWith("<", i)) {
                return null;
            }
            if (head.startsWith("<?", i) || head.startsWith("<!--", i) || head.startsWith("<!", i)) {
                String end = head.startsWith("<?", i) ? "?>" : head.startsWith("<!--", i) ? "-->"
                        : head.indexOf('[', i) >= 0 && head.indexOf('[', i) < head.indexOf('>', i) ? "]>" : ">";
                int close = head.indexOf(end, i);
                if (close < 0) {
                    return null;
                }
                i = close + end.length();
                continue;
            }
            int start = i + 1;
            int stop = start;
            while (stop < head.length() && (Character.isLetterOrDigit(head.charAt(stop)) || "_:.-".indexOf(head.charAt(stop)) >= 0)) {
                stop++;
            }
            String name = head.substring(start, stop);
            return name.isEmpty() ? null : name.substring(name.indexOf(':') + 1);
        }
        return null;
    }

    /** Direct children of {@code parent} with this local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Trimmed text of the first child with this name, or null when absent or blank. */
    static String text(Element parent, String localName) {
        return text(child(parent, localName));
    }

    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().replaceAll("\\s+", " ").trim();
        return t.isEmpty() ? null : t;
    }

    static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        String v = e.getAttribute(name).trim();
        return v.isEmpty() ? null : v;
    }

    /** The serialized children of an element (for XHTML bodies). */
    static String innerXml(Element e) {
        try {
            var transformer = SERIALIZERS.get();
            StringBuilder sb = new StringBuilder();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                var w = new java.io.StringWriter();
                transformer.transform(new javax.xml.transform.dom.DOMSource(n), new javax.xml.transform.stream.StreamResult(w));
                sb.append(w);
            }
            return sb.toString();
        } catch (javax.xml.transform.TransformerException ex) {
            return e.getTextContent();
        }
    }
}
