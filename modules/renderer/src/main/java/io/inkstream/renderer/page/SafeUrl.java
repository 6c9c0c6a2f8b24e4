package io.inkstream.renderer.page;

import java.net.URI;
import java.util.Locale;

/** A URL from wire copy may be used in a page only when it is http(s) or a path on this site. */
public final class SafeUrl {

    private SafeUrl() {
    }

    /** The URL if safe to put in an href or src, else null. */
    public static String orNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        if (u.startsWith("/") && !u.startsWith("//")) {
            return u;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
