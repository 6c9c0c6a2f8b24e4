package io.inkstream.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory as a reader of the report wants it: heap still used after a full GC (what
 * the live state costs, not what the collector has yet to reclaim) and the resident set, which also
 * counts off-heap memory such as RocksDB's caches and the broker's buffers.
 */
final class MemoryUse {

    private MemoryUse() {
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TopicCounter.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long residentSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
