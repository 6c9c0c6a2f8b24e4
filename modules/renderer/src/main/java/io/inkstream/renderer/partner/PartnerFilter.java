package io.inkstream.renderer.partner;

import io.inkstream.events.PublishedArticle;

import java.util.List;
import java.util.Locale;

/**
 * Which article versions a partner receives. Each list left empty lets everything through; a non-empty one must
 * match (case-insensitively): the section, one of the subjects (the source's subjects or codes such as
 * {@code medtop:11000000}), the source agency, the language (a primary tag {@code en} matches {@code en-GB}),
 * the pubstatus ({@code usable}, {@code canceled}). All lists must match.
 */
public record PartnerFilter(List<String> sections, List<String> subjects, List<String> sourceAgencies,
                            List<String> languages, List<String> pubStatuses) {

    public static final PartnerFilter ANY = new PartnerFilter(List.of(), List.of(), List.of(), List.of(), List.of());

    public PartnerFilter {
        sections = clean(sections);
        subjects = clean(subjects);
        sourceAgencies = clean(sourceAgencies);
        languages = clean(languages);
        pubStatuses = clean(pubStatuses);
        for (String s : pubStatuses) {
            if (!s.equals("usable") && !s.equals("canceled")) {
                throw new IllegalArgumentException("pubstatus filter takes usable or canceled, not '" + s + "'");
            }
        }
    }

    public boolean matches(PublishedArticle a) {
        return any(sections, a.getSection())
                && (subjects.isEmpty() || a.getSubjects().stream().anyMatch(s -> subjects.contains(lower(s))))
                && any(sourceAgencies, a.getSourceAgency())
                && (languages.isEmpty() || languages.stream().anyMatch(l -> language(lower(a.getLanguage()), l)))
                && any(pubStatuses, a.getPubStatus().name());
    }

    private static boolean language(String articleLanguage, String wanted) {
        return articleLanguage.equals(wanted) || articleLanguage.startsWith(wanted + "-");
    }

    private static boolean any(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(lower(value)));
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(PartnerFilter::lower).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
