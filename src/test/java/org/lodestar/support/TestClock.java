package org.lodestar.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: the real time until a test sets it, then standing still where the test put it.
 * Tests that set it call {@link #reset()} afterwards, since every {@code @LodestarTest} class shares it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops the clock at the given instant. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Moves a stopped clock on (or a running one, by stopping it first at now plus the amount). */
    public void advance(Duration amount) {
        fixed.set(instant().plus(amount));
    }

    /** Back to the real time. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock clock = new TestClock(other);
        clock.fixed.set(fixed.get());
        return clock;
    }
}
