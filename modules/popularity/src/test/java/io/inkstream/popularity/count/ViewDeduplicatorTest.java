package io.inkstream.popularity.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.popularity.TestStores;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewDeduplicatorTest {

    private static final long T0 = Instant.parse("2025-03-02T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private ViewDeduplicator dedup;

    @BeforeEach
    void setUp() {
        Duration span = Duration.ofMinutes(30);
        dedup = new ViewDeduplicator(TestStores.window("dedup", span.plusMinutes(5), span), span);
    }

    @Test
    void repeatWithinThirtyMinutesCountsOnce() {
        assertThat(dedup.firstInSpan("a", "v1", T0)).isTrue();
        assertThat(dedup.firstInSpan("a", "v1", T0 + 29 * MINUTE)).isFalse();
    }

    @Test
    void viewThirtyMinutesAfterTheCountedOneCountsAgain() {
        assertThat(dedup.firstInSpan("a", "v1", T0)).isTrue();
        assertThat(dedup.firstInSpan("a", "v1", T0 + 20 * MINUTE)).isFalse();
        assertThat(dedup.firstInSpan("a", "v1", T0 + 30 * MINUTE)).isTrue();
    }

    @Test
    void outOfOrderViewJustBeforeACountedOneIsARepeat() {
        assertThat(dedup.firstInSpan("a", "v1", T0 + 10 * MINUTE)).isTrue();
        assertThat(dedup.firstInSpan("a", "v1", T0 + 7 * MINUTE)).isFalse();
    }

    @Test
    void otherVisitorsAndOtherArticlesCountSeparately() {
        assertThat(dedup.firstInSpan("a", "v1", T0)).isTrue();
        assertThat(dedup.firstInSpan("a", "v2", T0)).isTrue();
        assertThat(dedup.firstInSpan("b", "v1", T0)).isTrue();
    }
}
