package org.lodestar.enrollment.projection;

import java.util.List;

/**
 * How several observed progression ratios (oldest first) become the one used to project. EXPONENTIAL is the
 * smoothing NCES uses; WEIGHTED gives the most recent ratio the largest linear weight.
 */
public enum Averaging {
    MEAN,
    WEIGHTED,
    MEDIAN,
    LAST,
    GEOMETRIC,
    EXPONENTIAL,
    /** Students who moved up over students who could have; given ratios alone, their mean. */
    POOLED;

    /** Smoothing weight of the newest ratio for EXPONENTIAL. */
    static final double ALPHA = 0.4;

    public double of(List<Double> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            throw new IllegalArgumentException("No ratio to average");
        }
        int n = oldestFirst.size();
        return switch (this) {
            case MEAN, POOLED ->
                oldestFirst.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case WEIGHTED -> {
                double sum = 0;
                double weights = 0;
                for (int i = 0; i < n; i++) {
                    sum += (i + 1) * oldestFirst.get(i);
                    weights += i + 1;
                }
                yield sum / weights;
            }
            case MEDIAN -> {
                double[] sorted = oldestFirst.stream()
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
                yield n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
            case LAST -> oldestFirst.get(n - 1);
            case GEOMETRIC ->
                Math.exp(oldestFirst.stream().mapToDouble(Math::log).average().orElseThrow());
            case EXPONENTIAL -> {
                double smoothed = oldestFirst.get(0);
                for (int i = 1; i < n; i++) {
                    smoothed = ALPHA * oldestFirst.get(i) + (1 - ALPHA) * smoothed;
                }
                yield smoothed;
            }
        };
    }
}
