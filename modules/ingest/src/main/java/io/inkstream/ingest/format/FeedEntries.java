package io.inkstream.ingest.format;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits a polled RSS 2.0 or Atom feed into one feed document per item or entry, keeping the
 * channel's (feed's) own elements such as title and language, so that each entry is a wire
 * item of its own that {@link RssParser} or {@link AtomParser} reads with the same source
 * agency as the whole feed would give. Each entry carries an id (guid, Atom id, else link)
 * and a hash of the entry alone, so a poller can tell new and changed entries from re-fetched ones.
 */
public final class FeedEntries {

    /** One entry as a standalone feed document. */
    public record Entry(String id, String hash, String format, String mediaType, byte[] document) {
    }

    private FeedEntries() {
    }

    /**
     * @throws RejectedItemException when the bytes are not an RSS 2.0 or Atom feed (the caller keeps them whole)
     */
    public static List<Entry> split(byte[] payload) throws RejectedItemException {
        Element root = SecureXml.parse(payload);
        String name = root.getLocalName();
        if ("rss".equals(name) && SecureXml.child(root, "channel") != null) {
            return split(root, SecureXml.child(root, "channel"), "item", RssParser.FORMAT, "application/rss+xml");
        }
        if ("feed".equals(name)) {
            return split(root, root, "entry", AtomParser.FORMAT, "application/atom+xml");
        }
        if ("entry".equals(name)) {
            return List.of(entry(root, serialize(root), AtomParser.FORMAT, "application/atom+xml"));
        }
        throw new RejectedItemException("unknown-format", "Expected an RSS 2.0 or Atom feed, found <" + name + ">.");
    }

    private static List<Entry> split(Element root, Element container, String entryName, String format, String mediaType) {
        List<Element> entries = SecureXml.children(container, entryName);
        entries.forEach(container::removeChild);
        List<Entry> out = new ArrayList<>();
        for (Element e : entries) {
            // the feed's document with only this entry in it
            container.appendChild(e);
            out.add(entry(e, serialize(root.getOwnerDocument()), format, mediaType));
            container.removeChild(e);
        }
        return out;
    }

    private static Entry entry(Element e, byte[] document, String format, String mediaType) {
        String hash = sha256(serialize(e)); // the entry alone: a changed feed header does not re-send every entry
        String id = SecureXml.text(e, RssParser.FORMAT.equals(format) ? "guid" : "id");
        if (id == null) {
            id = RssParser.FORMAT.equals(format) ? SecureXml.text(e, "link") : SecureXml.attr(SecureXml.child(e, "link"), "href");
        }
        return new Entry(id != null ? id : "sha256:" + hash, hash, format, mediaType, document);
    }

    private static byte[] serialize(Node node) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a parsed feed back as XML", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one RSS item or Atom entry; null when it has no title or no body. */
    @FunctionalInterface
    interface EntryReader {
        ParsedArticle read(Element entry) throws RejectedItemException;
    }

    /**
     * The articles of a feed's items or entries, those without a title or body skipped.
     *
     * @throws RejectedItemException "missing-body" with {@code noneUsable} when no entry gives one
     */
    static List<ParsedArticle> usable(List<Element> entries, EntryReader reader, String noneUsable) throws RejectedItemException {
        List<ParsedArticle> out = new ArrayList<>();
        for (Element entry : entries) {
            ParsedArticle article = reader.read(entry);
            if (article != null) {
                out.add(article);
            }
        }
        if (out.isEmpty()) {
            throw new RejectedItemException("missing-body", noneUsable);
        }
        return out;
    }
}
