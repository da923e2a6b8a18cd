package org.lodestar.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.Ids;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The needs module's V4 on a database holding state values of before: one number per assessment and metric becomes
 * the value of all students in the assessment's school year, the district's assessment's kept where a school's of the
 * same year held another (else the assessment of the school first by id), and no value that only one assessment held
 * is lost.
 */
@LodestarTest
class StateValueMigrationTest {

    private static final String SCHEMA = "state_value_probe";

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Value("${lodestar.migrations.modules}")
    List<String> modules;

    @Test
    void oldStateValuesMoveToTheirAssessmentsYearForAllStudents() {
        List<Flyway> perModule = ModuleMigrations.perModule(
                Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .dataSource(dataSource)
                        .schemas(SCHEMA),
                modules);
        int needs = modules.indexOf("needs");
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update(); // a run killed half way left it
        try {
            for (int m = 0; m < perModule.size(); m++) {
                Flyway module = perModule.get(m);
                if (m == needs) {
                    Flyway.configure()
                            .configuration(module.getConfiguration())
                            .target("3")
                            .load()
                            .migrate();
                } else {
                    module.migrate();
                }
            }
            UUID district = Ids.next();
            UUID school = Ids.next();
            UUID otherSchool = Ids.next();
            assertThat(school).isLessThan(otherSchool);
            UUID metric = Ids.next();
            UUID otherMetric = Ids.next();
            insert("insert into %s.district (id, name, slug) values (?, 'Probe', ?)", district, "probe-" + district);
            for (UUID id : List.of(school, otherSchool)) {
                insert(
                        "insert into %s.school (district_id, id, name, level, lowest_grade, highest_grade)"
                                + " values (?, ?, ?, 'ELEMENTARY', 'K', '5')",
                        district, id, "Probe " + id);
            }
            for (UUID id : List.of(metric, otherMetric)) {
                insert(
                        "insert into %s.cna_metric (district_id, id, code, name_en, name_es, area, unit, direction)"
                                + " values (?, ?, ?, 'Attendance', 'Asistencia', 'ATTENDANCE_AND_BEHAVIOR', 'PERCENT',"
                                + " 'HIGHER_IS_BETTER')",
                        district, id, "M" + id);
            }
            // 2025: the district's assessment, the older, wins over the school's
            UUID district2025 = assessment(district, null, 2025, "2025-08-01");
            UUID school2025 = assessment(district, school, 2025, "2025-09-01");
            stateValue(district, school2025, metric, "91.5");
            stateValue(district, district2025, metric, "92.25");
            // 2024: two schools' assessments and no district's: V4 orders by school id before the time an assessment
            // was made, so the school of the lower id wins (here the first school, made first: ids grow with time),
            // though the other school's assessment was made earlier
            UUID school2024 = assessment(district, school, 2024, "2024-09-01");
            UUID otherSchool2024 = assessment(district, otherSchool, 2024, "2024-08-15");
            stateValue(district, school2024, metric, "90.0");
            stateValue(district, otherSchool2024, metric, "89.5");
            stateValue(district, school2025, otherMetric, "14.5"); // held by the school's assessment alone

            perModule.get(needs).migrate();

            List<Map<String, Object>> rows = jdbc.sql("select metric_id, school_year, group_code, value, recorded_by"
                            + " from " + SCHEMA + ".cna_state_value where district_id = ?"
                            + " order by metric_id = ? desc, school_year")
                    .params(district, metric)
                    .query()
                    .listOfRows();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0))
                    .containsEntry("metric_id", metric)
                    .containsEntry("school_year", 2024)
                    .containsEntry("group_code", "ALL")
                    .containsEntry("recorded_by", "created-2024-09-01");
            assertThat((BigDecimal) rows.get(0).get("value")).isEqualByComparingTo("90.0");
            assertThat(rows.get(1))
                    .containsEntry("metric_id", metric)
                    .containsEntry("school_year", 2025)
                    .containsEntry("group_code", "ALL")
                    .containsEntry("recorded_by", "created-2025-08-01");
            assertThat((BigDecimal) rows.get(1).get("value")).isEqualByComparingTo("92.25");
            assertThat(rows.get(2))
                    .containsEntry("metric_id", otherMetric)
                    .containsEntry("school_year", 2025)
                    .containsEntry("group_code", "ALL")
                    .containsEntry("recorded_by", "created-2025-09-01");
            assertThat((BigDecimal) rows.get(2).get("value")).isEqualByComparingTo("14.5");
        } finally {
            jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        }
    }

    private UUID assessment(UUID district, UUID school, int year, String created) {
        UUID id = Ids.next();
        insert(
                "insert into %s.cna (district_id, id, school_id, school_year, title, created_by, created_at)"
                        + " values (?, ?, ?, ?, 'Probe', ?, ?::timestamptz)",
                district, id, school, year, "created-" + created, created);
        return id;
    }

    private void stateValue(UUID district, UUID assessment, UUID metric, String value) {
        insert(
                "insert into %s.cna_state_value (district_id, assessment_id, metric_id, value) values (?, ?, ?, ?)",
                district, assessment, metric, new BigDecimal(value));
    }

    private void insert(String sql, Object... params) {
        jdbc.sql(String.format(sql, SCHEMA)).params(params).update();
    }
}
