package io.inkstream.renderer;

import io.inkstream.events.PublishedArticle;
import io.inkstream.renderer.syndication.SyndicationFormat;

import java.util.List;

/**
 * The renderer's public face of its syndication formats, for code outside it (app's commands and tests,
 * bench), which may use only this package: the format ids partners choose from and each format's document
 * of a published article version (its kill notice when the version is canceled).
 */
public final class SyndicationDocuments {

    private SyndicationDocuments() {
    }

    /** Every format id ({@code ninjs-1.5}, {@code ninjs-2.2}, {@code ninjs-3.1}, {@code newsml-g2}, {@code nitf}). */
    public static List<String> formatIds() {
        return SyndicationFormat.ids();
    }

    /** The version of the standard a format writes ({@code 2.2}, {@code 2.35}, {@code 3.6}). */
    public static String standardVersion(String formatId) {
        return SyndicationFormat.byId(formatId).standardVersion();
    }

    /** The media type of a format's documents. */
    public static String contentType(String formatId) {
        return SyndicationFormat.byId(formatId).contentType();
    }

    /** {@code article} as a document of the format {@code formatId}. */
    public static byte[] render(String formatId, PublishedArticle article) {
        return SyndicationFormat.byId(formatId).render(article);
    }
}
