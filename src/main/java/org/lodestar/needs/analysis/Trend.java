package org.lodestar.needs.analysis;

import java.util.Comparator;
import java.util.List;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Whether a metric's change over the years is more than noise.
 *
 * <p>Two tests, each where it applies: between the first and the last year a two-proportion z test (for percents whose
 * n is known in both years: the Pearson chi-squared test of the 2x2 table of students with and without the trait,
 * without continuity correction, as R's {@code prop.test(..., correct = FALSE)}; z is the square root of chi-squared
 * with the change's sign); with three or more years an ordinary least-squares slope per year with its 95% confidence
 * interval (Student's t with n - 2 degrees of freedom). The change is "improving" or "worsening" when a test that
 * applies finds it at the 5% level (the z test's p below 0.05, or the slope's interval not holding 0) and no test finds
 * the opposite; otherwise there is "no clear change".
 *
 * @param change the last year's value minus the first's
 * @param z the two-proportion z statistic, or null when the test does not apply
 * @param pValue the two-proportion test's two-sided p-value, or null
 * @param slope the least-squares change per year, or null with fewer than three years
 * @param slopeLower the slope's 95% interval, lower end, or null
 * @param slopeUpper the slope's 95% interval, upper end, or null
 */
public record Trend(
        int firstYear,
        int lastYear,
        double change,
        Double z,
        Double pValue,
        Double slope,
        Double slopeLower,
        Double slopeUpper,
        Verdict verdict) {

    public static final double ALPHA = 0.05;

    /** What the change over the years says. */
    public enum Verdict {
        IMPROVING,
        WORSENING,
        NO_CLEAR_CHANGE
    }

    /** A year's value and how many students it is computed from (null when unknown). */
    public record Point(int year, double value, Integer n) {}

    /**
     * The trend of a metric's values over the years, or null with fewer than two years.
     *
     * @param percent whether the values are percents (0..100), so that the two-proportion test applies
     */
    public static Trend of(List<Point> points, boolean higherIsBetter, boolean percent) {
        List<Point> sorted =
                points.stream().sorted(Comparator.comparingInt(Point::year)).toList();
        if (sorted.size() < 2) {
            return null;
        }
        Point first = sorted.get(0);
        Point last = sorted.get(sorted.size() - 1);
        double change = last.value() - first.value();
        Double z = null;
        Double p = null;
        if (percent && usable(first) && usable(last)) {
            double[] test = twoProportion(first, last);
            z = test[0];
            p = test[1];
        }
        Double slope = null;
        Double lower = null;
        Double upper = null;
        if (sorted.size() >= 3) {
            SimpleRegression regression = new SimpleRegression();
            sorted.forEach(point -> regression.addData(point.year(), point.value()));
            slope = regression.getSlope();
            double halfWidth = regression.getSlopeConfidenceInterval(ALPHA);
            if (!Double.isNaN(halfWidth)) {
                lower = slope - halfWidth;
                upper = slope + halfWidth;
            }
        }
        int direction = 0; // +1 up, -1 down, 0 none found, 2 tests disagree
        if (p != null && p < ALPHA && change != 0) {
            direction = change > 0 ? 1 : -1;
        }
        if (lower != null && (lower > 0 || upper < 0)) {
            int bySlope = lower > 0 ? 1 : -1;
            direction = direction == 0 || direction == bySlope ? bySlope : 2;
        }
        Verdict verdict;
        if (direction == 1 || direction == -1) {
            verdict = (direction == 1) == higherIsBetter ? Verdict.IMPROVING : Verdict.WORSENING;
        } else {
            verdict = Verdict.NO_CLEAR_CHANGE;
        }
        return new Trend(first.year(), last.year(), change, z, p, slope, lower, upper, verdict);
    }

    /**
     * The two-proportion z statistic and its two-sided p-value between two percents with their n: the students with the
     * trait are the percent of n, rounded to whole students.
     */
    public static double[] twoProportion(Point before, Point after) {
        long x1 = Math.round(before.value() / 100.0 * before.n());
        long x2 = Math.round(after.value() / 100.0 * after.n());
        long[][] table = {{x1, before.n() - x1}, {x2, after.n() - x2}};
        if (x1 + x2 == 0 || x1 + x2 == before.n() + after.n()) {
            return new double[] {0, 1}; // nobody or everybody in both years: no change to test
        }
        ChiSquareTest test = new ChiSquareTest();
        double chiSquared = test.chiSquare(table);
        double p = test.chiSquareTest(table);
        double share1 = (double) x1 / before.n();
        double share2 = (double) x2 / after.n();
        return new double[] {Math.signum(share2 - share1) * Math.sqrt(chiSquared), p};
    }

    private static boolean usable(Point point) {
        return point.n() != null && point.n() > 0 && point.value() >= 0 && point.value() <= 100;
    }
}
