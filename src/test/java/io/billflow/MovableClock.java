package io.billflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time plus an offset a test may move forward ("five minutes later")
 * instead of sleeping. Every bean that injects {@link Clock} gets this one (see {@link TestClockConfiguration}).
 * A test that moves it must {@link #reset()} it afterwards: all Spring tests share one context.
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MovableClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("tests move time forward; reset() returns to real time");
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(other, offset);
    }
}
