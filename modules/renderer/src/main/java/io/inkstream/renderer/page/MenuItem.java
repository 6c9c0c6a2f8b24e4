package io.inkstream.renderer.page;

/** A section in the site menu; {@code current} marks the section the reader is in. */
public record MenuItem(String name, String href, boolean current) {
}
