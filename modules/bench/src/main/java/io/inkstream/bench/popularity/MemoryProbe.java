package io.inkstream.bench.popularity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's memory as a reader of the report cares about it: live heap after a full collection
 * (what the objects need), resident set size (heap plus RocksDB's native memory), bytes on disk.
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** Heap in use after asking for a full collection twice (System.gc is a request; twice settles it). */
    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** VmRSS of this process from /proc (Linux); -1 where there is no /proc. */
    static long residentBytes() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
