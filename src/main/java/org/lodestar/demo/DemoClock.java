package org.lodestar.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.lodestar.shared.RecordedTime;

/**
 * Plausible past times for the demo's history, so that it reads like a district's year rather than one start: each
 * part of the demo is entered as of some days before the first start, each change a little after the one before.
 */
final class DemoClock implements Supplier<Instant> {

    private static final Duration STEP = Duration.ofSeconds(20);

    private Instant next;

    private DemoClock(Instant start) {
        this.next = start;
    }

    /** Runs {@code work} with its changes recorded from {@code daysAgo} days before now on. */
    static void daysAgo(int daysAgo, Runnable work) {
        RecordedTime.during(new DemoClock(Instant.now().minus(Duration.ofDays(daysAgo))), work);
    }

    /** What {@code work} makes, with its changes recorded from {@code daysAgo} days before now on. */
    static <T> T daysAgo(int daysAgo, Supplier<T> work) {
        List<T> made = new ArrayList<>(1);
        daysAgo(daysAgo, () -> {
            made.add(work.get());
        });
        return made.get(0);
    }

    @Override
    public Instant get() {
        Instant at = next;
        next = next.plus(STEP);
        return at;
    }
}
