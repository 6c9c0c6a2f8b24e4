package io.inkstream.ingest.format;

import io.inkstream.events.PubStatus;

import java.util.Locale;

/**
 * The status and urgency words of agency XML (NITF management-status, NewsML 1.2 Status and
 * Urgency, Ritzau Priority) as an article's pubStatus and priority. A word ingest does not know
 * leaves the default and is noted as a warning: one bad field does not refuse the story. IPTC's
 * own words, which ninjs and NewsML-G2 carry, are {@link #iptcPubStatus}.
 */
final class AgencyStatus {

    private AgencyStatus() {
    }

    /** IPTC's status words: usable, embargoed (usable once the embargo ends), withheld, canceled. */
    static void pubStatus(String value, String what, ParsedArticle.Builder a) {
        if (value == null) {
            return;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "usable", "embargoed" -> a.pubStatus(PubStatus.usable);
            case "withheld" -> a.pubStatus(PubStatus.withheld);
            case "canceled", "cancelled" -> a.pubStatus(PubStatus.canceled);
            default -> a.warning("Unknown " + what + " '" + value + "' (usable, embargoed, withheld or canceled); read as usable.");
        }
    }

    /** IPTC's publication status words as ninjs and NewsML-G2 ({@code stat:} without the scheme) write them; null for any other. */
    static PubStatus iptcPubStatus(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "usable" -> PubStatus.usable;
            case "withheld" -> PubStatus.withheld;
            case "canceled", "cancelled" -> PubStatus.canceled;
            default -> null;
        };
    }

    /** An urgency from 1 (most urgent) to 9. */
    static void priority(String value, String what, ParsedArticle.Builder a) {
        if (value == null) {
            return;
        }
        if (value.strip().matches("[1-9]")) {
            a.priority(Integer.parseInt(value.strip()));
        } else {
            a.warning("The " + what + " '" + value + "' is not 1 to 9; left at the default.");
        }
    }
}
