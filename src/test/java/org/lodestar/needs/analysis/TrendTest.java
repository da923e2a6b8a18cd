package org.lodestar.needs.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestar.needs.analysis.Trend.Point;
import org.lodestar.needs.analysis.Trend.Verdict;

/** The trend tests against published reference values. */
class TrendTest {

    /**
     * In R:
     *
     * <pre>
     * &gt; prop.test(c(15, 25), c(50, 50), correct = FALSE)
     * X-squared = 4.1667, df = 1, p-value = 0.04123
     * </pre>
     *
     * (R is not installed on the build machine; the same Pearson statistic was reproduced with
     * {@code scipy.stats.chi2_contingency([[15, 35], [25, 25]], correction=False)}: 4.166667, p = 0.0412268.) By hand:
     * pooled share 40/100 = 0.4, standard error sqrt(0.4 x 0.6 x (1/50 + 1/50)) = 0.0979796, z = (0.5 - 0.3) / 0.0979796
     * = 2.041241, and z squared = 4.166667 = X-squared.
     */
    @Test
    void theTwoProportionTestMatchesRsPropTest() {
        Trend trend = Trend.of(List.of(new Point(2022, 30.0, 50), new Point(2024, 50.0, 50)), true, true);

        assertThat(trend.z()).isCloseTo(2.041241, within(1e-6));
        assertThat(trend.z() * trend.z()).isCloseTo(4.1667, within(1e-4));
        assertThat(trend.pValue()).isCloseTo(0.04123, within(1e-5));
        assertThat(trend.change()).isCloseTo(20.0, within(1e-9));
        assertThat(trend.slope()).isNull(); // two years: no regression
        assertThat(trend.verdict()).isEqualTo(Verdict.IMPROVING);
        // the same rise of chronic absenteeism (lower is better) is a worsening
        assertThat(Trend.of(List.of(new Point(2022, 30.0, 50), new Point(2024, 50.0, 50)), false, true)
                        .verdict())
                .isEqualTo(Verdict.WORSENING);
    }

    /**
     * In R: {@code prop.test(c(62, 41), c(200, 200), correct = FALSE)} gives X-squared = 5.7664, df = 1, p-value =
     * 0.01634 (reproduced with scipy as above: 5.766402, p = 0.0163354). 31% to 20.5% of 200 students each year.
     */
    @Test
    void aFallIsADecreaseWithANegativeZ() {
        Trend trend = Trend.of(List.of(new Point(2023, 31.0, 200), new Point(2024, 20.5, 200)), false, true);

        assertThat(trend.z()).isCloseTo(-Math.sqrt(5.766402), within(1e-5));
        assertThat(trend.pValue()).isCloseTo(0.01634, within(1e-5));
        assertThat(trend.verdict()).isEqualTo(Verdict.IMPROVING); // chronic absenteeism fell
    }

    /**
     * Anscombe's quartet, set I: F. J. Anscombe, "Graphs in Statistical Analysis", The American Statistician 27(1),
     * 1973, pp. 17-21 (also R's built-in {@code anscombe} data set): fitted line y = 3 + 0.5 x, standard error of the
     * slope 0.118, t = 4.24 with 9 degrees of freedom. The 95% interval is 0.5001 +/- t(0.975, 9) x 0.1179 = 2.262157
     * x 0.1179055, that is 0.2334 to 0.7668 ({@code confint(lm(y1 ~ x1, anscombe))}).
     */
    @Test
    void theSlopeAndItsIntervalMatchAnscombesPublishedFit() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(new Point(2000 + (int) x[i], y[i], null));
        }

        Trend trend = Trend.of(points, true, false);

        assertThat(trend.slope()).isCloseTo(0.5001, within(1e-4));
        assertThat((trend.slopeUpper() - trend.slopeLower()) / 2 / 2.262157).isCloseTo(0.118, within(5e-4));
        assertThat(trend.slopeLower()).isCloseTo(0.2334, within(1e-4));
        assertThat(trend.slopeUpper()).isCloseTo(0.7668, within(1e-4));
        assertThat(trend.z()).isNull(); // not percents with n
        assertThat(trend.verdict()).isEqualTo(Verdict.IMPROVING);
        assertThat(Trend.of(points, false, false).verdict()).isEqualTo(Verdict.WORSENING);
    }

    @Test
    void noiseIsNoClearChange() {
        // 3 points up and down: the slope's interval holds 0; 50 students: 20% -> 24% is p = 0.63
        Trend trend = Trend.of(
                List.of(new Point(2022, 20.0, 50), new Point(2023, 26.0, 50), new Point(2024, 24.0, 50)), false, true);

        assertThat(trend.slopeLower()).isNegative();
        assertThat(trend.slopeUpper()).isPositive();
        assertThat(trend.pValue()).isGreaterThan(0.05);
        assertThat(trend.verdict()).isEqualTo(Verdict.NO_CLEAR_CHANGE);
        assertThat(Trend.of(List.of(new Point(2024, 20.0, 50)), false, true)).isNull();
    }
}
