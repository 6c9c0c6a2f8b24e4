package io.inkstream.ingest.format;

import java.util.List;

/** Turns the raw bytes of one wire format into the stories they carry. */
public interface WireFormatParser {

    /** The format name as declared on a WireItem, e.g. page-text, ninjs, newsml-g2. */
    String format();

    /**
     * True when the item looks like this format. Only called when the sender declared no
     * format; must be cheap and must not throw on any input.
     *
     * @param contentType the declared media type, or null
     * @param filename    the file name, or null
     */
    boolean sniff(byte[] payload, String contentType, String filename);

    /**
     * Parses one item into one or more articles (a feed carries several).
     *
     * @param contentType the declared media type (may name a charset), or null
     * @throws RejectedItemException when the item is not a usable story, with the reason
     */
    List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException;

    /**
     * Parses an item into its entries, each a story or a refusal of its own. Formats that carry
     * several items (newsMessage, ninjs wrappers, WXR exports, feeds) override this so that one
     * bad item is refused alone; the default is {@link #parse}'s stories, or its refusal of the whole.
     *
     * @throws RejectedItemException when the file as a whole cannot be read (not XML, a DTD, no items)
     */
    default List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException {
        return parse(payload, contentType).stream().map(a -> ParsedEntry.of(a.sourceId(), a)).toList();
    }

    /**
     * A format whose files carry several items (newsMessage, ninjs wrappers, NewsML 1.2, WXR
     * exports): it reads entries, and its stories are those entries' stories ({@link ParsedEntry#articles}).
     */
    interface OfEntries extends WireFormatParser {

        @Override
        default List<ParsedArticle> parse(byte[] payload, String contentType) throws RejectedItemException {
            return ParsedEntry.articles(parseEntries(payload, contentType));
        }

        @Override
        List<ParsedEntry> parseEntries(byte[] payload, String contentType) throws RejectedItemException;
    }
}
