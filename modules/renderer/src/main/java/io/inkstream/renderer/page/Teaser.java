package io.inkstream.renderer.page;

/** A link to an article in a list: headline, where it is and when it appeared. */
public record Teaser(String headline, String href, String publishedText, String publishedIso, String summary,
                     String imageUrl, String imageAlt) {
}
