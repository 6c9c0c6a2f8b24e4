package io.inkstream.testkit;

import java.io.IOException;
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
        } catch (IOException e) {
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
}
