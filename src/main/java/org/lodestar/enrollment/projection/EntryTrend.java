package org.lodestar.enrollment.projection;

import java.util.List;

/**
 * The entry grade's recent trend, carried on damped: held level alone misses a steady decline, a straight line alone
 * overshoots; each further year adds a smaller share of the yearly change (damped trend, Gardner and McKenzie).
 */
final class EntryTrend {

    private EntryTrend() {}

    /** Least-squares change per year of counts, oldest first (0 for fewer than two). */
    static double slope(List<? extends Number> oldestFirst) {
        int n = oldestFirst.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY =
                oldestFirst.stream().mapToDouble(Number::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (oldestFirst.get(i).doubleValue() - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx;
    }

    /**
     * The level h years past the last of n counts whose mean is {@code mean}: the mean sits (n - 1) / 2 years before
     * the last, so the trend is carried over (n - 1) / 2 + h years, each damped by {@code damping} once more.
     */
    static double project(double mean, double slope, int n, int h, double damping) {
        if (damping == 0 || slope == 0) {
            return mean;
        }
        double steps = (n - 1) / 2.0 + h;
        double carried = damping == 1 ? steps : damping * (1 - Math.pow(damping, steps)) / (1 - damping);
        return Math.max(0, mean + slope * carried);
    }
}
