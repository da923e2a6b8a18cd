package org.lodestar.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPIs counted by status (on track, at risk, off track, no data), and the chart of such counts that lodestar.js draws:
 * one stacked bar per goal, in the statuses' colours. The home pages and the public scorecard show the same summary.
 */
final class StatusCounts {

    static final List<String> STATUSES = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA");

    private StatusCounts() {}

    /** How many of the statuses are each status, every status present (zero when none). */
    static Map<String, Integer> of(List<String> statuses) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(status -> counts.put(status, 0));
        statuses.forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts;
    }

    /** Stacked bars, one per category (a goal's title) with its counts, one colour per status. */
    static String chart(
            List<String> categories,
            List<Map<String, Integer>> counts,
            MessageSource messages,
            Locale locale,
            JsonMapper json) {
        List<Map<String, Object>> bars = STATUSES.stream()
                .map(status -> Map.<String, Object>of(
                        "status",
                        status,
                        "name",
                        messages.getMessage("status." + status, null, locale),
                        "data",
                        counts.stream().map(c -> c.get(status)).toList()))
                .toList();
        return json.writeValueAsString(Map.of("categories", categories, "bars", bars));
    }
}
