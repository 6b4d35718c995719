package io.billflow.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.billflow.MovableClock;
import org.junit.jupiter.api.Test;

class SampledCountsTest {

    @Test
    void oneQueryServesEveryGaugeUntilTheSampleIsOlderThanItsTtl() {
        MovableClock clock = new MovableClock(ZoneOffset.UTC);
        AtomicInteger queries = new AtomicInteger();
        SampledCounts counts = new SampledCounts(Duration.ofSeconds(15), clock,
                () -> Map.of("FAILED", (long) queries.incrementAndGet()));

        assertThat(counts.count("FAILED")).isEqualTo(1);
        assertThat(counts.count("PENDING")).as("a state absent from the sample counts 0").isZero();
        clock.advance(Duration.ofSeconds(14));
        assertThat(counts.count("FAILED")).as("still the same sample").isEqualTo(1);
        assertThat(queries).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(counts.count("FAILED")).isEqualTo(2);
        assertThat(queries).hasValue(2);
    }
}
