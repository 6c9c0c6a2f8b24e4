package io.inkstream.popularity.count;

/**
 * Store key "bucket number, then article id": the bucket is zero-padded to a fixed width so that the
 * byte order of the keys (RocksDB's and the in-memory store's order) is time order, and expiry is a
 * range scan from the oldest key instead of a scan of every article.
 */
final class BucketKey {

    private static final int WIDTH = 12;
    private static final char SEPARATOR = '\u0000';

    private BucketKey() {
    }

    static String of(long bucket, String articleId) {
        return prefix(bucket) + SEPARATOR + articleId;
    }

    /** Upper bound (exclusive in practice) for every key of buckets older than {@code bucket}. */
    static String prefix(long bucket) {
        String digits = Long.toString(bucket);
        return "0".repeat(WIDTH - digits.length()) + digits;
    }

    static long bucket(String key) {
        return Long.parseLong(key, 0, WIDTH, 10);
    }

    static String articleId(String key) {
        return key.substring(WIDTH + 1);
    }
}
