package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.UUID;
import org.lodestar.measures.status.Direction;

/** A KPI: how progress on an outcome is tracked, with its baseline and its targets by school year. */
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
        boolean published,
        int position,
        SortedMap<Integer, BigDecimal> targets) {

    public BigDecimal endTarget() {
        return targets.isEmpty() ? null : targets.get(targets.lastKey());
    }

    /**
     * Whether the KPI's values are about students, so that each needs its n before it can be public. Until a KPI says
     * so itself, everything but money counts as about students: wrongly hiding a staff count is the safe mistake.
     */
    public boolean aboutStudents() {
        return unit != Unit.CURRENCY;
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
