package io.billflow.settlement.adapter.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves; tests never sleep to reach an hour. */
final class MovableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
