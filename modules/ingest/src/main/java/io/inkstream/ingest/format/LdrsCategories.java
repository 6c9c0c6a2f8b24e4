package io.inkstream.ingest.format;

import java.util.Map;

/**
 * The BBC Local Democracy Reporting Service's ninjs categories ({@code category:planning-permission})
 * and the IPTC Subject Code nearest each, the crosswalk Superdesk's BBC parser uses, so that an LDRS
 * story is classified (and placed in a section) like any other agency's.
 */
final class LdrsCategories {

    private static final Map<String, String> NEAREST_SUBJECT = Map.ofEntries(
            Map.entry("policing", "02003000"),
            Map.entry("fire-and-rescue-services", "11006001"),
            Map.entry("crime", "02001000"),
            Map.entry("transport", "04015000"),
            Map.entry("education", "05000000"),
            Map.entry("planning-permission", "11016007"),
            Map.entry("highways", "04015003"),
            Map.entry("waste-management", "04005007"),
            Map.entry("rubbish-collection", "04005007"),
            Map.entry("public-safety", "11006002"),
            Map.entry("social-care", "07011000"),
            Map.entry("social-services", "14025004"),
            Map.entry("trading-standards", "04008015"),
            Map.entry("libraries", "01009000"),
            Map.entry("recycling", "06009000"),
            Map.entry("council-tax", "11013000"),
            Map.entry("revenue-collection", "04008019"),
            Map.entry("environmental-health", "06005000"),
            Map.entry("litter", "06005000"),
            Map.entry("leisure", "10010000"),
            Map.entry("health", "07000000"),
            Map.entry("housing", "11016002"),
            Map.entry("dog-fouling", "06000000"),
            Map.entry("graffiti", "06000000"),
            Map.entry("fly-posting", "06000000"));

    private LdrsCategories() {
    }

    /** {@code subj:…} for an LDRS {@code category:…} code, or null when it has none. */
    static String subjectCode(String code) {
        if (code == null || !code.startsWith("category:")) {
            return null;
        }
        String subject = NEAREST_SUBJECT.get(code.substring("category:".length()));
        return subject == null ? null : "subj:" + subject;
    }
}
