package io.inkstream.ingest.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** ISO 8601 as agencies also write it: a space for the T, an offset without colon (+0100) or hours only (+01). */
    private static final Pattern ISO_VARIANT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** @return null when the value is null or blank */
    static WireTime parse(String value, String what) throws RejectedItemException {
        return parse(value, what, null);
    }

    /**
     * As {@link #parse(String, String)}, but a time written without offset is local time in
     * {@code localZone} (an agency known to send its own wall-clock time), when given.
     */
    static WireTime parse(String value, String what, ZoneId localZone) throws RejectedItemException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = isoSpelling(value.trim());
        if (localZone != null && v.matches("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+")) {
            try {
                ZonedDateTime local = LocalDateTime.parse(v).atZone(localZone);
                return new WireTime(local.toInstant(), local.getOffset().getId());
            } catch (DateTimeParseException ignored) {
                // fall through to the usual spellings and their error
            }
        }
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

    /** The ISO 8601 spelling of an agency's variant (2016-01-12 12:35:40, 2017-10-11T10:41:00+0100), else the value. */
    private static String isoSpelling(String v) {
        Matcher m = ISO_VARIANT.matcher(v);
        if (!m.matches()) {
            return v;
        }
        String offset = m.group(3);
        if (offset != null && !offset.equals("Z")) {
            String digits = offset.substring(1).replace(":", "");
            offset = offset.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
        }
        return m.group(1) + "T" + m.group(2).replace(',', '.') + (offset == null ? "" : offset);
    }

    static Instant instantOrNull(WireTime t) {
        return t == null ? null : t.instant();
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
