package io.inkstream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of tests and benchmarks. */
public final class TempDirs {

    private TempDirs() {
    }

    /**
     * Deletes a directory tree as far as it can (a temporary directory left behind is harmless);
     * false when part of it could not be read. A null or missing directory is already gone.
     */
    public static boolean deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Deletes a directory tree or fails: for a test whose point is that the tree is gone (a missing one already is). */
    public static void deleteTreeOrFail(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Bytes in the regular files under a directory: 0 when it does not exist, -1 when it cannot be read. */
    public static long bytesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file RocksDB removed (compaction) while the walk went by
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
