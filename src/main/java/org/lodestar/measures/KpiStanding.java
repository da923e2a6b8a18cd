package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a KPI stands for one scope and student group, as a home page shows it: its status at its latest value and at
 * the value recorded before that one, both judged by the same status rule as the scorecard, so that a change (on track
 * to at risk, say) can be told. Statuses are named like planning's indicators: ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA.
 *
 * @param previousStatus null when the KPI has fewer than two values in the scope
 */
public record KpiStanding(
        Kpi kpi, String status, String previousStatus, Integer latestYear, BigDecimal latest, BigDecimal expected) {

    /** The standing behind a scorecard's overview, read from its history (every value recorded, in order). */
    public static KpiStanding of(KpiOverview overview) {
        List<KpiOverview.Point> measured = overview.history().stream()
                .filter(point -> point.value() != null)
                .toList();
        String previous = measured.size() < 2
                ? null
                : measured.get(measured.size() - 2).status().name();
        return new KpiStanding(
                overview.kpi(),
                overview.status().name(),
                previous,
                overview.latestYear(),
                overview.latest(),
                overview.expected());
    }

    /**
     * True when the latest value moved the KPI to another status than the value before it had. A value before the
     * baseline year has no status to change from (nothing was expected of it), so a KPI's first judged value is no change.
     */
    public boolean changed() {
        return previousStatus != null && !previousStatus.equals("NO_DATA") && !previousStatus.equals(status);
    }
}
