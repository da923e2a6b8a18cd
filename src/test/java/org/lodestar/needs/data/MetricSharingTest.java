package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.SharedCell;
import org.lodestar.needs.domain.MetricSharing;

/** A metric's table shared outside the planning team: small groups hidden, and what would reveal them. */
class MetricSharingTest {

    private static final UUID METRIC = UUID.randomUUID();
    private static final School AVON = school("Avon Elementary");
    private static final School BROOK = school("Brook Elementary");
    private static final List<StudentGroup> GROUPS = List.of(
            new StudentGroup("ALL", "All", "Todos", "ALL", 0),
            new StudentGroup("ECON", "Econ", "Econ", "ECON", 1),
            new StudentGroup("NOT_ECON", "Not econ", "Sin", "ECON", 2),
            new StudentGroup("EL", "EL", "EL", "EL", 3));

    @Test
    void hidesSmallGroupsAndWhatWouldRevealThem() {
        List<CnaValue> values = new ArrayList<>();
        values.add(value(null, "ALL", 100));
        values.add(value(null, "ECON", 40));
        values.add(value(null, "NOT_ECON", 60));
        values.add(value(AVON, "ALL", 60));
        values.add(value(AVON, "ECON", 35));
        values.add(value(AVON, "NOT_ECON", 25));
        values.add(value(BROOK, "ALL", 40));
        values.add(value(BROOK, "ECON", 5));
        values.add(value(BROOK, "NOT_ECON", 35));
        values.add(value(BROOK, "EL", null));
        // another year and a grade's value are not in the table
        values.add(new CnaValue(METRIC, AVON.id(), "ALL", 2023, "", BigDecimal.ONE, 60));
        values.add(new CnaValue(METRIC, AVON.id(), "ALL", 2024, "3", BigDecimal.ONE, 20));

        List<SharedCell> table =
                MetricSharing.table(metric(true), 2024, values, "Lakeview", List.of(BROOK, AVON), GROUPS, 10);

        assertThat(table)
                .extracting(c -> c.schoolName() + "/" + c.groupCode())
                .containsExactly(
                        "Lakeview/ALL",
                        "Lakeview/ECON",
                        "Lakeview/NOT_ECON",
                        "Avon Elementary/ALL",
                        "Avon Elementary/ECON",
                        "Avon Elementary/NOT_ECON",
                        "Brook Elementary/ALL",
                        "Brook Elementary/ECON",
                        "Brook Elementary/NOT_ECON",
                        "Brook Elementary/EL");
        Map<String, Boolean> hidden =
                table.stream().collect(Collectors.toMap(c -> c.schoolName() + "/" + c.groupCode(), SharedCell::hidden));
        // Brook's 5 students: under 10 (primary rule); its other group would give them away as 40 - 35 (row), and
        // Avon's economically disadvantaged would give them away as 40 - 35 from the district's value (column)
        assertThat(hidden.get("Brook Elementary/ECON")).isTrue();
        assertThat(hidden.get("Brook Elementary/NOT_ECON")).isTrue();
        assertThat(hidden.get("Avon Elementary/ECON")).isTrue();
        // a value without n is never taken to be large enough
        assertThat(hidden.get("Brook Elementary/EL")).isTrue();
        assertThat(hidden.get("Avon Elementary/NOT_ECON")).isFalse();
        assertThat(hidden.get("Lakeview/ECON")).isFalse();
        assertThat(hidden.get("Brook Elementary/ALL")).isFalse();
        SharedCell brook = table.get(7);
        assertThat(brook.value()).isNull();
        assertThat(brook.n()).isNull();
        assertThat(brook.reasonKey()).isEqualTo("needs.shared.hidden");
        SharedCell avon = table.get(5);
        assertThat(avon.value()).isEqualByComparingTo("25");
        assertThat(avon.n()).isEqualTo(25);
        assertThat(avon.reasonKey()).isNull();
    }

    @Test
    void aSmallSchoolIsHiddenAndSoIsTheSmallestOtherSchool() {
        List<CnaValue> values = List.of(value(null, "ALL", 70), value(AVON, "ALL", 64), value(BROOK, "ALL", 6));
        List<SharedCell> table =
                MetricSharing.table(metric(true), 2024, values, "Lakeview", List.of(AVON, BROOK), GROUPS, 10);
        assertThat(table).extracting(SharedCell::hidden).containsExactly(false, true, true);
    }

    @Test
    void valuesNotAboutStudentsAreNeverHidden() {
        List<CnaValue> values = List.of(value(null, "ALL", null), value(BROOK, "ECON", 2));
        List<SharedCell> table =
                MetricSharing.table(metric(false), 2024, values, "Lakeview", List.of(AVON, BROOK), GROUPS, 10);
        assertThat(table).extracting(SharedCell::hidden).containsExactly(false, false);
    }

    private static CnaValue value(School school, String group, Integer n) {
        return new CnaValue(
                METRIC, school == null ? null : school.id(), group, 2024, "", new BigDecimal(n == null ? 1 : n), n);
    }

    private static CnaMetric metric(boolean aboutStudents) {
        return new CnaMetric(
                METRIC,
                "CHRONIC_ABSENTEEISM",
                "Chronic absenteeism",
                "Ausentismo crónico",
                CnaArea.ATTENDANCE_AND_BEHAVIOR,
                CnaMetric.Unit.PERCENT,
                false,
                aboutStudents,
                null,
                0);
    }

    private static School school(String name) {
        return new School(UUID.randomUUID(), name, null, SchoolLevel.ELEMENTARY, "K", "5", null, null, 0);
    }
}
