package io.inkstream.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of a received item, read with a bound: up to the size limit they are kept
 * whole; beyond it only the first bytes are kept while size and SHA-256 still cover the
 * complete item, so an oversized upload costs no more memory than the limit.
 */
public record ReceivedBytes(byte[] kept, long size, String sha256, boolean truncated) {

    /** How much of an oversized item is kept, to show what it was. */
    static final int TRUNCATED_KEEP_BYTES = 64 * 1024;

    public static ReceivedBytes of(byte[] bytes, long maxItemBytes) {
        boolean truncated = bytes.length > maxItemBytes;
        return new ReceivedBytes(truncated ? Arrays.copyOf(bytes, TRUNCATED_KEEP_BYTES) : bytes, bytes.length,
                ArticleIds.sha256(bytes), truncated);
    }

    public static ReceivedBytes read(InputStream in, long maxItemBytes) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream digesting = new DigestInputStream(in, sha);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = digesting.read(buffer)) > 0) {
            if (size + n <= maxItemBytes) {
                kept.write(buffer, 0, n);
            }
            size += n;
        }
        byte[] bytes = kept.toByteArray();
        boolean truncated = size > maxItemBytes;
        return new ReceivedBytes(truncated ? Arrays.copyOf(bytes, (int) Math.min(bytes.length, TRUNCATED_KEEP_BYTES)) : bytes,
                size, HexFormat.of().formatHex(sha.digest()), truncated);
    }
}
