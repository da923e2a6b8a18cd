package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.List;
import org.lodestar.measures.status.KpiStatus;

/**
 * A KPI at a glance for one scope (district or school) and student group: its latest value against where it should
 * be, its status and its history with the target path.
 */
public record KpiOverview(
        Kpi kpi,
        Integer latestYear,
        BigDecimal latest,
        Integer latestN,
        BigDecimal expected,
        KpiStatus status,
        List<Point> series,
        List<Point> history) {

    /**
     * One school year (the series: its latest period) or one period of it (the history: every value recorded), with
     * the value measured (null if none) and the value the trajectory expects that year.
     */
    public record Point(int year, int period, BigDecimal value, Integer n, BigDecimal expected, KpiStatus status) {

        /** The status by name (ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA), for modules that only show it. */
        public String statusName() {
            return status.name();
        }
    }
}
