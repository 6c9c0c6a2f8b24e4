package io.inkstream.ingest.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wire formats ingest understands and how an item's format is chosen: the format the
 * sender declared wins; otherwise each parser sniffs the item, most specific first, and an
 * item no parser recognises is rejected as unknown-format.
 */
public final class WireFormats {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("text", PageTextParser.FORMAT), Map.entry("txt", PageTextParser.FORMAT), Map.entry("page", PageTextParser.FORMAT),
            Map.entry("newsml", NewsMlG2Parser.FORMAT), Map.entry("g2", NewsMlG2Parser.FORMAT), Map.entry("json", NinjsParser.FORMAT),
            Map.entry("newsml1", NewsMl12Parser.FORMAT), Map.entry("newsml12", NewsMl12Parser.FORMAT),
            Map.entry("newsml-1", NewsMl12Parser.FORMAT),
            Map.entry("nitf3", NitfParser.FORMAT),
            Map.entry("ritzau", RitzauXmlParser.FORMAT),
            Map.entry("anpa", Anpa1312Parser.FORMAT), Map.entry("7901", Iptc7901Parser.FORMAT),
            Map.entry("email", EmailParser.FORMAT), Map.entry("wxr", WxrParser.FORMAT));

    /** Media types that name one format; generic ones (application/xml, octet-stream) are sniffed. */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("text/plain", PageTextParser.FORMAT),
            Map.entry("text/html", HtmlPageParser.FORMAT), Map.entry("application/xhtml+xml", HtmlPageParser.FORMAT),
            Map.entry("application/ninjs+json", NinjsParser.FORMAT), Map.entry("application/json", NinjsParser.FORMAT),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", NewsMlG2Parser.FORMAT),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", NewsMlG2Parser.FORMAT),
            // NITF: the type IPTC's own G2 examples use, and the one registered with IANA
            Map.entry("application/nitf+xml", NitfParser.FORMAT), Map.entry("text/vnd.iptc.nitf", NitfParser.FORMAT),
            Map.entry("text/vnd.iptc.newsml", NewsMl12Parser.FORMAT),
            Map.entry("application/rss+xml", RssParser.FORMAT), Map.entry("application/atom+xml", AtomParser.FORMAT),
            Map.entry("message/rfc822", EmailParser.FORMAT));

    /**
     * Media types that senders use for more specific formats: a 7901 or ANPA frame or an e-mail
     * uploaded as text/plain, a WordPress export as RSS. These formats' sniffers are asked first;
     * when none recognises the item, the media type's own format reads it, as before.
     */
    private static final Map<String, List<String>> REFINED_BY_SNIFFING = Map.of(
            "text/plain", List.of(Iptc7901Parser.FORMAT, Anpa1312Parser.FORMAT, EmailParser.FORMAT),
            "application/rss+xml", List.of(WxrParser.FORMAT));

    private final Map<String, WireFormatParser> parsers = new LinkedHashMap<>();

    public WireFormats(List<WireFormatParser> parsers) {
        parsers.forEach(p -> this.parsers.put(p.format(), p));
    }

    /** All built-in formats; page text is read in the given site zone. */
    public static WireFormats standard(java.time.ZoneId siteZone) {
        // NewsML 1.2 (root NewsML) may embed NITF, so it sniffs first; NITF must come before HTML;
        // control-character frames and e-mail headers before page-text (any text); WXR before RSS (it is RSS)
        return new WireFormats(List.of(new NinjsParser(), new NewsMlG2Parser(),
                new NewsMl12Parser(), new NitfParser(), new RitzauXmlParser(),
                new Iptc7901Parser(), new Anpa1312Parser(), new EmailParser(), new WxrParser(),
                new RssParser(), new AtomParser(),
                new HtmlPageParser(), new PageTextParser(siteZone)));
    }

    public static WireFormats standard() {
        return standard(java.time.ZoneId.of("Asia/Shanghai"));
    }

    public List<String> names() {
        return List.copyOf(parsers.keySet());
    }

    /** The canonical name of a declared format, or null if it is not one ingest reads. */
    public String canonicalName(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.trim().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        return parsers.containsKey(name) ? name : null;
    }

    /** The format a media type names (ignoring parameters), or null when it names none. */
    public String formatForMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (REFINED_BY_SNIFFING.containsKey(base)) {
            return null; // decided by sniffing, see choose
        }
        String name = MEDIA_TYPES.get(base);
        return name != null && parsers.containsKey(name) ? name : null;
    }

    /**
     * Chooses the parser for an item.
     *
     * @param declared the format the sender named (WireItem.format), or null to sniff
     * @throws RejectedItemException unknown-format when the declared name is unknown or nothing recognises the item
     */
    public WireFormatParser choose(String declared, byte[] payload, String contentType, String filename) throws RejectedItemException {
        if (declared != null && !declared.isBlank()) {
            String name = canonicalName(declared);
            if (name == null) {
                throw new RejectedItemException("unknown-format", "Unknown format '" + declared + "'; ingest reads " + String.join(", ", names()) + ".");
            }
            return parsers.get(name);
        }
        String base = contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (base != null && REFINED_BY_SNIFFING.containsKey(base)) {
            for (String refined : REFINED_BY_SNIFFING.get(base)) {
                WireFormatParser p = parsers.get(refined);
                if (p != null && safeSniff(p, payload, contentType, filename)) {
                    return p;
                }
            }
            WireFormatParser declaredByType = parsers.get(MEDIA_TYPES.get(base));
            if (declaredByType != null) {
                return declaredByType;
            }
        }
        for (WireFormatParser p : parsers.values()) {
            if (safeSniff(p, payload, contentType, filename)) {
                return p;
            }
        }
        throw new RejectedItemException("unknown-format", "Could not tell the item's format; declare it (Content-Type or ?format=), one of "
                + String.join(", ", names()) + ".");
    }

    /** The format name an item would be parsed as, or null when none recognises it. */
    public String sniff(byte[] payload, String contentType, String filename) {
        try {
            return choose(null, payload, contentType, filename).format();
        } catch (RejectedItemException e) {
            return null;
        }
    }

    /** Chooses the parser and parses. */
    public Parsed parse(String declared, byte[] payload, String contentType, String filename) throws RejectedItemException {
        WireFormatParser parser = choose(declared, payload, contentType, filename);
        try {
            return new Parsed(parser.format(), parser.parseEntries(payload, contentType));
        } catch (RuntimeException | StackOverflowError e) {
            // hostile input must end as a rejection with a reason, never as a crashed stream thread
            throw new RejectedItemException("unparseable", "The " + parser.format() + " parser could not read the item: " + e, e);
        }
    }

    /** The entries an item holds (each a story or a refusal) and the format they were read as. */
    public record Parsed(String format, List<ParsedEntry> entries) {

        public Parsed {
            entries = List.copyOf(entries);
        }

        /** The stories read, leaving out refused entries. */
        public List<ParsedArticle> articles() {
            return entries.stream().filter(e -> !e.isRefused()).map(ParsedEntry::article).toList();
        }
    }

    private static boolean safeSniff(WireFormatParser p, byte[] payload, String contentType, String filename) {
        try {
            return p.sniff(payload, contentType, filename);
        } catch (RuntimeException e) {
            return false; // a sniffer is a guess; a crashing guess is a no
        }
    }
}
