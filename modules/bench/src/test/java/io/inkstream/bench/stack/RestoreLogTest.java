package io.inkstream.bench.stack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The recovery benchmark's restore sizes come from these lines; a misread line would report a wrong restore cost. */
class RestoreLogTest {

    @Test
    void sumsEachStoreOverItsPartitionsAndIgnoresOtherLines() {
        Map<String, Long> byStore = RestoreLog.offsetsByStore(List.of(
                "15:50:01.120 INFO  StreamsRunner - ingest restoring article-versions from ingest-article-versions-changelog-0 (28 offsets)",
                "15:50:01.121 INFO  StreamsRunner - ingest restoring article-versions from ingest-article-versions-changelog-2 (14 offsets)",
                "15:50:01.300 INFO  StreamsRunner - popularity restoring minute-buckets from popularity-minute-buckets-changelog-1 (1200 offsets)",
                "15:50:02.000 INFO  StreamsRunner - ingest streams RUNNING (was REBALANCING)",
                "Starting Inkstream (data in /tmp/x/data)"));

        assertThat(byStore).containsExactly(Map.entry("ingest article-versions", 42L),
                Map.entry("popularity minute-buckets", 1200L));
        assertThat(RestoreLog.total(byStore)).isEqualTo(1242L);
    }

    @Test
    void aPartitionWhoseRestorationStartsAgainCountsOnceWithItsLargestRange() {
        Map<String, Long> byStore = RestoreLog.offsetsByStore(List.of(
                "INFO  StreamsRunner - enrich restoring related-index from enrich-related-index-changelog-0 (500 offsets)",
                "INFO  StreamsRunner - enrich restoring related-index from enrich-related-index-changelog-0 (120 offsets)"));

        assertThat(byStore).containsExactly(Map.entry("enrich related-index", 500L));
    }

    @Test
    void sameStoreNameInTwoServicesStaysApart() {
        Map<String, Long> byStore = RestoreLog.offsetsByStore(List.of(
                "INFO  StreamsRunner - enrich restoring articles from enrich-articles-changelog-0 (3 offsets)",
                "INFO  StreamsRunner - popularity restoring articles from popularity-articles-changelog-0 (5 offsets)"));

        assertThat(byStore).containsExactly(Map.entry("enrich articles", 3L), Map.entry("popularity articles", 5L));
    }
}
