package io.inkstream.popularity.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inkstream.popularity.TestStores;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisitorSketchesTest {

    private static final long T0 = Instant.parse("2025-03-02T10:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000;

    private VisitorSketches sketches;

    @BeforeEach
    void setUp() {
        sketches = new VisitorSketches(TestStores.keyValue("sketches", Serdes.ByteArray()));
    }

    @Test
    void aVisitorSeenInSeveralHoursCountsOnce() {
        sketches.add("a", "v1", T0);
        sketches.add("a", "v1", T0 + 3 * HOUR);
        sketches.add("a", "v2", T0 + 5 * HOUR);
        sketches.add("b", "v3", T0);

        assertThat(sketches.estimate("a", Window.last24Hours(T0 + 6 * HOUR))).isEqualTo(2);
    }

    @Test
    void manyVisitorsAreEstimatedWithinTheStatedErrorBound() {
        int visitors = 50_000;
        for (int i = 0; i < visitors; i++) {
            sketches.add("a", "visitor-" + i, T0 + (i % 24) * HOUR);
        }

        long estimate = sketches.estimate("a", Window.last24Hours(T0 + 23 * HOUR));

        // +-3.3% is the 95% bound for lgK 12; this fixed input is deterministic.
        assertThat((double) estimate).isCloseTo(visitors, within(visitors * 0.033));
    }

    @Test
    void hoursBeforeTheWindowNoLongerCount() {
        sketches.add("a", "old", T0);
        sketches.add("a", "new", T0 + 30 * HOUR);
        Window window = Window.last24Hours(T0 + 30 * HOUR);

        sketches.expireBefore(window.startMs(), id -> { });

        assertThat(sketches.estimate("a", window)).isEqualTo(1);
    }
}
