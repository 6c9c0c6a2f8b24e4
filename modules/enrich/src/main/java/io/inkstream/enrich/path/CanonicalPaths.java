package io.inkstream.enrich.path;

import io.inkstream.events.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds an article's site path {@code /<section>/<yyyy-MM-dd>/<slug>-<short id>.html}: the date
 * is the publication day in the source's own zone (as the source printed it), the slug comes from
 * the headline, and the short id from the article id keeps two stories with the same headline apart.
 */
public final class CanonicalPaths {

    static final String DEFAULT_SECTION = "news";
    /** Used when a headline has no Latin letters or digits (e.g. a Chinese headline). */
    static final String FALLBACK_SLUG = "story";
    private static final int MAX_SLUG_CHARS = 60;
    private static final int SHORT_ID_CHARS = 6;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern INITIALISM_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SHORT_ID_TAIL = Pattern.compile("[0-9a-z]{" + SHORT_ID_CHARS + ",}");

    private CanonicalPaths() {
    }

    /** The path this version of the article would get on its own (before any earlier path is kept). */
    public static String pathFor(Article article) {
        return "/" + sectionSegment(article.getSection()) + "/" + publicationDay(article) + "/"
                + slug(article.getHeadline()) + "-" + shortId(article.getId()) + ".html";
    }

    /** Lower-case ASCII words of the headline joined by dashes, at most 60 characters, cut between words. */
    public static String slug(String headline) {
        String ascii = MARKS.matcher(Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("'", "").replace("\u2019", "");
        ascii = INITIALISM_DOT.matcher(ascii).replaceAll(""); // u.s.-china -> us-china
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG_CHARS) {
            int cut = slug.lastIndexOf('-', MAX_SLUG_CHARS);
            slug = cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_SLUG_CHARS);
        }
        return slug.isEmpty() ? FALLBACK_SLUG : slug;
    }

    /**
     * Six characters from the article id: the start of its last segment when that is already a
     * lower-case alphanumeric key (urn:inkstream:article:3f2a9c1d7b gives 3f2a9c), else from its SHA-256.
     */
    public static String shortId(String articleId) {
        String tail = articleId.substring(articleId.lastIndexOf(':') + 1);
        if (SHORT_ID_TAIL.matcher(tail).matches()) {
            return tail.substring(0, SHORT_ID_CHARS);
        }
        return HexFormat.of().formatHex(sha256(articleId)).substring(0, SHORT_ID_CHARS);
    }

    static String sectionSegment(String section) {
        if (section == null || section.isBlank()) {
            return DEFAULT_SECTION;
        }
        String segment = slug(section);
        return segment.equals(FALLBACK_SLUG) ? DEFAULT_SECTION : segment;
    }

    /** The day of publication in the source's zone; UTC when the source gave no usable zone. */
    static LocalDate publicationDay(Article article) {
        Instant at = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFirstCreated();
        return at.atZone(zone(article.getPublishedOffset())).toLocalDate();
    }

    private static ZoneId zone(String offset) {
        if (offset == null || offset.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(offset.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
