package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioAndStaffingTest {

    /** Two K-2 schools, 100 students in every grade, three future years, bands of plus or minus 10%. */
    private static List<EnrollmentForecaster.Cell> base() {
        List<EnrollmentForecaster.Cell> cells = new ArrayList<>();
        for (String school : List.of("A", "B")) {
            for (int year = 2025; year <= 2027; year++) {
                for (Grade grade : List.of(Grade.K, Grade.G1, Grade.G2)) {
                    cells.add(new EnrollmentForecaster.Cell(
                            school, year, grade, 100, 90, 110, 80, 120, Bands.Source.BACKTEST));
                }
            }
        }
        return cells;
    }

    private static double at(List<EnrollmentForecaster.Cell> cells, String school, int year, Grade grade) {
        return cells.stream()
                .filter(c -> c.school().equals(school) && c.year() == year && c.grade() == grade)
                .findFirst()
                .orElseThrow()
                .forecast();
    }

    @Test
    void housingAddsUnitsTimesStudentsPerUnitSpreadOverTheGradesOfItsBand() {
        var cells = new Scenario.Housing("A", 2026, 300, 0.3, 0.1, 0.1).apply(base());
        assertThat(at(cells, "A", 2025, Grade.K)).isEqualTo(100);
        assertThat(at(cells, "A", 2026, Grade.K)).isCloseTo(130, within(1e-9)); // 300 x 0.3 over 3 grades
        assertThat(at(cells, "A", 2027, Grade.G2)).isCloseTo(130, within(1e-9));
        assertThat(at(cells, "B", 2026, Grade.K)).isEqualTo(100);
    }

    @Test
    void aCharterTakesAShareOfEachEnteringClassAndTheLossMovesUpWithTheCohort() {
        var cells = new Scenario.Charter(null, 2026, 0.1).apply(base());
        assertThat(at(cells, "A", 2025, Grade.K)).isEqualTo(100);
        assertThat(at(cells, "A", 2026, Grade.K)).isCloseTo(90, within(1e-9));
        assertThat(at(cells, "A", 2026, Grade.G1)).isEqualTo(100); // entered in 2025, before the charter
        assertThat(at(cells, "A", 2027, Grade.G1)).isCloseTo(90, within(1e-9)); // the 2026 kindergarten
        assertThat(at(cells, "B", 2027, Grade.G2)).isEqualTo(100);
        assertThat(cells.stream()
                        .filter(c -> c.year() == 2026 && c.grade() == Grade.K)
                        .findFirst()
                        .orElseThrow()
                        .upper80())
                .isCloseTo(99, within(1e-9));
    }

    @Test
    void aBoundaryChangeMovesAShareOfStudentsFromOneSchoolToAnother() {
        var cells = new Scenario.Boundary("A", "B", 2027, 0.25).apply(base());
        assertThat(at(cells, "A", 2026, Grade.G1)).isEqualTo(100);
        assertThat(at(cells, "A", 2027, Grade.G1)).isCloseTo(75, within(1e-9));
        assertThat(at(cells, "B", 2027, Grade.G1)).isCloseTo(125, within(1e-9));
        double before =
                base().stream().mapToDouble(EnrollmentForecaster.Cell::forecast).sum();
        double after =
                cells.stream().mapToDouble(EnrollmentForecaster.Cell::forecast).sum();
        assertThat(after).isCloseTo(before, within(1e-9));
    }

    @Test
    void teachersFollowTheRatiosAndHiresFollowAttrition() {
        Staffing staffing = new Staffing(20, 24, 26, 10);
        var years = staffing.plan(Map.of(
                2025, Map.of(Grade.K, 100.0, Grade.G1, 100.0, Grade.G4, 48.0, Grade.G6, 52.0),
                2026, Map.of(Grade.K, 120.0, Grade.G1, 100.0, Grade.G4, 50.0, Grade.G6, 52.0)));
        // 2025: K-3 200/20 = 10, 4-5 48/24 = 2, secondary 52/26 = 2
        assertThat(years.get(0).teachers()).isEqualTo(14);
        assertThat(years.get(0).hires()).isZero();
        // 2026: 220/20 = 11, 50/24 -> 3, 2; 16 needed, 14 x 0.9 = 12.6 -> 12 kept, so 4 to hire
        assertThat(years.get(1).teachers()).isEqualTo(16);
        assertThat(years.get(1).hires()).isEqualTo(4);
    }

    @Test
    void aYearWhoseCountsAreStillComingInIsNotForecastFrom() {
        EnrollmentHistory history = new EnrollmentHistory();
        for (String school : java.util.List.of("A", "B", "C")) {
            for (int year = 2020; year <= 2024; year++) {
                history.put(school, year, Grade.K, 50);
                history.put(school, year, Grade.G1, 50);
            }
        }
        history.put("A", 2025, Grade.K, 55);
        assertThat(history.lastYear()).isEqualTo(2025);
        assertThat(history.completeYear()).isEqualTo(2024);
        var result = EnrollmentForecaster.forecast(history, new Births(), Method.LODESTAR, 2);
        assertThat(result.cells().stream()
                        .map(EnrollmentForecaster.Cell::school)
                        .distinct())
                .containsExactlyInAnyOrder("A", "B", "C");
        assertThat(result.districtTotals().get(0).year()).isEqualTo(2025);
        assertThat(result.warnings())
                .anySatisfy(w -> assertThat(w.toString()).contains("the forecast starts from 2024"));
        history.put("B", 2025, Grade.K, 52);
        assertThat(history.completeYear()).isEqualTo(2025);
    }

    @Test
    void utilizationIsStudentsOverCapacity() {
        assertThat(Staffing.utilization(450, 500)).isEqualTo(90.0);
        assertThat(Staffing.utilization(450, null)).isNull();
    }
}
