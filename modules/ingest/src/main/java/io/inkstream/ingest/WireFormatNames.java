package io.inkstream.ingest;

import io.inkstream.ingest.format.Anpa1312Parser;
import io.inkstream.ingest.format.AtomParser;
import io.inkstream.ingest.format.EmailParser;
import io.inkstream.ingest.format.HtmlPageParser;
import io.inkstream.ingest.format.Iptc7901Parser;
import io.inkstream.ingest.format.NewsMl12Parser;
import io.inkstream.ingest.format.NewsMlG2Parser;
import io.inkstream.ingest.format.NinjsParser;
import io.inkstream.ingest.format.NitfParser;
import io.inkstream.ingest.format.PageTextParser;
import io.inkstream.ingest.format.RitzauXmlParser;
import io.inkstream.ingest.format.RssParser;
import io.inkstream.ingest.format.WxrParser;

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
    public static final String NITF = NitfParser.FORMAT;
    public static final String NEWSML_1_2 = NewsMl12Parser.FORMAT;
    public static final String RITZAU_XML = RitzauXmlParser.FORMAT;
    public static final String IPTC_7901 = Iptc7901Parser.FORMAT;
    public static final String ANPA_1312 = Anpa1312Parser.FORMAT;
    public static final String EMAIL = EmailParser.FORMAT;
    public static final String WORDPRESS_WXR = WxrParser.FORMAT;

    private WireFormatNames() {
    }
}
