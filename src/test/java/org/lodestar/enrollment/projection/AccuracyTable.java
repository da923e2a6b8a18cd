package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

/**
 * Lodestar's backtest beside the baseline's, printed as README shows it, and the targets of issue #12 checked: school
 * and district MAPE at or below the baseline's at every horizon, 80% bands holding 75-85% at grade and school level,
 * and the district total's 80% band holding 65-95% pooled over horizons 1 to 5: a district has one error per origin
 * and horizon, so its coverage rests on 20 to 80 forecasts from 6 to 18 origins, and a wider range is all it can
 * honestly be held to.
 */
final class AccuracyTable {

    private AccuracyTable() {}

    static void print(String title, Backtest.Report ours, Backtest.Report plain) {
        System.out.println(title + " (Lodestar / baseline at each cell):");
        System.out.println("| years ahead | school MAPE | schools within 2% | district MAPE | in 80% band: grade"
                + " | in 80% band: school | in 80% band: district |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Backtest.Row row : ours.rows()) {
            Backtest.Row base = plain.at(row.horizon());
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.2f%% / %.2f%% | %.1f%% / %.1f%% | %.2f%% / %.2f%% | %s / %s | %s / %s | %s / %s |%n",
                    row.horizon(),
                    row.schoolMape(),
                    base.schoolMape(),
                    row.schoolsWithin2Percent(),
                    base.schoolsWithin2Percent(),
                    row.districtMape(),
                    base.districtMape(),
                    percent(row.gradeCoverage80()),
                    percent(base.gradeCoverage80()),
                    percent(row.coverage80()),
                    percent(base.coverage80()),
                    percent(row.districtCoverage80()),
                    percent(base.districtCoverage80()));
        }
        System.out.printf(
                Locale.ROOT,
                "district totals in the 80%% band, horizons pooled: %.1f%% / %.1f%% of %d forecasts from %d origins%n",
                districtCoverage(ours),
                districtCoverage(plain),
                districtForecasts(ours),
                ours.rows().get(0).origins());
    }

    /** The share of district totals inside their 80% band, over every horizon's forecasts. */
    static double districtCoverage(Backtest.Report report) {
        double inside = 0;
        for (Backtest.Row row : report.rows()) {
            inside += row.districtCoverage80() * row.origins();
        }
        return inside / districtForecasts(report);
    }

    static int districtForecasts(Backtest.Report report) {
        return report.rows().stream().mapToInt(Backtest.Row::origins).sum();
    }

    static void assertTargets(Backtest.Report ours, Backtest.Report plain, int horizons) {
        for (int h = 1; h <= horizons; h++) {
            Backtest.Row row = ours.at(h);
            Backtest.Row base = plain.at(h);
            assertThat(row.schoolMape()).as("school MAPE, %d years ahead", h).isLessThanOrEqualTo(base.schoolMape());
            assertThat(row.districtMape())
                    .as("district MAPE, %d years ahead", h)
                    .isLessThanOrEqualTo(base.districtMape());
            assertThat(row.gradeCoverage80())
                    .as("grades in the 80%% band, %d years ahead", h)
                    .isBetween(75.0, 85.0);
            assertThat(row.coverage80())
                    .as("schools in the 80%% band, %d years ahead", h)
                    .isBetween(75.0, 85.0);
        }
        assertThat(districtCoverage(ours))
                .as("district totals in the 80%% band, horizons 1-%d pooled", horizons)
                .isBetween(65.0, 95.0);
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value);
    }
}
