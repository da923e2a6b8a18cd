package org.lodestar.measures.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.TreeMap;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.projection.TargetProjection;
import org.lodestar.measures.status.Direction;

/** The KPI page's "will we reach the target?": the projection of the scope shown to the KPI's end target. */
final class KpiProjection {

    private KpiProjection() {}

    /** What the page shows, in the KPI's decimals. */
    record View(
            int targetYear,
            BigDecimal projected,
            BigDecimal lower80,
            BigDecimal upper80,
            BigDecimal trendError,
            BigDecimal heldError,
            int backtestForecasts,
            TargetProjection.Outlook outlook) {

        static View of(TargetProjection.Result result) {
            return new View(
                    result.targetYear(),
                    BigDecimal.valueOf(result.projected()),
                    BigDecimal.valueOf(result.lower80()),
                    BigDecimal.valueOf(result.upper80()),
                    BigDecimal.valueOf(result.trendError()),
                    BigDecimal.valueOf(result.heldError()),
                    result.backtestForecasts(),
                    result.outlook());
        }
    }

    static Optional<View> of(Kpi kpi, KpiOverview overview) {
        if (kpi.endYear() == null) {
            return Optional.empty();
        }
        TreeMap<Integer, Double> values = new TreeMap<>();
        overview.series().stream()
                .filter(point -> point.value() != null)
                .forEach(point -> values.put(point.year(), point.value().doubleValue()));
        return TargetProjection.of(
                        values,
                        kpi.endYear(),
                        kpi.endTarget().doubleValue(),
                        kpi.direction() == Direction.HIGHER_IS_BETTER)
                .map(View::of);
    }
}
