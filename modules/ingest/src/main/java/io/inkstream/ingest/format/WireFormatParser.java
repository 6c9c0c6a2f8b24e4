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
}
