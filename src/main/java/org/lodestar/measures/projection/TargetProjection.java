package org.lodestar.measures.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Will a KPI reach its target? Its yearly values are carried on by their recent trend, damped year by year (a straight
 * line overshoots what schools can keep up), to the target's year; the 80% interval comes from the same projection's
 * own rolling-origin backtest on the KPI's history (errors scaled by the square root of the years ahead), and its
 * error is shown beside that of simply holding the latest value.
 */
public final class TargetProjection {

    /** Yearly values needed: three to fit a trend on, then at least two backtest errors to size the interval. */
    public static final int MINIMUM_YEARS = 5;

    static final int WINDOW = 5;
    static final double DAMPING = 0.8;
    private static final double Z80 = 1.2815515655446004;

    /** Whether the target looks within reach: the whole 80% interval on its good side, on its bad side, or across. */
    public enum Outlook {
        LIKELY,
        UNLIKELY,
        UNCERTAIN
    }

    /**
     * @param trendError mean absolute error of this projection in the KPI's own backtest, every horizon up to the
     *     target's
     * @param heldError the same for holding the latest value (the plain baseline)
     */
    public record Result(
            int targetYear,
            double target,
            double projected,
            double lower80,
            double upper80,
            double trendError,
            double heldError,
            int backtestForecasts,
            Outlook outlook) {}

    private TargetProjection() {}

    /** Empty when the history is too short or the target's year has passed. */
    public static Optional<Result> of(
            NavigableMap<Integer, Double> values, int targetYear, double target, boolean higherIsBetter) {
        if (values.size() < MINIMUM_YEARS || targetYear <= values.lastKey()) {
            return Optional.empty();
        }
        int horizon = targetYear - values.lastKey();
        List<double[]> errors = new ArrayList<>(); // years ahead, trend error, held error
        for (int origin : values.keySet()) {
            NavigableMap<Integer, Double> known = values.headMap(origin, true);
            if (known.size() < 3) {
                continue;
            }
            for (var later : values.tailMap(origin, false)
                    .headMap(origin + horizon, true)
                    .entrySet()) {
                int ahead = later.getKey() - origin;
                errors.add(new double[] {
                    ahead,
                    later.getValue() - project(known, ahead),
                    later.getValue() - known.lastEntry().getValue()
                });
            }
        }
        if (errors.size() < 2) {
            return Optional.empty();
        }
        double squares = 0;
        double trendError = 0;
        double heldError = 0;
        for (double[] error : errors) {
            squares += error[1] * error[1] / error[0];
            trendError += Math.abs(error[1]);
            heldError += Math.abs(error[2]);
        }
        double spread = Z80 * Math.sqrt(squares / errors.size() * horizon);
        double projected = project(values, horizon);
        double lower = projected - spread;
        double upper = projected + spread;
        boolean goodLow = higherIsBetter ? lower >= target : upper <= target;
        boolean badHigh = higherIsBetter ? upper < target : lower > target;
        return Optional.of(new Result(
                targetYear,
                target,
                projected,
                lower,
                upper,
                trendError / errors.size(),
                heldError / errors.size(),
                errors.size(),
                goodLow ? Outlook.LIKELY : badHigh ? Outlook.UNLIKELY : Outlook.UNCERTAIN));
    }

    /** The value {@code ahead} years past the last: the fitted line's last point plus its slope, damped each year. */
    static double project(NavigableMap<Integer, Double> values, int ahead) {
        List<double[]> recent = new ArrayList<>();
        for (var entry : values.descendingMap().entrySet()) {
            if (recent.size() == WINDOW) {
                break;
            }
            recent.add(new double[] {entry.getKey(), entry.getValue()});
        }
        double meanX = recent.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = recent.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] point : recent) {
            sxy += (point[0] - meanX) * (point[1] - meanY);
            sxx += (point[0] - meanX) * (point[0] - meanX);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double last = meanY + slope * (values.lastKey() - meanX);
        double carried = DAMPING * (1 - Math.pow(DAMPING, ahead)) / (1 - DAMPING);
        return last + slope * carried;
    }
}
