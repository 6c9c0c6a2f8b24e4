package io.inkstream.renderer.partner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a push, in header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC, keyed with the partner's secret, is over {@code t + "." + body}. A receiver recomputes it, compares in
 * constant time, and refuses timestamps too far from its clock (replay).
 */
public final class PushSignature {

    public static final String HEADER = "X-Inkstream-Signature";

    private PushSignature() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds, body);
    }

    /** Whether {@code header} is a valid signature of {@code body} with {@code secret} (the timestamp not judged). */
    public static boolean verifies(String secret, String header, byte[] body) {
        if (header == null) {
            return false;
        }
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        return t >= 0 && v1 != null && MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
                hmacHex(secret, t, body).getBytes(StandardCharsets.US_ASCII));
    }

    /** The timestamp of a signature header, or -1. */
    public static long timestamp(String header) {
        for (String part : header == null ? new String[0] : header.split(",")) {
            if (part.strip().startsWith("t=")) {
                try {
                    return Long.parseLong(part.strip().substring(2));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String hmacHex(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
