package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.enrollment.domain.PlanningAheadEditing;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;

@LodestarTest
class EnrollmentImportTest {

    @Autowired
    EnrollmentImports imports;

    @Autowired
    PlanningAheadEditing planningAhead;

    @Autowired
    Fixtures fixtures;

    private int count(String school, int year, String grade) {
        UUID id = fixtures.any("select id from school where district_id = ? and name = '" + school + "'");
        return fixtures.jdbc()
                .sql("select students from enrollment_count where school_id = ? and school_year = ? and grade = ?")
                .params(id, year, grade)
                .query(Integer.class)
                .single();
    }

    @Test
    void readsXlsxToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("counts");
            String[] header = {"school_id", "year", "grade", "count"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "LV-005");
            sheet.value(1, 1, 2025);
            sheet.value(1, 2, "K");
            sheet.value(1, 3, 77);
        }
        var result = imports.importFile(
                fixtures.user("planner@lakeview.example"),
                "counts.xlsx",
                new org.springframework.core.io.ByteArrayResource(bytes.toByteArray()),
                false);
        assertThat(result.problems()).isEmpty();
        assertThat(result.recorded()).isEqualTo(1);
        assertThat(count("Aspen Elementary", 2025, "K")).isEqualTo(77);
    }

    @Test
    void everyBadRowIsReportedAndNothingIsSaved() throws Exception {
        int before = count("Birch Elementary", 2025, "1");
        String csv =
                "school_id,year,grade,count\nBirch Elementary,2025,1,10\nBirch Elementary,2025,X,10\nNowhere,2025,1,10\nBirch Elementary,20x5,1,-1\n";
        var result = imports.importFile(
                fixtures.user("planner@lakeview.example"),
                "counts.csv",
                new org.springframework.core.io.ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)),
                false);
        assertThat(result.applied()).isFalse();
        assertThat(result.problems())
                .extracting(org.lodestar.shared.tabular.ImportProblem::line)
                .containsExactly(3, 5, 5);
        assertThat(count("Birch Elementary", 2025, "1")).isEqualTo(before);

        // once the file reads, a school the district does not have is reported by line too
        csv = "school_id,year,grade,count\nBirch Elementary,2025,1,10\nNowhere,2025,1,10\n";
        result = imports.importFile(
                fixtures.user("planner@lakeview.example"),
                "counts.csv",
                new org.springframework.core.io.ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)),
                false);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.code()).isEqualTo("enrollment.import.unknownSchool");
        });
        assertThat(count("Birch Elementary", 2025, "1")).isEqualTo(before);
    }

    @Test
    void scenariosAndStaffingSettingsAreRecordedInTheAuditLog() {
        var planner = fixtures.user("planner@lakeview.example");
        java.util.function.Supplier<Integer> audited = () -> fixtures.jdbc()
                .sql("select count(*) from audit_event where entity_type in ('Scenario', 'District') and actor = ?")
                .param(planner.email())
                .query(Integer.class)
                .single();
        int before = audited.get();
        UUID id = org.lodestar.shared.Ids.next();
        planningAhead.saveScenario(
                planner,
                new org.lodestar.enrollment.domain.ScenarioRow(
                        id,
                        "Audited",
                        org.lodestar.enrollment.domain.ScenarioRow.Kind.CHARTER,
                        2026,
                        null,
                        null,
                        new java.math.BigDecimal("5"),
                        null,
                        null,
                        null,
                        null));
        planningAhead.deleteScenario(planner, id);
        planningAhead.saveSettings(planner, planningAhead.settings(planner.districtId()));
        assertThat(audited.get()).isEqualTo(before + 3);
    }
}
