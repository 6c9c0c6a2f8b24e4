package io.inkstream.ingest;

import io.inkstream.ingest.format.ParsedArticle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An article's id is stable across versions: derived from the feed's own guid/uri when it
 * has one, else from source + headline + published time, so the same story sent twice
 * lands on the same id and can be recognised as a duplicate or an update.
 */
public final class ArticleIds {

    public static final String PREFIX = "urn:inkstream:article:";

    private ArticleIds() {
    }

    /** @param feed the delivering feed, used as the source when the story names no agency */
    public static String of(ParsedArticle article, String feed) {
        if (article.sourceId() != null) {
            return PREFIX + shortHash("guid\n" + article.sourceId());
        }
        String source = article.sourceAgency() != null ? article.sourceAgency() : feed;
        String headline = article.headline().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        return PREFIX + shortHash("story\n" + source + "\n" + headline + "\n" + article.publishedAt());
    }

    /** Lowercase hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String shortHash(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
