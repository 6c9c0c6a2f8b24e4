package io.inkstream.ingest;

import io.inkstream.platform.config.Setting;
import io.inkstream.platform.config.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest service's settings, declared once.
 *
 * @param maxItemBytes     largest wire item accepted
 * @param apiKey           required in X-Api-Key when set; null: only local callers may push
 * @param siteZone         zone of page-text items, whose times carry no offset
 * @param sectionMap       a site's own section-map lines on top of the built-in map, or null
 * @param defaultSection   section of items the map does not place
 * @param dropFolder       folder whose inbox/ is scanned, or null for none
 * @param dropScanInterval how often the drop folder is scanned
 * @param pollFeeds        RSS/Atom feeds to poll, possibly none
 * @param pollInterval     how often each feed is fetched
 * @param applicationId    the Streams application id, {@link IngestService#APPLICATION_ID} unless kept from before
 */
public record IngestConfig(long maxItemBytes, String apiKey, ZoneId siteZone, Path sectionMap, String defaultSection,
                           Path dropFolder, Duration dropScanInterval,
                           List<URI> pollFeeds, Duration pollInterval, String applicationId) {

    public static final Setting<Long> MAX_ITEM_BYTES = Setting.bytes("inkstream.ingest.max-item-bytes", 10L * 1024 * 1024,
            "Largest wire item accepted, in bytes; larger items are answered 413 and kept truncated on wire.received.")
            .formerly("ingest.max.item.bytes");
    public static final Setting<String> API_KEY = Setting.string("inkstream.ingest.api-key", null,
            "When set, POST /v1/items requires this value in the X-Api-Key header; unset, only callers on this machine may push items.")
            .formerly("ingest.api.key");
    public static final Setting<ZoneId> SITE_ZONE = new Setting<>("inkstream.ingest.site-zone", "zone", "Asia/Shanghai",
            "Time zone of page-text items, whose times carry no offset (the ECNS site prints Beijing time).",
            IngestConfig::zone).formerly("ingest.site.zone");

    public static final Setting<String> DROP_FOLDER = Setting.string("inkstream.ingest.drop-folder", null,
            "When set, a folder whose inbox/ is scanned for wire item files (moved to done/ or failed/ with a .error file).")
            .formerly("ingest.drop.folder");
    public static final Setting<Duration> DROP_SCAN_INTERVAL = Setting.duration("inkstream.ingest.drop-scan-interval", "2s",
            "How often the drop folder's inbox is scanned.").formerly("ingest.drop.scan.interval");

    public static final Setting<String> SECTION_MAP = Setting.string("inkstream.ingest.section-map", null,
            "A file of 'scheme:code = Section' lines mapping agency classifications (subj:15000000, medtop:11000000, anpa:s, iptc7901:sp) to site sections, on top of the built-in map (see modules/ingest/README.md).");
    public static final Setting<String> DEFAULT_SECTION = Setting.string("inkstream.ingest.default-section", "General",
            "Section of items whose classification the section map does not place (counted in unmapped-sections-total).");

    public static final Setting<List<URI>> POLL_FEEDS = new Setting<>("inkstream.ingest.poll-feeds", "list of URLs", null,
            "Comma-separated http(s) URLs of RSS 2.0 or Atom feeds to poll; each new or changed entry becomes an item.",
            IngestConfig::feedUrls).formerly("ingest.poll.feeds");
    public static final Setting<Duration> POLL_INTERVAL = Setting.duration("inkstream.ingest.poll-interval", "5m",
            "How often each feed in inkstream.ingest.poll-feeds is fetched (a conditional GET: an unchanged feed costs a 304).")
            .formerly("ingest.poll.interval");
    public static final Setting<String> APPLICATION_ID = Setting.string("inkstream.ingest.application-id",
            IngestService.APPLICATION_ID,
            "Kafka Streams application id (behind the topic prefix). Only to keep state from before the ids were "
                    + "renamed: set ingest (see README, Upgrading).");

    public static final List<Setting<?>> ALL = List.of(MAX_ITEM_BYTES, API_KEY, SITE_ZONE, SECTION_MAP, DEFAULT_SECTION,
            DROP_FOLDER, DROP_SCAN_INTERVAL, POLL_FEEDS, POLL_INTERVAL, APPLICATION_ID);

    public IngestConfig {
        pollFeeds = pollFeeds == null ? List.of() : List.copyOf(pollFeeds);
    }

    public static IngestConfig from(Settings settings) {
        settings.validate(ALL);
        String dropFolder = settings.get(DROP_FOLDER);
        String sectionMap = settings.get(SECTION_MAP);
        return new IngestConfig(settings.require(MAX_ITEM_BYTES), settings.get(API_KEY), settings.require(SITE_ZONE),
                sectionMap == null ? null : Path.of(sectionMap), settings.require(DEFAULT_SECTION),
                dropFolder == null ? null : Path.of(dropFolder), settings.require(DROP_SCAN_INTERVAL),
                settings.get(POLL_FEEDS), settings.require(POLL_INTERVAL), settings.require(APPLICATION_ID));
    }

    public static IngestConfig defaults() {
        return from(Settings.ofOverrides(Map.of()));
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone such as Asia/Shanghai or +08:00");
        }
    }

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
