package org.lodestar.enrollment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart descriptions for lodestar.js: lines, stacked areas, and prediction bands drawn as a transparent lower line
 * with the band's width stacked on it.
 */
@Component
class EnrollmentCharts {

    private final JsonMapper json;

    EnrollmentCharts(JsonMapper json) {
        this.json = json;
    }

    /** A chart under construction: the years along the bottom and the series over them. */
    final class Chart {
        private final List<Integer> years;
        private final List<Map<String, Object>> series = new ArrayList<>();

        Chart(List<Integer> years) {
            this.years = years;
        }

        Chart line(String name, List<Double> values, boolean dashed) {
            Map<String, Object> line = base(name, values);
            if (dashed) {
                line.put("lineStyle", Map.of("type", "dashed"));
            }
            series.add(line);
            return this;
        }

        Chart stacked(String name, List<Double> values, String stack) {
            Map<String, Object> area = base(name, values);
            area.put("stack", stack);
            area.put("areaStyle", Map.of());
            area.put("symbol", "none");
            series.add(area);
            return this;
        }

        /**
         * A band drawn as its lower edge plus its width, both of whole students as displayed: the width is taken
         * between the rounded edges, so a forecast inside its band stays inside it on the chart. Both parts carry the
         * band's colour, which is what the legend shows for it.
         */
        Chart band(String name, List<Double> lower, List<Double> upper, double opacity) {
            String stack = "band-" + name;
            String colour = "rgba(29, 78, 137, " + opacity + ")";
            Map<String, Object> bottom = base(name, lower);
            bottom.put("itemStyle", Map.of("color", colour));
            bottom.put("stack", stack);
            bottom.put("lineStyle", Map.of("opacity", 0));
            bottom.put("symbol", "none");
            bottom.put("tooltip", Map.of("show", false));
            Map<String, Object> width = base(name, difference(upper, lower));
            width.put("stack", stack);
            width.put("lineStyle", Map.of("opacity", 0));
            width.put("areaStyle", Map.of("color", colour));
            width.put("itemStyle", Map.of("color", colour));
            width.put("symbol", "none");
            width.put("tooltip", Map.of("show", false));
            series.add(bottom);
            series.add(width);
            return this;
        }

        String json() {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put(
                    "years",
                    years.stream().map(y -> SchoolYear.of(y).toString()).toList());
            spec.put("series", series);
            spec.put("fromZero", false);
            return json.writeValueAsString(spec);
        }

        private Map<String, Object> base(String name, List<Double> values) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("type", "line");
            s.put(
                    "data",
                    values.stream().map(v -> v == null ? null : Math.round(v)).toList());
            return s;
        }

        private List<Double> difference(List<Double> upper, List<Double> lower) {
            List<Double> result = new ArrayList<>();
            for (int i = 0; i < upper.size(); i++) {
                result.add(
                        upper.get(i) == null || lower.get(i) == null
                                ? null
                                : (double) (Math.round(upper.get(i)) - Math.round(lower.get(i))));
            }
            return result;
        }
    }

    Chart chart(List<Integer> years) {
        return new Chart(years);
    }
}
