package io.inkstream.ingest;

import io.inkstream.platform.config.Setting;

import java.util.List;

/** The ingest service's settings, declared once. */
public final class IngestConfig {

    private IngestConfig() {
    }

    public static final Setting<Long> MAX_ITEM_BYTES = Setting.bytes("ingest.max.item.bytes", 10L * 1024 * 1024,
            "Largest wire item accepted, in bytes; larger items are answered 413 and kept truncated on wire.received.");
    public static final Setting<String> API_KEY = Setting.string("ingest.api.key", null,
            "When set, POST /v1/items requires this value in the X-Api-Key header.");
    public static final Setting<String> SITE_ZONE = Setting.string("ingest.site.zone", "Asia/Shanghai",
            "Time zone of page-text items, whose times carry no offset (the ECNS site prints Beijing time).");

    public static final Setting<String> DROP_FOLDER = Setting.string("ingest.drop.folder", null,
            "When set, a folder whose inbox/ is scanned for wire item files (moved to done/ or failed/ with a .error file).");
    public static final Setting<java.time.Duration> DROP_SCAN_INTERVAL = Setting.duration("ingest.drop.scan.interval", "2s",
            "How often the drop folder's inbox is scanned.");

    public static final List<Setting<?>> ALL = List.of(MAX_ITEM_BYTES, API_KEY, SITE_ZONE, DROP_FOLDER, DROP_SCAN_INTERVAL);
}
