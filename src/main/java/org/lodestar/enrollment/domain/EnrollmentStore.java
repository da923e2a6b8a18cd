package org.lodestar.enrollment.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.enrollment.projection.Births;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.shared.EditConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counted enrollment, births, staffing settings and scenarios of a district. */
@Repository
public class EnrollmentStore {

    private final JdbcClient jdbc;

    EnrollmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The district's history, schools named by their ids. */
    public EnrollmentHistory history(UUID districtId) {
        EnrollmentHistory history = new EnrollmentHistory();
        jdbc.sql("select school_id, school_year, grade, students from enrollment_count where district_id = ?")
                .param(districtId)
                .query(rs -> {
                    history.put(
                            rs.getObject("school_id", UUID.class).toString(),
                            rs.getInt("school_year"),
                            Grade.parse(rs.getString("grade")),
                            rs.getInt("students"));
                });
        return history;
    }

    /**
     * Makes other writers of the district's counts and births wait until this transaction ends, so that two imports
     * of the same cells take turns rather than deadlock (the second then replaces the first's counts).
     */
    void lockCounts(UUID districtId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) locked")
                .params(COUNT_LOCK, districtId.hashCode())
                .query(Integer.class)
                .single();
    }

    /** The first key of the advisory lock on a district's counts (the second is the district's). */
    private static final int COUNT_LOCK = 51;

    /** A counted cell: a school's grade in a fall year. */
    record Cell(UUID schoolId, int year, Grade grade) {}

    /** The counts saved for the given cells (those that have one), in one statement however many. */
    Map<Cell, Integer> counts(UUID districtId, Collection<Cell> cells) {
        Map<Cell, Integer> found = new HashMap<>();
        if (cells.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select e.school_id, e.school_year, e.grade, e.students from enrollment_count e
                          join unnest(?::uuid[], ?::int[], ?::text[]) as c(school_id, school_year, grade)
                            on e.school_id = c.school_id and e.school_year = c.school_year and e.grade = c.grade
                         where e.district_id = ?""")
                .params(
                        cells.stream().map(Cell::schoolId).toArray(UUID[]::new),
                        cells.stream().map(Cell::year).toArray(Integer[]::new),
                        cells.stream().map(cell -> cell.grade().label()).toArray(String[]::new),
                        districtId)
                .query(rs -> {
                    found.put(
                            new Cell(
                                    rs.getObject("school_id", UUID.class),
                                    rs.getInt("school_year"),
                                    Grade.parse(rs.getString("grade"))),
                            rs.getInt("students"));
                });
        return found;
    }

    /**
     * Saves counts, each replacing the one of its school, year and grade, in one statement however many (a cell given
     * twice keeps the later count).
     */
    void upsert(UUID districtId, Collection<EnrollmentImports.Count> counts) {
        Map<Cell, Integer> cells = new LinkedHashMap<>();
        counts.forEach(c -> cells.put(new Cell(c.schoolId(), c.year(), c.grade()), c.students()));
        if (cells.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into enrollment_count (district_id, school_id, school_year, grade, students)
                        select ?::uuid, c.* from unnest(?::uuid[], ?::int[], ?::text[], ?::int[])
                            as c(school_id, school_year, grade, students)
                        on conflict (district_id, school_id, school_year, grade) do update set students = excluded.students""")
                .params(
                        districtId,
                        cells.keySet().stream().map(Cell::schoolId).toArray(UUID[]::new),
                        cells.keySet().stream().map(Cell::year).toArray(Integer[]::new),
                        cells.keySet().stream()
                                .map(cell -> cell.grade().label())
                                .toArray(String[]::new),
                        cells.values().toArray(Integer[]::new))
                .update();
    }

    public Births births(UUID districtId) {
        Births births = new Births();
        jdbc.sql("select birth_year, births from enrollment_birth where district_id = ?")
                .param(districtId)
                .query(rs -> {
                    births.put(rs.getInt("birth_year"), rs.getInt("births"));
                });
        return births;
    }

    /** Saves births by year, each replacing those of its year, in one statement. */
    void upsertBirths(UUID districtId, Map<Integer, Integer> byYear) {
        if (byYear.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into enrollment_birth (district_id, birth_year, births)
                        select ?::uuid, b.* from unnest(?::int[], ?::int[]) as b(birth_year, births)
                        on conflict (district_id, birth_year) do update set births = excluded.births""")
                .params(
                        districtId,
                        byYear.keySet().toArray(Integer[]::new),
                        byYear.values().toArray(Integer[]::new))
                .update();
    }

    public StaffingSettings settings(UUID districtId) {
        return jdbc.sql("select * from enrollment_settings where district_id = ?")
                .param(districtId)
                .query((rs, row) -> new StaffingSettings(
                        rs.getBigDecimal("ratio_k3"),
                        rs.getBigDecimal("ratio_45"),
                        rs.getBigDecimal("ratio_secondary"),
                        rs.getBigDecimal("attrition_percent"),
                        rs.getInt("version")))
                .optional()
                .orElse(StaffingSettings.DEFAULT);
    }

    /** Saves the settings at the version they were read at (else {@link EditConflictException}). */
    public void saveSettings(UUID districtId, StaffingSettings settings) {
        int saved = jdbc.sql("""
                        insert into enrollment_settings (district_id, ratio_k3, ratio_45, ratio_secondary, attrition_percent)
                        values (?, ?, ?, ?, ?)
                        on conflict (district_id) do update set ratio_k3 = excluded.ratio_k3, ratio_45 = excluded.ratio_45,
                            ratio_secondary = excluded.ratio_secondary, attrition_percent = excluded.attrition_percent,
                            version = enrollment_settings.version + 1
                        where enrollment_settings.version = ?""")
                .params(
                        districtId,
                        settings.ratioK3(),
                        settings.ratio45(),
                        settings.ratioSecondary(),
                        settings.attritionPercent(),
                        settings.version())
                .update();
        EditConflictException.unlessSaved(saved, "staffing settings");
    }

    public List<ScenarioRow> scenarios(UUID districtId) {
        return jdbc.sql("select * from enrollment_scenario where district_id = ? order by name")
                .param(districtId)
                .query((rs, row) -> new ScenarioRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        ScenarioRow.Kind.valueOf(rs.getString("kind")),
                        rs.getInt("from_year"),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("other_school_id", UUID.class),
                        rs.getBigDecimal("share_percent"),
                        (Integer) rs.getObject("units"),
                        rs.getBigDecimal("students_per_unit_elementary"),
                        rs.getBigDecimal("students_per_unit_middle"),
                        rs.getBigDecimal("students_per_unit_high")))
                .list();
    }

    public void saveScenario(UUID districtId, ScenarioRow s) {
        jdbc.sql("""
                        insert into enrollment_scenario (district_id, id, name, kind, from_year, school_id, other_school_id,
                            share_percent, units, students_per_unit_elementary, students_per_unit_middle,
                            students_per_unit_high)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        s.id(),
                        s.name(),
                        s.kind().name(),
                        s.fromYear(),
                        s.schoolId(),
                        s.otherSchoolId(),
                        s.sharePercent(),
                        s.units(),
                        s.elementary(),
                        s.middle(),
                        s.high())
                .update();
    }

    public void deleteScenario(UUID districtId, UUID id) {
        jdbc.sql("delete from enrollment_scenario where district_id = ? and id = ?")
                .params(districtId, id)
                .update();
    }

    /** The version of the district's history (0 before any change was recorded). */
    long historyVersion(UUID districtId) {
        return jdbc.sql("select version from enrollment_history_version where district_id = ?")
                .param(districtId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Marks the district's counts or births changed, in the transaction that changed them. */
    void historyChanged(UUID districtId) {
        jdbc.sql("""
                        insert into enrollment_history_version (district_id, version) values (?, 1)
                        on conflict (district_id) do update set version = enrollment_history_version.version + 1""").param(districtId).update();
    }
}
