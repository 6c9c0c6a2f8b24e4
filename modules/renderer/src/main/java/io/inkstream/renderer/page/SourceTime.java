package io.inkstream.renderer.page;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Times are shown as the source showed them: in its zone (e.g. Asia/Shanghai), as "2015-09-25 08:34". */
public final class SourceTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZonedDateTime time;

    private SourceTime(ZonedDateTime time) {
        this.time = time;
    }

    /** {@code zone} is a zone id or an offset like +08:00; unknown or missing falls back to {@code fallback}. */
    public static SourceTime of(Instant instant, String zone, ZoneId fallback) {
        ZoneId z = fallback;
        if (zone != null && !zone.isBlank()) {
            try {
                z = ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                z = fallback;
            }
        }
        return new SourceTime(instant.atZone(z));
    }

    /** "2015-09-25 08:34" */
    public String shown() {
        return SHOWN.format(time);
    }

    /** "2015-09-25T08:34:00+08:00", for datetime attributes and structured data. */
    public String iso() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0));
    }
}
