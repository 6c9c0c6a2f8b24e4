package io.inkstream.popularity.stream;

import java.util.Locale;

/**
 * What the counting stage knows about an article beyond its views: what entries show (headline, path,
 * section), whether it is hidden (canceled, withheld, or tombstoned upstream), and where it is
 * currently ranked, so that it can be taken out again.
 *
 * @param ranked        true once reported with views to the "all" scope and not since dropped
 * @param rankedSection the section scope it was last reported to with views, or null
 */
public record ArticleInfo(String headline, String canonicalPath, String section, boolean hidden, boolean ranked, String rankedSection) {

    public static final ArticleInfo UNKNOWN = new ArticleInfo(null, null, null, false, false, null);

    /** The section's scope name: lower case, or null when the section is unknown. */
    public String sectionScope() {
        if (section == null || section.isBlank()) {
            return null;
        }
        return section.trim().toLowerCase(Locale.ROOT);
    }

    ArticleInfo describedAs(String newHeadline, String newPath, String newSection, boolean nowHidden) {
        return new ArticleInfo(newHeadline, newPath, newSection == null ? section : newSection, nowHidden, ranked, rankedSection);
    }

    ArticleInfo withSection(String newSection) {
        return new ArticleInfo(headline, canonicalPath, newSection, hidden, ranked, rankedSection);
    }

    ArticleInfo hiddenNow() {
        return new ArticleInfo(headline, canonicalPath, section, true, ranked, rankedSection);
    }

    ArticleInfo rankedIn(boolean inAll, String sectionScope) {
        return new ArticleInfo(headline, canonicalPath, section, hidden, inAll, sectionScope);
    }

    /** Nothing worth keeping: not described upstream, not hidden, not ranked. */
    boolean forgettable() {
        return headline == null && !hidden && !ranked;
    }
}
