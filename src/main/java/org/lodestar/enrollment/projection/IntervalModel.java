package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prediction intervals from a method's own past errors: the spread of log(actual / forecast) of school totals, by
 * years ahead and school size, turned into bands around a new forecast. A band's quantiles come from the errors of
 * its own horizon and size; too few of those, and the horizon's errors of every size are used.
 */
public final class IntervalModel {

    static final int MINIMUM_ERRORS = 15;
    private static final int[] SIZE_LIMITS = {250, 500};

    private final Map<Integer, List<Double>> byHorizon = new HashMap<>();
    private final Map<String, List<Double>> byHorizonAndSize = new HashMap<>();

    /** A band: multiply a forecast by these to get its interval. */
    public record Band(double lower80, double upper80, double lower95, double upper95) {}

    public void add(int horizon, double forecastTotal, double actualTotal) {
        if (forecastTotal <= 0 || actualTotal <= 0) {
            return;
        }
        double error = Math.log(actualTotal / forecastTotal);
        byHorizon.computeIfAbsent(horizon, h -> new ArrayList<>()).add(error);
        byHorizonAndSize
                .computeIfAbsent(key(horizon, forecastTotal), k -> new ArrayList<>())
                .add(error);
    }

    public boolean covers(int horizon) {
        return byHorizon.getOrDefault(horizon, List.of()).size() >= MINIMUM_ERRORS;
    }

    /**
     * The band for a forecast this many years ahead. Beyond the longest horizon the history could test, the errors of
     * that horizon are widened with the square root of the years, as a random walk's would be.
     */
    public Band band(int horizon, double schoolTotal) {
        int tested = byHorizon.keySet().stream()
                .filter(h -> h <= horizon)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        if (tested == 0) {
            return new Band(1, 1, 1, 1);
        }
        List<Double> errors = byHorizonAndSize.getOrDefault(key(tested, schoolTotal), List.of());
        if (errors.size() < MINIMUM_ERRORS) {
            errors = byHorizon.get(tested);
        }
        double widen = Math.sqrt((double) horizon / tested);
        double[] sorted =
                errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Band(
                Math.exp(widen * quantile(sorted, 0.10)),
                Math.exp(widen * quantile(sorted, 0.90)),
                Math.exp(widen * quantile(sorted, 0.025)),
                Math.exp(widen * quantile(sorted, 0.975)));
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static String key(int horizon, double schoolTotal) {
        int band = (int)
                Arrays.stream(SIZE_LIMITS).filter(limit -> schoolTotal >= limit).count();
        return horizon + ":" + band;
    }
}
