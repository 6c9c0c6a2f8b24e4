package io.inkstream.popularity.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void windowEndsAtTheStartOfTheNextMinuteAndSpansTwentyFourHours() {
        Window w = Window.last24Hours(Instant.parse("2025-03-02T10:15:42Z").toEpochMilli());

        assertThat(w.end()).isEqualTo(Instant.parse("2025-03-02T10:16:00Z"));
        assertThat(w.start()).isEqualTo(Instant.parse("2025-03-01T10:16:00Z"));
    }

    @Test
    void oldestMinuteDropsOutWhole() {
        Window w = Window.last24Hours(Instant.parse("2025-03-02T10:15:42Z").toEpochMilli());

        assertThat(w.contains(Instant.parse("2025-03-01T10:15:59.999Z").toEpochMilli())).isFalse();
        assertThat(w.contains(Instant.parse("2025-03-01T10:16:00Z").toEpochMilli())).isTrue();
        assertThat(w.contains(Instant.parse("2025-03-02T10:15:59Z").toEpochMilli())).isTrue();
    }
}
