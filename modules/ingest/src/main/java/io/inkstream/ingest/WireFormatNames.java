package io.inkstream.ingest;

import io.inkstream.ingest.format.AtomParser;
import io.inkstream.ingest.format.HtmlPageParser;
import io.inkstream.ingest.format.NewsMlG2Parser;
import io.inkstream.ingest.format.NinjsParser;
import io.inkstream.ingest.format.PageTextParser;
import io.inkstream.ingest.format.RssParser;

/**
 * The names of the wire formats ingest reads, as {@code WireItem.format} and {@code ?format=} carry them:
 * the part of the parsers that tools outside ingest (bench, senders) may rely on.
 */
public final class WireFormatNames {

    public static final String PAGE_TEXT = PageTextParser.FORMAT;
    public static final String HTML = HtmlPageParser.FORMAT;
    public static final String NINJS = NinjsParser.FORMAT;
    public static final String NEWSML_G2 = NewsMlG2Parser.FORMAT;
    public static final String RSS = RssParser.FORMAT;
    public static final String ATOM = AtomParser.FORMAT;

    private WireFormatNames() {
    }
}
