package org.lodestar.needs.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.NeedSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The needs assessments of a district, their metrics and the metrics' values. Every statement is bound to a district. */
@Repository
public class CnaStore {

    private static final String METRIC_COLUMNS =
            "id, code, name_en, name_es, area, unit, direction, about_students, kpi_id, version";

    private final JdbcClient jdbc;

    CnaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a value came from. */
    public enum Source {
        CSV,
        XLSX,
        EDFI,
        SAMPLE
    }

    public List<CnaMetric> metrics(UUID districtId) {
        return jdbc.sql("select " + METRIC_COLUMNS + " from cna_metric where district_id = ? order by area, name_en")
                .param(districtId)
                .query(CnaStore::metric)
                .list();
    }

    public Optional<CnaMetric> metric(UUID districtId, UUID metricId) {
        return jdbc.sql("select " + METRIC_COLUMNS + " from cna_metric where district_id = ? and id = ?")
                .params(districtId, metricId)
                .query(CnaStore::metric)
                .optional();
    }

    public Optional<CnaMetric> metricByCode(UUID districtId, String code) {
        return jdbc.sql("select " + METRIC_COLUMNS + " from cna_metric where district_id = ? and code = ?")
                .params(districtId, code)
                .query(CnaStore::metric)
                .optional();
    }

    /** Adds a metric; its code must be new in the district. */
    public UUID addMetric(UUID districtId, CnaMetric metric) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cna_metric (district_id, id, code, name_en, name_es, area, unit, direction,
                            about_students, kpi_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        id,
                        metric.code(),
                        metric.nameEn(),
                        metric.nameEs(),
                        metric.area().name(),
                        metric.unit().name(),
                        metric.higherIsBetter() ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
                        metric.aboutStudents(),
                        metric.kpiId())
                .update();
        return id;
    }

    /** Saves values, each replacing the one of its cell, in one statement however many. */
    public void upsertValues(UUID districtId, Collection<CnaValue> values, Source source, String by, Instant at) {
        if (values.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into cna_value (district_id, metric_id, school_id, group_code, school_year, grade, value,
                            n, source, recorded_at, recorded_by)
                        select ?::uuid, v.*, ?, ?, ? from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[],
                            ?::numeric[], ?::int[]) as v(metric_id, school_id, group_code, school_year, grade, value, n)
                        on conflict (district_id, metric_id,
                            coalesce(school_id, '00000000-0000-0000-0000-000000000000'), group_code, school_year, grade)
                        do update set value = excluded.value, n = excluded.n, source = excluded.source,
                            recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .params(
                        districtId,
                        source.name(),
                        Timestamp.from(at),
                        by,
                        values.stream().map(CnaValue::metricId).toArray(UUID[]::new),
                        values.stream().map(CnaValue::schoolId).toArray(UUID[]::new),
                        values.stream().map(CnaValue::groupCode).toArray(String[]::new),
                        values.stream().map(CnaValue::schoolYear).toArray(Integer[]::new),
                        values.stream().map(CnaValue::grade).toArray(String[]::new),
                        values.stream().map(CnaValue::value).toArray(java.math.BigDecimal[]::new),
                        values.stream().map(CnaValue::n).toArray(Integer[]::new))
                .update();
    }

    /** Every value of the given metrics, all schools, groups, years and grades. */
    public List<CnaValue> values(UUID districtId, Collection<UUID> metricIds) {
        return jdbc.sql("""
                        select metric_id, school_id, group_code, school_year, grade, value, n from cna_value
                         where district_id = ? and metric_id = any(?::uuid[])
                         order by metric_id, school_year, school_id nulls first, group_code, grade""")
                .params(districtId, metricIds.toArray(UUID[]::new))
                .query((rs, row) -> new CnaValue(
                        rs.getObject("metric_id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("group_code"),
                        rs.getInt("school_year"),
                        rs.getString("grade"),
                        rs.getBigDecimal("value"),
                        (Integer) rs.getObject("n")))
                .list();
    }

    public List<Assessment> assessments(UUID districtId) {
        return jdbc.sql("""
                        select id, school_id, school_year, title, version from cna where district_id = ?
                         order by school_year desc, school_id nulls first, title""").param(districtId).query(CnaStore::assessment).list();
    }

    public Optional<Assessment> assessment(UUID districtId, UUID id) {
        return jdbc.sql("select id, school_id, school_year, title, version from cna where district_id = ? and id = ?")
                .params(districtId, id)
                .query(CnaStore::assessment)
                .optional();
    }

    /** Starts an assessment; a second one of the same scope and year is refused by the database's unique index. */
    public UUID addAssessment(UUID districtId, UUID schoolId, int schoolYear, String title, String by, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cna (district_id, id, school_id, school_year, title, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, schoolId, schoolYear, title, by, Timestamp.from(at))
                .update();
        return id;
    }

    /** The needs of an assessment, confirmed ones first by priority, then the others by title. */
    public List<NeedSummary> needs(UUID districtId, UUID assessmentId) {
        return jdbc.sql("""
                        select id, assessment_id, title, area, status, priority from need
                         where district_id = ? and assessment_id = ?
                         order by status <> 'CONFIRMED', priority nulls last, title""")
                .params(districtId, assessmentId)
                .query((rs, row) -> new NeedSummary(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getString("title"),
                        CnaArea.valueOf(rs.getString("area")),
                        NeedSummary.Status.valueOf(rs.getString("status")),
                        (Integer) rs.getObject("priority")))
                .list();
    }

    private static CnaMetric metric(ResultSet rs, int row) throws SQLException {
        return new CnaMetric(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name_en"),
                rs.getString("name_es"),
                CnaArea.valueOf(rs.getString("area")),
                CnaMetric.Unit.valueOf(rs.getString("unit")),
                "HIGHER_IS_BETTER".equals(rs.getString("direction")),
                rs.getBoolean("about_students"),
                rs.getObject("kpi_id", UUID.class),
                rs.getInt("version"));
    }

    private static Assessment assessment(ResultSet rs, int row) throws SQLException {
        return new Assessment(
                rs.getObject("id", UUID.class),
                rs.getObject("school_id", UUID.class),
                rs.getInt("school_year"),
                rs.getString("title"),
                rs.getInt("version"));
    }
}
