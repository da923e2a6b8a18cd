package org.lodestar.measures.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.measures.KpiOverview;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The data attribute that lodestar.js turns into a trend chart with the target path drawn. */
@Component
class Charts {

    private final JsonMapper json;

    Charts(JsonMapper json) {
        this.json = json;
    }

    String trend(KpiOverview overview, String actualLabel, String targetLabel) {
        List<KpiOverview.Point> points = overview.series();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "years",
                points.stream().map(p -> new SchoolYear(p.year()).toString()).toList());
        spec.put("actual", points.stream().map(p -> p.value()).toList());
        spec.put("target", points.stream().map(p -> p.expected()).toList());
        spec.put("actualLabel", actualLabel);
        spec.put("targetLabel", targetLabel);
        return json.writeValueAsString(spec);
    }
}
