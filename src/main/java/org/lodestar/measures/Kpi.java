package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.UUID;
import org.lodestar.measures.status.Direction;

/**
 * A KPI: how progress on an outcome is tracked, with its baseline and its targets by school year. {@code aboutStudents}
 * says whether its values are rates or counts of students (each school or group value then needs its n, and no value
 * without n is public) or not (a budget, a count of staff: no n asked, nothing hidden). {@code version} is the saved
 * version it was read at: a save of an older version is refused.
 */
public record Kpi(
        UUID id,
        UUID outcomeId,
        String name,
        Unit unit,
        Direction direction,
        BigDecimal baselineValue,
        int baselineYear,
        Frequency frequency,
        String dataSource,
        UUID ownerId,
        boolean byStudentGroup,
        boolean aboutStudents,
        boolean published,
        int position,
        SortedMap<Integer, BigDecimal> targets,
        int version) {

    public BigDecimal endTarget() {
        return targets.isEmpty() ? null : targets.get(targets.lastKey());
    }

    public Integer endYear() {
        return targets.isEmpty() ? null : targets.lastKey();
    }

    public enum Unit {
        PERCENT,
        COUNT,
        RATE,
        SCORE,
        CURRENCY
    }

    public enum Frequency {
        ANNUAL,
        SEMESTER,
        QUARTERLY,
        MONTHLY
    }
}
