package io.billflow.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Counts read from our own tables by one grouped query, taken at most once per {@code ttl} however often
 * Prometheus scrapes (and however many gauges read them). Each gauge reads one key of the last sample; a key
 * missing from the sample counts 0, so a state that empties shows 0 rather than disappearing.
 */
public final class SampledCounts {

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<Map<String, Long>> query;
    private Map<String, Long> last = Map.of();
    private Instant takenAt;

    public SampledCounts(Duration ttl, Clock clock, Supplier<Map<String, Long>> query) {
        this.ttl = ttl;
        this.clock = clock;
        this.query = query;
    }

    /** The count of {@code key} in the newest sample (re-queried when the sample is older than the ttl). */
    public synchronized long count(String key) {
        Instant now = clock.instant();
        if (takenAt == null || !now.isBefore(takenAt.plus(ttl))) {
            last = query.get();
            takenAt = now;
        }
        return last.getOrDefault(key, 0L);
    }

    /** Registers one gauge named {@code name} reading {@code key}, with {@code tags}. */
    public void gauge(MeterRegistry registry, String name, String description, String key, Tags tags) {
        Gauge.builder(name, this, counts -> counts.count(key)).description(description).tags(tags)
                .strongReference(true).register(registry);
    }
}
