package org.lodestar.measures;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lodestar.shared.SchoolYear;

/** What lodestar.js needs to draw a KPI's trend with its target path, for any page that shows one. */
public final class TrendChart {

    private TrendChart() {}

    public static Map<String, Object> spec(KpiOverview overview, String actualLabel, String targetLabel) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "years",
                overview.series().stream()
                        .map(p -> SchoolYear.of(p.year()).toString())
                        .toList());
        spec.put(
                "actual",
                overview.series().stream().map(KpiOverview.Point::value).toList());
        spec.put(
                "target",
                overview.series().stream().map(KpiOverview.Point::expected).toList());
        spec.put("actualLabel", actualLabel);
        spec.put("targetLabel", targetLabel);
        return spec;
    }
}
