package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A KPI as another module reads it for a review: its status now, latest value, and its values, targets and the values
 * its path expects by school year, in one scope (the district or a school) for all students.
 *
 * @param status ON_TRACK, AT_RISK, OFF_TRACK or NO_DATA
 * @param latest null without a value; {@code latestYear} its school year
 * @param values each school year's value (its latest period)
 * @param targets the targets set, by school year
 * @param expected the value its path expects each school year with a value
 */
public record KpiReading(
        UUID id,
        UUID outcomeId,
        String name,
        String nameTranslation,
        Kpi.Unit unit,
        String status,
        BigDecimal latest,
        Integer latestYear,
        BigDecimal endTarget,
        boolean higherIsBetter,
        Map<Integer, BigDecimal> values,
        Map<Integer, BigDecimal> targets,
        Map<Integer, BigDecimal> expected) {

    /** The target of a school year: the one set for it, else where the path expects the KPI that year (or null). */
    public BigDecimal targetOf(int year) {
        return targets.containsKey(year) ? targets.get(year) : expected.get(year);
    }

    static KpiReading of(KpiOverview overview) {
        Kpi kpi = overview.kpi();
        Map<Integer, BigDecimal> values = new java.util.HashMap<>();
        Map<Integer, BigDecimal> expected = new java.util.HashMap<>();
        for (KpiOverview.Point point : overview.series()) {
            if (point.value() != null) {
                values.put(point.year(), point.value());
            }
            if (point.expected() != null) {
                expected.put(point.year(), point.expected());
            }
        }
        return new KpiReading(
                kpi.id(),
                kpi.outcomeId(),
                kpi.name(),
                kpi.nameTranslation(),
                kpi.unit(),
                overview.status().name(),
                overview.latest(),
                overview.latestYear(),
                kpi.endTarget(),
                kpi.direction() == org.lodestar.measures.status.Direction.HIGHER_IS_BETTER,
                Map.copyOf(values),
                Map.copyOf(kpi.targets()),
                Map.copyOf(expected));
    }
}
