package org.lodestar.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time a change of a sample district is recorded at, when the code that enters it says so: the demo loader enters
 * years of a district's life in one start, and its history would otherwise carry that one start's time throughout.
 * Nothing a person sends can set it (no request, form or API field reaches it), and the audit log honours it only for a
 * district marked as sample data, so no real district's history can be backdated.
 */
public final class RecordedTime {

    private static final ThreadLocal<Supplier<Instant>> CLOCK = new ThreadLocal<>();

    private RecordedTime() {}

    /** Runs {@code work} with its changes recorded at the times {@code clock} gives, one per change. */
    public static void during(Supplier<Instant> clock, Runnable work) {
        Supplier<Instant> outer = CLOCK.get();
        CLOCK.set(clock);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CLOCK.remove();
            } else {
                CLOCK.set(outer);
            }
        }
    }

    /**
     * The time a change is recorded at: {@code now}, or the past time the code entering it claimed when the change
     * belongs to a sample district; never for a real district, never a time to come.
     */
    public static Instant at(Instant now, java.util.function.BooleanSupplier sampleDistrict) {
        return claimed()
                .filter(claimed -> claimed.isBefore(now))
                .filter(claimed -> sampleDistrict.getAsBoolean())
                .orElse(now);
    }

    /** The time the change being recorded now is to carry, if the code entering it set one; else empty. */
    public static Optional<Instant> claimed() {
        Supplier<Instant> clock = CLOCK.get();
        return clock == null ? Optional.empty() : Optional.ofNullable(clock.get());
    }
}
