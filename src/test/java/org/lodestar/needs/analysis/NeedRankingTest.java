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

        List<Candidate> ranked = NeedRanking.rank(metrics, cells, CEDAR, 2024, Map.of());

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

        List<Candidate> ranked =
                NeedRanking.rank(List.of(new Metric(MATH, true, true)), cells, null, 2024, Map.of(MATH, 55.0));

        // the district 5 points under the state (2000 students: 100), Cedar 10 under the district (20)
        assertThat(ranked).extracting(Candidate::against).containsExactly(Against.STATE, Against.DISTRICT);
        assertThat(ranked.get(0).schoolId()).isNull();
        assertThat(ranked.get(0).score()).isCloseTo(100, within(1e-9));
        assertThat(ranked.get(1).schoolId()).isEqualTo(CEDAR);
    }
}
