package io.inkstream.ingest.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A timestamp as a wire format wrote it: the instant plus the offset the source used, so
 * the local time can be shown as the source did. Reads ISO 8601 (ninjs, NewsML-G2, Atom,
 * JSON-LD, meta tags) and RFC 822/1123 (RSS); a time without offset is taken as UTC.
 */
record WireTime(Instant instant, String offset) {

    private static final List<DateTimeFormatter> RFC_822 = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("[EEE, ][EEE,][EEE ]d MMM yyyy HH:mm[:ss] ")
                    .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                    .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                    .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
                    .toFormatter(Locale.ENGLISH));

    /** @return null when the value is null or blank */
    static WireTime parse(String value, String what) throws RejectedItemException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            OffsetDateTime odt = OffsetDateTime.parse(v);
            return new WireTime(odt.toInstant(), odt.getOffset().getId());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the other spellings
        }
        try {
            return new WireTime(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException ignored) {
            // not ISO local
        }
        try {
            return new WireTime(LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException ignored) {
            // not an ISO date
        }
        for (DateTimeFormatter f : RFC_822) {
            try {
                ZonedDateTime zdt = ZonedDateTime.parse(v, f);
                return new WireTime(zdt.toInstant(), zdt.getOffset().getId());
            } catch (DateTimeParseException ignored) {
                // next spelling
            }
        }
        throw new RejectedItemException("unparseable", "The " + what + " '" + abbreviate(v)
                + "' is neither an ISO 8601 nor an RFC 822 date-time.");
    }

    static Instant instantOrNull(WireTime t) {
        return t == null ? null : t.instant();
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
