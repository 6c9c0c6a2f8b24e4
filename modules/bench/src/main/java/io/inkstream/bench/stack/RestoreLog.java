package io.inkstream.bench.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stack's log says it restored: StreamsRunner logs one line per changelog partition it starts to
 * restore ({@code ingest restoring article-versions from ingest-article-versions-changelog-0 (28 offsets)}).
 * The process log is the only view from outside of how much state a restart had to read back.
 */
final class RestoreLog {

    private static final Pattern RESTORING =
            Pattern.compile("StreamsRunner - (\\S+) restoring (\\S+) from (\\S+) \\((\\d+) offsets\\)");

    private RestoreLog() {
    }

    /**
     * Offsets to restore per store ("service store"), summed over the store's changelog partitions. A partition
     * whose restoration starts again (a rebalance suspended it) counts once, with its largest range: summing
     * both starts would count the same records twice.
     */
    static Map<String, Long> offsetsByStore(List<String> logLines) {
        Map<String, Long> byPartition = new LinkedHashMap<>();
        Map<String, String> storeOfPartition = new LinkedHashMap<>();
        for (String line : logLines) {
            Matcher m = RESTORING.matcher(line);
            if (!m.find()) {
                continue;
            }
            String store = m.group(1) + " " + m.group(2);
            String partition = store + " " + m.group(3);
            byPartition.merge(partition, Long.parseLong(m.group(4)), Math::max);
            storeOfPartition.put(partition, store);
        }
        Map<String, Long> byStore = new TreeMap<>();
        byPartition.forEach((partition, offsets) -> byStore.merge(storeOfPartition.get(partition), offsets, Long::sum));
        return byStore;
    }

    static long total(Map<String, Long> offsetsByStore) {
        return offsetsByStore.values().stream().mapToLong(Long::longValue).sum();
    }
}
