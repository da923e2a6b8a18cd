package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference vectors of ../shared/data/enrollment/reference-vectors.md (R package enrollcast, Webster 1970). */
class GradeProgressionReferenceTest {

    private static EnrollmentHistory reference() {
        EnrollmentHistory history = new EnrollmentHistory();
        int[][] rows = {{2021, 100, 90, 80}, {2022, 110, 95, 88}, {2023, 120, 99, 91}};
        for (int[] row : rows) {
            history.put("S", row[0], Grade.K, row[1]);
            history.put("S", row[0], Grade.G1, row[2]);
            history.put("S", row[0], Grade.G2, row[3]);
        }
        return history;
    }

    private static double ratio(Averaging averaging, EnrollmentHistory history, Grade from) {
        List<Warning> warnings = new ArrayList<>();
        return averaging.of(
                new CohortSurvival(new Method(averaging, 3, 0, false, 3)).observedRatios(history, "S", from, warnings));
    }

    @Test
    void arithmeticMeanOfTheAvailableTransitions() {
        assertThat(ratio(Averaging.MEAN, reference(), Grade.K)).isCloseTo(0.925, within(1e-12));
        assertThat(ratio(Averaging.MEAN, reference(), Grade.G1)).isCloseTo(0.9678362573, within(1e-10));
    }

    @Test
    void otherAveraging() {
        assertThat(ratio(Averaging.GEOMETRIC, reference(), Grade.K)).isCloseTo(0.92466, within(1e-5));
        assertThat(ratio(Averaging.MEDIAN, reference(), Grade.K)).isCloseTo(0.925, within(1e-12));
        assertThat(ratio(Averaging.LAST, reference(), Grade.K)).isCloseTo(0.90, within(1e-12));
        assertThat(ratio(Averaging.LAST, reference(), Grade.G1)).isCloseTo(91.0 / 95, within(1e-12));
        assertThat(ratio(Averaging.WEIGHTED, reference(), Grade.K)).isCloseTo(0.916667, within(1e-6));
        // exponential smoothing with alpha 0.4: 0.4 * 0.9 + 0.6 * 0.95
        assertThat(ratio(Averaging.EXPONENTIAL, reference(), Grade.K)).isCloseTo(0.93, within(1e-12));
    }

    @Test
    void onlyCompleteTransitionsCount() {
        EnrollmentHistory history = new EnrollmentHistory();
        history.put("S", 2021, Grade.K, 100);
        history.put("S", 2021, Grade.G1, 90);
        history.put("S", 2021, Grade.G2, 80);
        history.put("S", 2022, Grade.K, 110);
        history.put("S", 2022, Grade.G2, 88);
        history.put("S", 2023, Grade.K, 120);
        history.put("S", 2023, Grade.G1, 99);
        history.put("S", 2023, Grade.G2, 91);
        assertThat(ratio(Averaging.MEAN, history, Grade.K)).isCloseTo(99.0 / 110, within(1e-12));
        assertThat(ratio(Averaging.MEAN, history, Grade.G1)).isCloseTo(88.0 / 90, within(1e-12));
    }

    @Test
    void projectsFromGivenKindergartenEntries() {
        var forecast = new CohortSurvival(Method.BASELINE)
                .forecast(reference(), "S", 3, Map.of(2024, 125.0, 2025, 130.0, 2026, 128.0), null);
        assertThat(forecast.years().get(2024).get(Grade.K)).isEqualTo(125.0);
        assertThat(forecast.years().get(2024).get(Grade.G1)).isCloseTo(111, within(1e-9));
        assertThat(forecast.years().get(2024).get(Grade.G2)).isCloseTo(95.815789, within(1e-6));
        assertThat(forecast.years().get(2025).get(Grade.K)).isEqualTo(130.0);
        assertThat(forecast.years().get(2025).get(Grade.G1)).isCloseTo(115.625, within(1e-9));
        assertThat(forecast.years().get(2025).get(Grade.G2)).isCloseTo(107.429825, within(1e-6));
        assertThat(forecast.years().get(2026).get(Grade.K)).isEqualTo(128.0);
        assertThat(forecast.years().get(2026).get(Grade.G1)).isCloseTo(120.25, within(1e-9));
        assertThat(forecast.years().get(2026).get(Grade.G2)).isCloseTo(111.906067, within(1e-6));
        assertThat(forecast.warnings()).isEmpty();
    }

    @Test
    void projectsFromTwoEntries() {
        var forecast = new CohortSurvival(Method.BASELINE)
                .forecast(reference(), "S", 2, Map.of(2024, 130.0, 2025, 140.0), null);
        assertThat(forecast.years().get(2024).get(Grade.G1)).isCloseTo(111, within(1e-9));
        assertThat(forecast.years().get(2024).get(Grade.G2)).isCloseTo(95.815789, within(1e-6));
        assertThat(forecast.years().get(2025).get(Grade.G1)).isCloseTo(120.25, within(1e-9));
        assertThat(forecast.years().get(2025).get(Grade.G2)).isCloseTo(107.429825, within(1e-6));
    }

    @Test
    void nonConsecutiveYearsGiveNoTransitionsAndThatIsAnError() {
        EnrollmentHistory history = new EnrollmentHistory();
        history.put("S", 2021, Grade.K, 100);
        history.put("S", 2021, Grade.G1, 90);
        history.put("S", 2023, Grade.K, 120);
        history.put("S", 2023, Grade.G1, 99);
        assertThatThrownBy(() -> new CohortSurvival(Method.BASELINE).forecast(history, "S", 1, Map.of(2024, 1.0), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no complete K to 1 transition");
    }

    @Test
    void aZeroFeederGivesNoRatioAndAWarningNeverADivisionByZero() {
        EnrollmentHistory history = reference();
        history.put("S", 2022, Grade.G1, 0);
        List<Warning> warnings = new ArrayList<>();
        List<Double> ratios = new CohortSurvival(Method.BASELINE).observedRatios(history, "S", Grade.G1, warnings);
        assertThat(ratios).containsExactly(88.0 / 90);
        assertThat(warnings).singleElement().asString().contains("no 1 students in 2022");
    }

    @Test
    void withoutAnEntryFigureTheEntryGradeIsHeldWithAWarning() {
        var forecast = new CohortSurvival(Method.BASELINE).forecast(reference(), "S", 2, Map.of(), null);
        assertThat(forecast.years().get(2025).get(Grade.K)).isEqualTo(120.0);
        assertThat(forecast.warnings())
                .anySatisfy(w -> assertThat(w.toString()).contains("no K figure for 2024, held at 120"));
    }
}
