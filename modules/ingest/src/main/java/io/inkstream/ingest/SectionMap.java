package io.inkstream.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps an agency's own classification (IPTC subject codes and Media Topics, ANPA and IPTC 7901
 * categories, subject names) to one of the site's sections. The defaults are in
 * {@code section-map.txt} beside this class; a site adds or overrides lines with its own file
 * ({@code inkstream.ingest.section-map}). An item the map does not place goes to the default
 * section, and {@link Placement#mapped()} says so, for the unmapped-sections metric.
 */
public final class SectionMap {

    private static final String DEFAULTS = "section-map.txt";
    /** Schemes whose codes are eight digits with the top level in the first two. */
    private static final List<String> HIERARCHICAL = List.of("subj", "medtop", "sttsubj");

    private final Map<String, String> byCode;
    private final Map<String, String> byName = new HashMap<>();
    private final String defaultSection;

    private SectionMap(Map<String, String> byCode, String defaultSection) {
        this.byCode = Map.copyOf(byCode);
        this.defaultSection = defaultSection;
        for (String section : byCode.values()) {
            byName.put(section.toLowerCase(Locale.ROOT), section);
        }
        byName.put("sport", byName.getOrDefault("sports", "Sports"));
        byName.put("economy", byName.getOrDefault("business", "Business"));
    }

    /** The built-in mapping. */
    public static SectionMap defaults(String defaultSection) {
        return withOverrides(null, defaultSection);
    }

    /**
     * The built-in mapping with the lines of a site's own file on top.
     *
     * @param overrides a file of {@code scheme:code = Section} lines, or null
     * @throws IllegalArgumentException when the file cannot be read or a line is not of that shape
     */
    public static SectionMap withOverrides(Path overrides, String defaultSection) {
        Map<String, String> codes = new HashMap<>();
        try (InputStream in = SectionMap.class.getResourceAsStream(DEFAULTS)) {
            read(new String(Objects.requireNonNull(in, DEFAULTS).readAllBytes(), StandardCharsets.UTF_8), DEFAULTS, codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (overrides != null) {
            try {
                read(Files.readString(overrides, StandardCharsets.UTF_8), overrides.toString(), codes);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the section map " + overrides + ": " + e.getMessage());
            }
        }
        return new SectionMap(codes, defaultSection);
    }

    private static void read(String text, String source, Map<String, String> into) {
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0 || l.indexOf(':') <= 0 || l.indexOf(':') > eq || eq == l.length() - 1) {
                throw new IllegalArgumentException(source + " line " + n + ": expected 'scheme:code = Section', got '" + l + "'");
            }
            into.put(key(l.substring(0, eq)), l.substring(eq + 1).strip());
        }
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    /** Where an item goes, and whether its classification said so or it fell to the default. */
    public record Placement(String section, boolean mapped) {
    }

    /**
     * The section for an item: the one its format states, else the first code that maps, else the
     * first subject name that is a section's name, else the default.
     */
    public Placement place(String statedSection, List<String> subjectCodes, List<String> subjectNames) {
        if (statedSection != null && !statedSection.isBlank()) {
            return new Placement(statedSection.strip(), true);
        }
        for (String code : subjectCodes) {
            String section = sectionForCode(code);
            if (section != null) {
                return new Placement(section, true);
            }
        }
        for (String name : subjectNames) {
            String section = name == null ? null : byName.get(name.strip().toLowerCase(Locale.ROOT));
            if (section != null) {
                return new Placement(section, true);
            }
        }
        return new Placement(defaultSection, false);
    }

    public boolean isDefault(String section) {
        return defaultSection.equals(section);
    }

    String sectionForCode(String code) {
        String k = key(code);
        String section = byCode.get(k);
        if (section != null) {
            return section;
        }
        int colon = k.indexOf(':');
        String scheme = k.substring(0, Math.max(colon, 0));
        String value = k.substring(colon + 1);
        if (HIERARCHICAL.contains(scheme) && value.length() == 8 && value.chars().allMatch(Character::isDigit)) {
            return byCode.get(scheme + ":" + value.substring(0, 2) + "000000");
        }
        return null;
    }
}
