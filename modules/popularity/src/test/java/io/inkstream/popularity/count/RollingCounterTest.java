package io.inkstream.popularity.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkstream.popularity.TestStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RollingCounterTest {

    private static final long T0 = Instant.parse("2025-03-02T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private RollingCounter counter;
    private final List<String> changed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        counter = new RollingCounter(TestStores.keyValue("buckets", Serdes.Long()), TestStores.keyValue("totals", Serdes.Long()));
    }

    @Test
    void viewsAcrossMinutesAddUpPerArticle() {
        counter.add("a", T0);
        counter.add("a", T0 + 10_000);
        counter.add("a", T0 + 5 * MINUTE);
        counter.add("b", T0);

        assertThat(counter.views("a")).isEqualTo(3);
        assertThat(counter.views("b")).isEqualTo(1);
        assertThat(counter.views("never-viewed")).isZero();
    }

    @Test
    void expiringAMinuteSubtractsExactlyItsViews() {
        counter.add("a", T0);
        counter.add("a", T0 + 59_999);
        counter.add("a", T0 + MINUTE);
        counter.add("b", T0 + 2 * MINUTE);

        counter.expireBefore(T0 + MINUTE, changed::add);

        assertThat(counter.views("a")).isEqualTo(1);
        assertThat(counter.views("b")).isEqualTo(1);
        assertThat(changed).containsExactly("a");
    }

    @Test
    void articleWhoseMinutesAllExpiredIsForgotten() {
        counter.add("a", T0);
        counter.add("a", T0 + MINUTE);

        counter.expireBefore(T0 + 2 * MINUTE, changed::add);

        assertThat(counter.views("a")).isZero();
        assertThat(changed).containsExactly("a", "a");
    }

    @Test
    void expiringTwiceChangesNothingMore() {
        counter.add("a", T0);
        counter.add("a", T0 + 3 * MINUTE);
        counter.expireBefore(T0 + MINUTE, changed::add);
        changed.clear();

        counter.expireBefore(T0 + MINUTE, changed::add);

        assertThat(changed).isEmpty();
        assertThat(counter.views("a")).isEqualTo(1);
    }
}
