package org.lodestar.needs.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.needs.analysis.NeedRanking.Against;
import org.lodestar.needs.analysis.NeedRanking.Candidate;
import org.lodestar.needs.analysis.NeedRanking.Cell;
import org.lodestar.needs.analysis.NeedRanking.Metric;
import org.lodestar.needs.analysis.NeedRanking.StateKey;

/** The ranking on a small data set worked out by hand. */
class NeedRankingTest {

    static final UUID ABSENT = new UUID(0, 1);
    static final UUID MATH = new UUID(0, 2);
    static final UUID CEDAR = new UUID(1, 1);
    static final UUID OAK = new UUID(1, 2);

    /**
     * Chronic absenteeism (lower is better) at Cedar: all students 14, 15, 16%; economically disadvantaged (n = 300 in
     * 2024) 22, 26, 30%: behind by 8, 11, 14 points, so 3 years behind (persistence 1.5), 14 x 300 / 100 = 42 students
     * behind; the group's own trend 22 -> 30 with n 300 each year: z test p < 0.05 and the slope 4/year has the interval
     * 4 +/- 0 (a straight line), so worsening (x 1.5): score 42 x 1.5 x 1.5 = 94.5. English learners (n = 40): 17 vs 15 in 2023
     * and 18 vs 16 in 2024, 2 x 40 / 100 = 0.8 students, 2 years (x 1.25), trend 17 -> 18 with n 40 no clear change:
     * 1.0. Math
     * proficiency (higher is better), Cedar all students 40% (n 200) against the district 50%: 10 x 200 / 100 = 20, one
     * year: 20. Oak is better than the district: no candidate.
     */
    @Test
    void ranksTheLargestMostPersistentWorseningGapsFirst() {
        List<Cell> cells = List.of(
                new Cell(ABSENT, CEDAR, "ALL", 2022, 14, 900),
                new Cell(ABSENT, CEDAR, "ALL", 2023, 15, 900),
                new Cell(ABSENT, CEDAR, "ALL", 2024, 16, 900),
                new Cell(ABSENT, CEDAR, "ECON_DIS", 2022, 22, 300),
                new Cell(ABSENT, CEDAR, "ECON_DIS", 2023, 26, 300),
                new Cell(ABSENT, CEDAR, "ECON_DIS", 2024, 30, 300),
                new Cell(ABSENT, CEDAR, "EL", 2023, 17, 40),
                new Cell(ABSENT, CEDAR, "EL", 2024, 18, 40),
                new Cell(ABSENT, CEDAR, "ALL", 2025, 99, 900), // after the assessment's year: left out
                new Cell(MATH, null, "ALL", 2024, 50, 2000),
                new Cell(MATH, CEDAR, "ALL", 2024, 40, 200),
                new Cell(MATH, OAK, "ALL", 2024, 60, 300));
        List<Metric> metrics = List.of(new Metric(ABSENT, false, true), new Metric(MATH, true, true));

        List<Candidate> ranked = NeedRanking.rank(metrics, cells, CEDAR, 2024);

        assertThat(ranked).hasSize(3);
        Candidate first = ranked.get(0);
        assertThat(first.metricId()).isEqualTo(ABSENT);
        assertThat(first.groupCode()).isEqualTo("ECON_DIS");
        assertThat(first.against()).isEqualTo(Against.ALL_STUDENTS);
        assertThat(first.year()).isEqualTo(2024);
        assertThat(first.gap().shortfall()).isCloseTo(14, within(1e-9));
        assertThat(first.studentsBehind()).isCloseTo(42, within(1e-9));
        assertThat(first.yearsBehind()).isEqualTo(3);
        assertThat(first.trend().verdict()).isEqualTo(Trend.Verdict.WORSENING);
        assertThat(first.score()).isCloseTo(94.5, within(1e-9));
        assertThat(first.history()).extracting(Trend.Point::value).containsExactly(22.0, 26.0, 30.0);
        assertThat(first.references()).containsExactly(14.0, 15.0, 16.0);

        Candidate second = ranked.get(1);
        assertThat(second.metricId()).isEqualTo(MATH);
        assertThat(second.against()).isEqualTo(Against.DISTRICT);
        assertThat(second.score()).isCloseTo(20, within(1e-9));

        assertThat(ranked.get(2).groupCode()).isEqualTo("EL");
        assertThat(ranked.get(2).studentsBehind()).isCloseTo(0.8, within(1e-9));
        assertThat(ranked.get(2).score()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aStateValueIsAReferenceAndTheDistrictScopeSeesEverySchool() {
        List<Cell> cells = List.of(
                new Cell(MATH, null, "ALL", 2024, 50, 2000),
                new Cell(MATH, CEDAR, "ALL", 2024, 40, 200),
                new Cell(MATH, OAK, "ALL", 2024, 60, 300));

        List<Candidate> ranked = NeedRanking.rank(
                List.of(new Metric(MATH, true, true)),
                cells,
                null,
                2024,
                Map.of(new StateKey(MATH, 2024, "ALL"), 55.0),
                10);

        // the district 5 points under the state (2000 students: 100), Cedar 10 under the district (20)
        assertThat(ranked).extracting(Candidate::against).containsExactly(Against.STATE, Against.DISTRICT);
        assertThat(ranked.get(0).schoolId()).isNull();
        assertThat(ranked.get(0).score()).isCloseTo(100, within(1e-9));
        assertThat(ranked.get(1).schoolId()).isEqualTo(CEDAR);
    }

    /**
     * Grades at Cedar (math, higher is better), all students: all grades 60, 60 (n 300); grade 3 52, 50 (n 100): 8 and
     * 10 points behind, two years of two, 10 >= 5 points: a candidate against all grades, 10 x 100 / 100 = 10 students x
     * 1.25 (two years behind) x 1 (52 -> 50 with n 100: p = 0.78, no clear change) = 12.5; against the district's
     * grade 3 (55, 56): 3 and 6 behind, 6 >= 5: 6 students x 1.25 = 7.5. Grade 4 (57, 56, n 100) is 3 and 4 behind:
     * not large. Grade 5 (40, 40, n 8) is far behind but smaller than the minimum n 10. A group's grade values are
     * not compared.
     */
    @Test
    void aGradeIsACandidateOnlyWhenItsGapIsLargePersistentAndFromEnoughStudents() {
        List<Cell> cells = List.of(
                new Cell(MATH, CEDAR, "ALL", 2023, "", 60, 300),
                new Cell(MATH, CEDAR, "ALL", 2024, "", 60, 300),
                new Cell(MATH, CEDAR, "ALL", 2023, "3", 52, 100),
                new Cell(MATH, CEDAR, "ALL", 2024, "3", 50, 100),
                new Cell(MATH, null, "ALL", 2023, "3", 55, 1000),
                new Cell(MATH, null, "ALL", 2024, "3", 56, 1000),
                new Cell(MATH, CEDAR, "ALL", 2023, "4", 57, 100),
                new Cell(MATH, CEDAR, "ALL", 2024, "4", 56, 100),
                new Cell(MATH, CEDAR, "ALL", 2023, "5", 40, 8),
                new Cell(MATH, CEDAR, "ALL", 2024, "5", 40, 8),
                new Cell(MATH, CEDAR, "ECON", 2024, "3", 30, 40));

        List<Candidate> ranked =
                NeedRanking.rank(List.of(new Metric(MATH, true, true)), cells, CEDAR, 2024, Map.of(), 10);

        assertThat(ranked).extracting(Candidate::grade).containsExactly("3", "3");
        assertThat(ranked).extracting(Candidate::against).containsExactly(Against.ALL_GRADES, Against.DISTRICT);
        assertThat(ranked.get(0).gap().shortfall()).isCloseTo(10, within(1e-9));
        assertThat(ranked.get(0).trend().verdict()).isEqualTo(Trend.Verdict.NO_CLEAR_CHANGE);
        assertThat(ranked.get(0).score()).isCloseTo(12.5, within(1e-9));
        assertThat(ranked.get(0).references()).containsExactly(60.0, 60.0);
        assertThat(ranked.get(1).score()).isCloseTo(7.5, within(1e-9));
        assertThat(ranked.get(1).references()).containsExactly(55.0, 56.0);
    }

    /**
     * State values by year and group: the district's economically disadvantaged students (20% proficient, n 500)
     * against the state's 25% for that group in 2024 (5 x 500 / 100 = 25 students); its all students (50%, n 2000)
     * against the state's 45% of 2024: ahead, no candidate; the state's 60% of 2023 has no district value of 2023.
     */
    @Test
    void eachGroupAndYearIsComparedWithItsOwnStateValue() {
        List<Cell> cells =
                List.of(new Cell(MATH, null, "ALL", 2024, 50, 2000), new Cell(MATH, null, "ECON", 2024, 20, 500));
        Map<StateKey, Double> state = Map.of(
                new StateKey(MATH, 2024, "ALL"), 45.0,
                new StateKey(MATH, 2024, "ECON"), 25.0,
                new StateKey(MATH, 2023, "ALL"), 60.0);

        List<Candidate> ranked = NeedRanking.rank(List.of(new Metric(MATH, true, true)), cells, null, 2024, state, 10);

        // ECON against all students (30 x 500 / 100 = 150) first, then ECON against the state
        assertThat(ranked).extracting(Candidate::against).containsExactly(Against.ALL_STUDENTS, Against.STATE);
        assertThat(ranked.get(1).groupCode()).isEqualTo("ECON");
        assertThat(ranked.get(1).score()).isCloseTo(25, within(1e-9));
        assertThat(ranked.get(1).history()).hasSize(1);
    }
}
