package org.lodestar.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A band is drawn as its rounded lower edge plus a width: the top as drawn is the rounded upper edge, so a forecast
 * inside its band is inside it on the chart too, and the legend shows each band in its own colour.
 */
class BandAsDrawnTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theTopAsDrawnIsTheRoundedUpperEdgeSoTheForecastStaysInside() {
        Random random = new Random(12);
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double low = 50 + random.nextDouble() * 500;
            double mid = low + random.nextDouble() * 3;
            lower.add(low);
            forecast.add(mid);
            upper.add(mid + random.nextDouble() * 3);
        }
        // the case that broke the old drawing: 99.4 -> 99 plus a width of 1.2 -> 1 puts the top at 100 under 100.5
        lower.add(99.4);
        forecast.add(100.5);
        upper.add(100.6);
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < lower.size(); i++) {
            years.add(1900 + i % 300);
        }
        String spec = new EnrollmentCharts(json)
                .chart(years)
                .band("80%", lower, upper, 0.25)
                .line("Forecast", forecast, true)
                .json();

        JsonNode series = json.readTree(spec).get("series");
        JsonNode bottom = series.get(0).get("data");
        JsonNode width = series.get(1).get("data");
        JsonNode line = series.get(2).get("data");
        for (int i = 0; i < lower.size(); i++) {
            long drawnLow = bottom.get(i).asLong();
            long drawnHigh = drawnLow + width.get(i).asLong();
            long drawnForecast = line.get(i).asLong();
            assertThat(drawnHigh).as("top of band %d", i).isEqualTo(Math.round(upper.get(i)));
            assertThat(drawnForecast).as("forecast %d", i).isBetween(drawnLow, drawnHigh);
        }
        assertThat(series.get(0).get("itemStyle").get("color").asString())
                .isEqualTo(series.get(1).get("areaStyle").get("color").asString())
                .contains("0.25");
    }

    @Test
    void eachBandHasItsOwnColourInTheLegend() {
        List<Double> low = Arrays.asList(1.0, 2.0);
        List<Double> high = Arrays.asList(3.0, 4.0);
        JsonNode series = json.readTree(new EnrollmentCharts(json)
                        .chart(List.of(2024, 2025))
                        .band("95%", low, high, 0.12)
                        .band("80%", low, high, 0.25)
                        .json())
                .get("series");
        assertThat(series.get(0).get("itemStyle").get("color").asString())
                .isNotEqualTo(series.get(2).get("itemStyle").get("color").asString());
    }
}
