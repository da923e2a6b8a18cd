package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schools scaled grade by grade to the district's own forecast, moves between schools included. */
class ReconciliationTest {

    private static final Method PLAIN_RECONCILED = new Method(Averaging.MEAN, 2, 0, false, 3, 1, 0, true);

    /** An elementary school (K-1) feeding a middle school whose entry grade is 2. */
    private static EnrollmentHistory feeder() {
        EnrollmentHistory history = new EnrollmentHistory();
        int[][] rows = {{2020, 100, 90, 80}, {2021, 100, 95, 85}, {2022, 100, 95, 90}};
        for (int[] row : rows) {
            history.put("E", row[0], Grade.K, row[1]);
            history.put("E", row[0], Grade.G1, row[2]);
            history.put("M", row[0], Grade.G2, row[3]);
        }
        return history;
    }

    @Test
    void aMiddleSchoolsEntryGradeFollowsTheDistrictsFifthGradersSoToSpeak() {
        EnrollmentHistory history = feeder();
        CohortSurvival survival = new CohortSurvival(PLAIN_RECONCILED);
        List<SchoolForecast> forecasts = new ArrayList<>();
        forecasts.add(survival.forecast(history, "E", 2, null, null));
        forecasts.add(survival.forecast(history, "M", 2, null, null));
        // alone, the middle school holds its grade 2 at its 3-year mean: 85
        assertThat(forecasts.get(1).years().get(2023).get(Grade.G2)).isCloseTo(85, within(1e-9));

        Reconciliation.reconcile(history, 2022, forecasts, PLAIN_RECONCILED);

        // the district's grade 1 to 2 ratio over 2021-2022, across schools: (85 + 90) / (90 + 95)
        assertThat(forecasts.get(1).years().get(2023).get(Grade.G2)).isCloseTo(95 * 175.0 / 185, within(1e-9));
        // kindergarten, the district's entry grade, is the schools' own; grade 1 agreed already (ratio 0.95 both)
        assertThat(forecasts.get(0).years().get(2023).get(Grade.K)).isCloseTo(100, within(1e-9));
        assertThat(forecasts.get(0).years().get(2023).get(Grade.G1)).isCloseTo(95, within(1e-9));
        // a year later grade 2 follows the district's grade 1 of 2023
        assertThat(forecasts.get(1).years().get(2024).get(Grade.G2)).isCloseTo(95 * 175.0 / 185, within(1e-9));
    }

    @Test
    void aGradeMissingAtTheOriginIsNotTurnedIntoZeros() {
        EnrollmentHistory history = new EnrollmentHistory();
        int[][] rows = {{2020, 50, 48, 47}, {2021, 52, 49, 46}};
        for (int[] row : rows) {
            history.put("S", row[0], Grade.K, row[1]);
            history.put("S", row[0], Grade.G1, row[2]);
            history.put("S", row[0], Grade.G2, row[3]);
        }
        history.put("S", 2022, Grade.K, 51);
        history.put("S", 2022, Grade.G2, 45); // its grade 1 count was suppressed this year
        SchoolForecast forecast = new CohortSurvival(Method.BASELINE).forecast(history, "S", 2, null, null);
        // grade 2 has no feeder at the origin: held at its own last count, not zero
        assertThat(forecast.years().get(2023).get(Grade.G2)).isEqualTo(45);
        // grade 1 from kindergarten by the one K to 1 transition known (49 / 50)
        assertThat(forecast.years().get(2023).get(Grade.G1)).isCloseTo(51 * 49.0 / 50, within(1e-9));
        // and the year after, grade 2 follows grade 1 again
        assertThat(forecast.years().get(2024).get(Grade.G2)).isGreaterThan(0);
    }

    @Test
    void aTransitionTheSchoolNeverHadBorrowsTheDistrictsRatioEvenForTheBaseline() {
        EnrollmentHistory history = new EnrollmentHistory();
        int[][] rows = {{2020, 55, 50, 48}, {2021, 53, 52, 49}, {2022, 56, 54, 51}};
        for (int[] row : rows) {
            history.put("A", row[0], Grade.K, row[1]);
            history.put("A", row[0], Grade.G1, row[2]);
            history.put("A", row[0], Grade.G2, row[3]);
        }
        history.put("N", 2021, Grade.K, 40);
        history.put("N", 2022, Grade.K, 44);
        history.put("N", 2022, Grade.G1, 30);
        history.put("N", 2022, Grade.G2, 10); // grade 2 added in 2022, with students from elsewhere
        SchoolForecast forecast = new CohortSurvival(Method.BASELINE).forecast(history, "N", 1, null, null);
        // K to 1 in N: 30 / 40; 1 to 2 never seen in N, so the district's over 2021-2022: (49 + 51) / (50 + 52)
        assertThat(forecast.years().get(2023).get(Grade.G1)).isCloseTo(44 * 30.0 / 40, within(1e-9));
        assertThat(forecast.years().get(2023).get(Grade.G2)).isCloseTo(30 * 100.0 / 102, within(1e-9));
        assertThat(forecast.warnings()).anyMatch(w -> w.toString().contains("district ratio used"));
    }
}
