package org.lodestar.measures;

import java.time.Instant;

/**
 * A value already recorded for a cell (KPI, school year, period, school, group), with who recorded it and when, and
 * its version: whoever replaces it names the version they saw, so a value recorded meanwhile is never overwritten
 * unseen.
 */
public record RecordedValue(Measurement measurement, int version, Instant recordedAt, String recordedBy) {

    /** The new value says the same (value and n): writing it changes nothing, so it needs no confirmation. */
    public boolean sameAs(Measurement next) {
        return measurement.value().compareTo(next.value()) == 0 && java.util.Objects.equals(measurement.n(), next.n());
    }
}
