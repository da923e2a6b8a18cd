package org.lodestar.measures.web;

import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.TrendChart;
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
        return json.writeValueAsString(TrendChart.spec(overview, actualLabel, targetLabel));
    }
}
