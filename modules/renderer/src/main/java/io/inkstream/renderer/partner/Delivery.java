package io.inkstream.renderer.partner;

import java.net.URI;

/**
 * How a partner gets its items: it pulls the feed ({@code pull}), or it is also pushed each item ({@code push}) as
 * an HTTP POST to {@code url}, signed with {@code secret} (the secret is kept, as HMAC needs it; see decision 0019).
 */
public record Delivery(String mode, String url, String secret) {

    public static final Delivery PULL = new Delivery("pull", null, null);

    public Delivery {
        if (!"pull".equals(mode) && !"push".equals(mode)) {
            throw new IllegalArgumentException("delivery must be pull or push, not '" + mode + "'");
        }
        if ("push".equals(mode)) {
            URI uri;
            try {
                uri = URI.create(url == null ? "" : url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("push URL is not a URL: " + url);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("push needs an absolute http(s) URL, not '" + url + "'");
            }
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("push needs a secret of at least 16 characters");
            }
        }
    }

    public static Delivery push(String url, String secret) {
        return new Delivery("push", url, secret);
    }

    public boolean push() {
        return "push".equals(mode);
    }
}
