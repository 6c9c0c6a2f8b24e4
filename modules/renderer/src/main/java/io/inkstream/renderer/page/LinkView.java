package io.inkstream.renderer.page;

/** A link with its visible text; {@code href} has already been checked to be http(s) or a site path. */
public record LinkView(String text, String href) {
}
