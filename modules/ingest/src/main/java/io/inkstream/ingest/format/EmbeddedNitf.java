package io.inkstream.ingest.format;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Just enough NITF to read a story that another format wraps in a NITF document (a NewsML-G2
 * inlineXML, a ninjs body with contentType application/nitf+xml): the headline, the byline and
 * the body copy of {@code body.content}. It is not a NITF parser: standalone NITF files are
 * NitfParser's (whose {@link NitfBody} reads body.content in full).
 */
final class EmbeddedNitf {

    private EmbeddedNitf() {
    }

    static boolean isNitf(Element e) {
        return e != null && "nitf".equals(e.getLocalName());
    }

    /** The {@code body.content} element, or null when the document has none. */
    static Element content(Element nitf) {
        return first(nitf, "body.content");
    }

    /** hl1 of body.head, else head/title: the story's headline. */
    static String headline(Element nitf) {
        String hl1 = SecureXml.text(first(nitf, "hl1"));
        return hl1 != null ? hl1 : SecureXml.text(SecureXml.child(SecureXml.child(nitf, "head"), "title"));
    }

    /** The byline of body.head, without the "By" NITF writers often put in it. */
    static String byline(Element nitf) {
        String by = SecureXml.text(first(nitf, "byline"));
        return by == null ? null : by.replaceFirst("(?i)^by\\s*", "").trim();
    }

    static String abstractText(Element nitf) {
        return SecureXml.text(first(nitf, "abstract"));
    }

    private static Element first(Element root, String localName) {
        NodeList found = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < found.getLength(); i++) {
            Node n = found.item(i);
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
