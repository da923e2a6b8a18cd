package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Synthetic districts of K-5 schools that grow or shrink, where one school opens (kindergarten to grade 2, adding a
 * grade a year) and one closes (its students going to a neighbour): Lodestar's method at or below the baseline, for
 * schools and the district, at every horizon, and every school still counted gets a forecast.
 */
class SyntheticDistrictsTest {

    private static final int FIRST = 2010;
    private static final int YEARS = 12;

    @ParameterizedTest
    @CsvSource({"growing, 0.03", "shrinking, -0.03", "steady, 0"})
    void atOrBelowTheBaseline(String name, double growth) {
        EnrollmentHistory history = district(growth, new Random(7));
        Backtest.Report ours = Backtest.run(history, new Births(), Method.LODESTAR, 3, FIRST + YEARS - 1);
        Backtest.Report plain = Backtest.run(history, new Births(), Method.BASELINE, 3, FIRST + YEARS - 1);
        for (int h = 1; h <= 3; h++) {
            System.out.printf(
                    Locale.ROOT,
                    "%s, %d years ahead: schools %.2f%% (baseline %.2f%%), district %.2f%% (baseline %.2f%%)%n",
                    name,
                    h,
                    ours.at(h).schoolMape(),
                    plain.at(h).schoolMape(),
                    ours.at(h).districtMape(),
                    plain.at(h).districtMape());
            assertThat(ours.at(h).schoolMape()).isLessThanOrEqualTo(plain.at(h).schoolMape());
            assertThat(ours.at(h).districtMape())
                    .isLessThanOrEqualTo(plain.at(h).districtMape());
        }
        EnrollmentForecaster.Result result = EnrollmentForecaster.forecast(history, new Births(), Method.LODESTAR, 3);
        // the new school (with its added grades) and every other open school, but not the closed one
        assertThat(result.schoolTotals().stream()
                        .map(EnrollmentForecaster.SchoolTotal::school)
                        .distinct())
                .hasSize(20)
                .contains("new")
                .doesNotContain("S1");
        assertThat(result.cells()).allMatch(cell -> cell.forecast() > 0);
    }

    /** 20 schools of 20-60 students a grade, kindergarten drifting by {@code growth} a year. */
    static EnrollmentHistory district(double growth, Random random) {
        EnrollmentHistory history = new EnrollmentHistory();
        double[][] counts = new double[20][6];
        double[] ratios = new double[20];
        for (int s = 0; s < 20; s++) {
            ratios[s] = 0.96 + random.nextDouble() * 0.08;
            double size = 20 + random.nextDouble() * 40;
            for (int g = 0; g < 6; g++) {
                counts[s][g] = size;
            }
        }
        double[] opened = new double[6];
        for (int y = 0; y < YEARS; y++) {
            int year = FIRST + y;
            for (int s = 0; s < 20; s++) {
                double[] next = new double[6];
                next[0] = counts[s][0] * (1 + growth) * (0.94 + random.nextDouble() * 0.12);
                for (int g = 1; g < 6; g++) {
                    next[g] = counts[s][g - 1] * ratios[s] * (0.95 + random.nextDouble() * 0.1);
                }
                counts[s] = next;
            }
            if (y >= 6) { // S1 has closed: its students went to S0
                for (int g = 0; g < 6; g++) {
                    counts[0][g] += counts[1][g];
                    counts[1][g] = 0;
                }
            }
            for (int s = 0; s < 20; s++) {
                if (s == 1 && y >= 6) {
                    continue;
                }
                for (int g = 0; g < 6; g++) {
                    history.put("S" + s, year, Grade.values()[g + 1], (int) Math.round(counts[s][g]));
                }
            }
            if (y >= 5) { // "new" opens with K-2 and adds a grade a year
                int top = Math.min(5, 2 + y - 5);
                for (int g = top; g >= 0; g--) {
                    opened[g] = g == 0 ? 30 * Math.pow(1 + growth, y) : (opened[g - 1] > 0 ? opened[g - 1] : 25);
                }
                for (int g = 0; g <= top; g++) {
                    history.put("new", year, Grade.values()[g + 1], (int) Math.round(opened[g]));
                }
            }
        }
        return history;
    }
}
