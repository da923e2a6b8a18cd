package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.NeedsApi;
import org.lodestar.needs.SharedCell;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo district's needs assessment data: sample values with a real gap, and small groups to hide. */
@LodestarTest
class DemoNeedsDataTest {

    @Autowired
    NeedsApi needs;

    @Autowired
    Fixtures fixtures;

    @Test
    void theDemoHasItsAssessmentAndSampleDataWithAGap() {
        UUID district = fixtures.demoDistrict();
        assertThat(needs.assessments(district))
                .anySatisfy(a -> assertThat(a.title()).isEqualTo("2025-26 needs assessment"));
        List<CnaMetric> metrics = needs.metrics(district);
        assertThat(metrics)
                .extracting(CnaMetric::code)
                .contains(
                        "ATTENDANCE_RATE",
                        "CHRONIC_ABSENTEEISM",
                        "PROFICIENCY_MATHEMATICS",
                        "PROFICIENCY_READING",
                        "STUDENTS_FEEL_SAFE");
        CnaMetric chronic = metrics.stream()
                .filter(m -> m.code().equals("CHRONIC_ABSENTEEISM"))
                .findFirst()
                .orElseThrow();
        List<BigDecimal> econ = needs.trend(district, chronic.id(), null, "ECON").stream()
                .map(CnaValue::value)
                .toList();
        List<BigDecimal> others = needs.trend(district, chronic.id(), null, "NOT_ECON").stream()
                .map(CnaValue::value)
                .toList();
        assertThat(econ).hasSize(4).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(econ.get(3).subtract(econ.get(0))).isGreaterThan(new BigDecimal("5"));
        assertThat(others.get(3).subtract(others.get(0)).abs()).isLessThan(new BigDecimal("3"));
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from cna_value where district_id = ? and source <> 'SAMPLE'"
                                + " and metric_id = ?")
                        .params(district, chronic.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // shared outside the team, Harbor's 6 students with disabilities are hidden
        List<SharedCell> shared = needs.sharedTable(district, chronic.id(), 2025);
        assertThat(shared)
                .filteredOn(c -> c.schoolName().equals("Harbor Alternative High")
                        && c.groupCode().equals("SWD"))
                .singleElement()
                .satisfies(c -> assertThat(c.hidden()).isTrue());
        assertThat(shared)
                .filteredOn(c -> c.schoolId() == null && c.groupCode().equals("ALL"))
                .singleElement()
                .satisfies(c -> assertThat(c.hidden()).isFalse());
        // economically disadvantaged students, the group the demo's need is about, are shown at every school: with and
        // without are all students between them, so no remainder forces them hidden
        assertThat(shared)
                .filteredOn(c -> c.schoolId() != null && c.groupCode().equals("ECON"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.hidden()).as(c.schoolName()).isFalse());
    }
}
