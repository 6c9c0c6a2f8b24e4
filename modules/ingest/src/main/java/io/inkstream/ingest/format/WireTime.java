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
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * A timestamp as a wire format wrote it: the instant plus the offset the source used, so
 * the local time can be shown as the source did. Reads ISO 8601 (ninjs, NewsML-G2, Atom,
 * JSON-LD, meta tags), its basic spelling without separators (NITF {@code norm}, NewsML 1.2:
 * {@code 20131020T192751+1100}) and RFC 822/1123 (RSS); a time without offset is taken as UTC,
 * or as local time in the zone a caller names for a source that writes its own local time.
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

    /** ISO 8601 basic format, as NITF and NewsML 1.2 write it: 20131020T192751+1100, 20151210T191044Z, 20020225. */
    private static final DateTimeFormatter ISO_BASIC = new DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd")
            .optionalStart().appendLiteral('T').appendPattern("HHmm").optionalStart().appendPattern("ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** @return null when the value is null or blank */
    static WireTime parse(String value, String what) throws RejectedItemException {
        return parse(value, what, null);
    }

    /**
     * @param localZone the zone a time without offset is local to (e.g. Europe/Copenhagen for Ritzau), or null for UTC
     * @return null when the value is null or blank
     */
    static WireTime parse(String value, String what, java.time.ZoneId localZone) throws RejectedItemException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = isoSpelling(value.trim());
        try {
            OffsetDateTime odt = OffsetDateTime.parse(v);
            return new WireTime(odt.toInstant(), odt.getOffset().getId());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the other spellings
        }
        try {
            return local(LocalDateTime.parse(v), localZone);
        } catch (DateTimeParseException ignored) {
            // not ISO local
        }
        try {
            return new WireTime(LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException ignored) {
            // not an ISO date
        }
        if (v.length() >= 8 && Character.isDigit(v.charAt(4))) {
            try {
                java.time.temporal.TemporalAccessor t = ISO_BASIC.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
                if (t instanceof OffsetDateTime odt) {
                    return new WireTime(odt.toInstant(), odt.getOffset().getId());
                }
                return local((LocalDateTime) t, localZone);
            } catch (DateTimeParseException ignored) {
                // not ISO basic
            }
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

    private static WireTime local(LocalDateTime time, java.time.ZoneId zone) {
        if (zone == null) {
            return new WireTime(time.toInstant(ZoneOffset.UTC), null);
        }
        return new WireTime(time.atZone(zone).toInstant(), zone.getId());
    }

    static Instant instantOrNull(WireTime t) {
        return t == null ? null : t.instant();
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
