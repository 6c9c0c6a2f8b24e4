package io.inkstream.renderer.page;

/** A photo as a reader sees it: the image (when its file is known), its caption once, and its credit. */
public record PhotoView(String url, String alt, String caption, String credit) {
}
