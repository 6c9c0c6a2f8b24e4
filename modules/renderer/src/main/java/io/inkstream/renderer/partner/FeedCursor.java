package io.inkstream.renderer.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The feed's opaque cursor: a position in syndication.versions, the offset of the next version to give. Partners
 * keep it and send it back; its spelling ({@code v1:} and the offset, base64url) may change, old ones still read.
 */
public final class FeedCursor {

    private static final String PREFIX = "v1:";

    private FeedCursor() {
    }

    public static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** The offset in {@code cursor}, or IllegalArgumentException when it is not a cursor this feed gave. */
    public static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            long offset = Long.parseLong(text.substring(PREFIX.length()));
            if (offset < 0) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this feed gave (use the 'next' of an answer)");
        }
    }
}
