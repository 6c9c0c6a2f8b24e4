package io.inkstream.renderer.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Partners' API keys and push secrets: 256 random bits each. A key is kept only as its SHA-256 (a random key of
 * that length needs no slow hash: there is nothing to guess), and looked up by that hash.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new API key, {@code isk_} and 43 base64url characters. */
    public static String newKey() {
        return "isk_" + random();
    }

    /** A new push secret, {@code iss_} and 43 base64url characters. */
    public static String newSecret() {
        return "iss_" + random();
    }

    /** The stored form of a key: hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
