package org.lodestar.measures.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lodestar.measures.Kpi;
import org.lodestar.shared.SchoolQuarter;

/**
 * Which recorded periods a lock covers. A value is of the quarter its period ends in: a quarterly value's period is its
 * quarter, a monthly value (months counted from the school year's start) is of the quarter its month falls in, a
 * semester's value of its last quarter (2 or 4), since it is its result at that quarter's end. A whole-year value
 * (period 0) is the year's result, known at its end: no quarter locks it, only the whole year's lock, made when the
 * year-end evaluation is completed; that lock covers every period of the year. Plain, so it is tested without Spring.
 */
public final class LockedPeriods {

    /** A lock: the KPI's quarter (0: the whole year) of a school year. */
    public record Lock(UUID kpiId, int schoolYear, int quarter) {}

    private final Set<Lock> locks;

    public LockedPeriods(Collection<Lock> locks) {
        this.locks = new HashSet<>(locks);
    }

    /** The locked quarter (or whole year) a value of the KPI for this school year and period falls in, if any. */
    public Optional<SchoolQuarter> lockedFor(UUID kpiId, Kpi.Frequency frequency, int schoolYear, int period) {
        if (locks.contains(new Lock(kpiId, schoolYear, 0))) {
            return Optional.of(new SchoolQuarter(schoolYear, 0));
        }
        Integer quarter = quarterOf(frequency, period);
        if (quarter != null && locks.contains(new Lock(kpiId, schoolYear, quarter))) {
            return Optional.of(new SchoolQuarter(schoolYear, quarter));
        }
        return Optional.empty();
    }

    /** The quarter a period of a KPI of this frequency belongs to, or null: the whole year, or a period beyond it. */
    static Integer quarterOf(Kpi.Frequency frequency, int period) {
        if (period <= 0) {
            return null;
        }
        return switch (frequency) {
            case MONTHLY -> period <= 12 ? (period + 2) / 3 : null;
            case SEMESTER -> period <= 2 ? period * 2 : null;
            // a quarterly KPI's periods are its quarters; an annual KPI given a period is read the same way
            case QUARTERLY, ANNUAL -> period <= 4 ? period : null;
        };
    }
}
