package io.inkstream.ingest;

import io.inkstream.platform.config.Setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The ingest service's settings, declared once. */
public final class IngestConfig {

    private IngestConfig() {
    }

    public static final Setting<Long> MAX_ITEM_BYTES = Setting.bytes("ingest.max.item.bytes", 10L * 1024 * 1024,
            "Largest wire item accepted, in bytes; larger items are answered 413 and kept truncated on wire.received.");
    public static final Setting<String> API_KEY = Setting.string("ingest.api.key", null,
            "When set, POST /v1/items requires this value in the X-Api-Key header; unset, only callers on this machine may push items.");
    public static final Setting<String> SITE_ZONE = Setting.string("ingest.site.zone", "Asia/Shanghai",
            "Time zone of page-text items, whose times carry no offset (the ECNS site prints Beijing time).");

    public static final Setting<String> SECTION_MAP = Setting.string("inkstream.ingest.section-map", null,
            "A file of 'scheme:code = Section' lines mapping agency classifications (subj:15000000, medtop:11000000, anpa:s, iptc7901:sp) to site sections, on top of the built-in map (see modules/ingest/README.md).");
    public static final Setting<String> DEFAULT_SECTION = Setting.string("inkstream.ingest.default-section", "News",
            "Section of items whose classification the section map does not place (counted in unmapped-sections-total).");

    public static final Setting<String> DROP_FOLDER = Setting.string("ingest.drop.folder", null,
            "When set, a folder whose inbox/ is scanned for wire item files (moved to done/ or failed/ with a .error file).");
    public static final Setting<java.time.Duration> DROP_SCAN_INTERVAL = Setting.duration("ingest.drop.scan.interval", "2s",
            "How often the drop folder's inbox is scanned.");

    public static final Setting<List<URI>> POLL_FEEDS = new Setting<>("ingest.poll.feeds", "list of URLs", null,
            "Comma-separated http(s) URLs of RSS 2.0 or Atom feeds to poll; each new or changed entry becomes an item.",
            IngestConfig::feedUrls);
    public static final Setting<java.time.Duration> POLL_INTERVAL = Setting.duration("ingest.poll.interval", "5m",
            "How often each feed in ingest.poll.feeds is fetched (a conditional GET: an unchanged feed costs a 304).");

    public static final List<Setting<?>> ALL = List.of(MAX_ITEM_BYTES, API_KEY, SITE_ZONE, SECTION_MAP, DEFAULT_SECTION, DROP_FOLDER, DROP_SCAN_INTERVAL,
            POLL_FEEDS, POLL_INTERVAL);

    private static List<URI> feedUrls(String text) {
        List<URI> urls = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            URI url;
            try {
                url = new URI(part.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a URL");
            }
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not an http(s) URL");
            }
            urls.add(url);
        }
        return List.copyOf(urls);
    }
}
