package org.lodestar.measures.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.measures.ArchivedKpi;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.Values;
import org.lodestar.measures.status.Direction;
import org.lodestar.shared.EditConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * KPIs, their targets and measurements; every statement is bound to one district. An archived KPI (its outcome was
 * removed from the plan) is kept with its targets and measurements but found only by {@link #archived}: every other
 * read leaves it out, so no scorecard, public page, API call or import sees or changes it.
 */
@Repository
public class KpiStore {

    private final JdbcClient jdbc;

    KpiStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Kpi> all(UUID districtId) {
        Map<UUID, SortedMap<Integer, BigDecimal>> targets = targets(districtId);
        return jdbc.sql("select * from kpi where district_id = ? and archived_at is null order by position, name")
                .param(districtId)
                .query((rs, row) -> kpi(rs, targets))
                .list();
    }

    public List<Kpi> ofOutcomes(UUID districtId, Collection<UUID> outcomeIds) {
        return ofOutcomes(districtId, outcomeIds, false);
    }

    /**
     * The KPIs of the given outcomes (only the published ones if asked), in their order, with their targets: one
     * statement however many outcomes and KPIs.
     */
    public List<Kpi> ofOutcomes(UUID districtId, Collection<UUID> outcomeIds, boolean publishedOnly) {
        return withTargets("k.outcome_id = any(?)" + (publishedOnly ? " and k.published" : ""), districtId, outcomeIds);
    }

    /** The given KPIs that are not archived, by id, with their targets: one statement however many. */
    public Map<UUID, Kpi> find(UUID districtId, Collection<UUID> ids) {
        Map<UUID, Kpi> found = new HashMap<>();
        withTargets("k.id = any(?)", districtId, ids).forEach(kpi -> found.put(kpi.id(), kpi));
        return found;
    }

    /** KPIs that are not archived and meet {@code condition} on the given ids, in their order, with their targets. */
    private List<Kpi> withTargets(String condition, UUID districtId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, SortedMap<Integer, BigDecimal>> targets = new HashMap<>();
        Map<UUID, Kpi> kpis = new LinkedHashMap<>();
        jdbc.sql("""
                        select k.*, t.school_year as target_year, t.value as target_value
                          from kpi k left join kpi_target t on t.district_id = k.district_id and t.kpi_id = k.id
                         where k.district_id = ? and k.archived_at is null""" + " and " + condition + " order by k.position, k.name, k.id, t.school_year")
                .params(districtId, ids.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    SortedMap<Integer, BigDecimal> ofKpi = targets.computeIfAbsent(id, key -> new TreeMap<>());
                    if (rs.getObject("target_year") != null) {
                        ofKpi.put(rs.getInt("target_year"), rs.getBigDecimal("target_value"));
                    }
                    if (!kpis.containsKey(id)) {
                        kpis.put(id, kpi(rs, targets));
                    }
                });
        return List.copyOf(kpis.values());
    }

    public Optional<Kpi> find(UUID districtId, UUID id) {
        Map<UUID, SortedMap<Integer, BigDecimal>> targets = targets(districtId, id);
        return jdbc.sql("select * from kpi where district_id = ? and id = ? and archived_at is null")
                .params(districtId, id)
                .query((rs, row) -> kpi(rs, targets))
                .optional();
    }

    /** Adds a KPI, or saves one at the version it was read at (else {@link EditConflictException}). */
    public void save(UUID districtId, Kpi kpi) {
        int saved = jdbc.sql("""
                        insert into kpi (district_id, id, outcome_id, name, name_translation, unit, direction,
                            baseline_value, baseline_year, frequency, data_source, owner_id, by_student_group,
                            about_students, school_levels, published, position)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            (select coalesce(max(position), 0) + 1 from kpi where district_id = ? and outcome_id = ?))
                        on conflict (district_id, id) do update set name = excluded.name,
                            name_translation = excluded.name_translation, unit = excluded.unit,
                            direction = excluded.direction, baseline_value = excluded.baseline_value,
                            baseline_year = excluded.baseline_year, frequency = excluded.frequency,
                            data_source = excluded.data_source, owner_id = excluded.owner_id,
                            by_student_group = excluded.by_student_group, about_students = excluded.about_students,
                            school_levels = excluded.school_levels,
                            published = excluded.published, version = kpi.version + 1
                        where kpi.version = ?""")
                .params(
                        districtId,
                        kpi.id(),
                        kpi.outcomeId(),
                        kpi.name(),
                        kpi.nameTranslation(),
                        kpi.unit().name(),
                        kpi.direction().name(),
                        kpi.baselineValue(),
                        kpi.baselineYear(),
                        kpi.frequency().name(),
                        kpi.dataSource(),
                        kpi.ownerId(),
                        kpi.byStudentGroup(),
                        kpi.aboutStudents(),
                        kpi.schoolLevels().stream().map(Enum::name).sorted().toArray(String[]::new),
                        kpi.published(),
                        districtId,
                        kpi.outcomeId(),
                        kpi.version())
                .update();
        EditConflictException.unlessSaved(saved, "KPI");
        jdbc.sql("delete from kpi_target where district_id = ? and kpi_id = ?")
                .params(districtId, kpi.id())
                .update();
        kpi.targets()
                .forEach((year, value) -> jdbc.sql(
                                "insert into kpi_target (district_id, kpi_id, school_year, value) values (?, ?, ?, ?)")
                        .params(districtId, kpi.id(), year, value)
                        .update());
    }

    /** Swaps a KPI with its neighbour above (up) or below under its outcome; does nothing at either end. */
    public void move(UUID districtId, Kpi kpi, boolean up) {
        List<Kpi> siblings = all(districtId).stream()
                .filter(other -> other.outcomeId().equals(kpi.outcomeId()))
                .sorted(java.util.Comparator.comparingInt(Kpi::position))
                .toList();
        int at = siblings.indexOf(siblings.stream()
                .filter(k -> k.id().equals(kpi.id()))
                .findFirst()
                .orElseThrow());
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        String update = "update kpi set position = ? where district_id = ? and id = ?";
        jdbc.sql(update)
                .params(siblings.get(other).position(), districtId, kpi.id())
                .update();
        jdbc.sql(update)
                .params(kpi.position(), districtId, siblings.get(other).id())
                .update();
    }

    public void delete(UUID districtId, UUID id) {
        jdbc.sql("delete from kpi where district_id = ? and id = ?")
                .params(districtId, id)
                .update();
    }

    /** Archives a KPI, keeping its targets and measurements; false when it was archived already. */
    public boolean archive(UUID districtId, UUID id, String actor) {
        return jdbc.sql("""
                        update kpi set archived_at = now(), archived_by = ?
                         where district_id = ? and id = ? and archived_at is null""").params(actor, districtId, id).update() == 1;
    }

    /** The district's archived KPIs, newest first, with how many values each keeps. */
    public List<ArchivedKpi> archived(UUID districtId) {
        return jdbc.sql("""
                        select k.id, k.name, k.archived_at, k.archived_by,
                               (select count(*) from measurement m where m.district_id = k.district_id and m.kpi_id = k.id)
                                   as measurements
                          from kpi k where k.district_id = ? and k.archived_at is not null
                         order by k.archived_at desc, k.name""")
                .param(districtId)
                .query((rs, row) -> new ArchivedKpi(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("archived_at").toInstant(),
                        rs.getString("archived_by"),
                        rs.getInt("measurements")))
                .list();
    }

    public List<Measurement> measurements(UUID districtId, UUID kpiId) {
        return jdbc.sql("select * from measurement where district_id = ? and kpi_id = ? order by school_year, period")
                .params(districtId, kpiId)
                .query(KpiStore::measurement)
                .list();
    }

    /**
     * The values of the given KPIs in one scope (a school, or the district when null) and one student group, by KPI,
     * in order of year and period: what statuses and trends are computed from. Found through the scope index, so it
     * reads these values and no other school's or group's.
     */
    public Map<UUID, List<Measurement>> scopeMeasurements(
            UUID districtId, Collection<UUID> kpiIds, UUID schoolId, String groupCode) {
        if (kpiIds.isEmpty()) {
            return new HashMap<>();
        }
        return byKpi(jdbc.sql("select * from measurement where district_id = :d and group_code = :g and "
                        + inScope("school_id") + " and kpi_id = any(:k) order by school_year, period")
                .param("d", districtId)
                .param("g", groupCode)
                .param("s", schoolId)
                .param("k", kpiIds.toArray(UUID[]::new))
                .query(KpiStore::measurement)
                .list());
    }

    /**
     * What the public page shows of the given KPIs, by KPI, in order of year and period: the district's all-students
     * values of every year (the chart and the status), and every school's and group's value of the latest year and
     * period that has a district total (the tables). One statement, about 200 rows per KPI in a district of 200
     * schools, instead of every value of every year.
     */
    public Map<UUID, List<Measurement>> publicMeasurements(UUID districtId, Collection<UUID> kpiIds) {
        if (kpiIds.isEmpty()) {
            return new HashMap<>();
        }
        return byKpi(jdbc.sql("""
                        with headline as (
                            select * from measurement
                             where district_id = :d and group_code = 'ALL' and %s and kpi_id = any(:k)),
                        latest as (
                            select distinct on (kpi_id) kpi_id, school_year, period from headline
                             order by kpi_id, school_year desc, period desc)
                        select * from (
                            select * from headline
                            union all
                            select m.* from measurement m join latest l on l.kpi_id = m.kpi_id
                                   and l.school_year = m.school_year and l.period = m.period
                             where m.district_id = :d and not (m.group_code = 'ALL' and m.school_id is null)
                        ) shown order by school_year, period""".formatted(inScope("school_id")))
                .param("d", districtId)
                .param("s", null)
                .param("k", kpiIds.toArray(UUID[]::new))
                .query(KpiStore::measurement)
                .list());
    }

    /**
     * What a school's public page needs of the given KPIs, by KPI, in order of year and period: the all-students values
     * of the district and of every school, every year (a school's value of a year is judged with its siblings against
     * the district's total), and every value of the latest year and period with a district total, or, for a KPI
     * without district totals (a school plan's), with any all-students value (the breakdowns by student group). One
     * statement, whichever school the page is about: its siblings decide what it may show.
     */
    public Map<UUID, List<Measurement>> publicSchoolMeasurements(UUID districtId, Collection<UUID> kpiIds) {
        if (kpiIds.isEmpty()) {
            return new HashMap<>();
        }
        return byKpi(jdbc.sql("""
                        with headline as (
                            select * from measurement
                             where district_id = :d and group_code = 'ALL' and kpi_id = any(:k)),
                        latest as (
                            select distinct on (kpi_id) kpi_id, school_year, period from headline
                             order by kpi_id, school_id is null desc, school_year desc, period desc)
                        select * from (
                            select * from headline
                            union all
                            select m.* from measurement m join latest l on l.kpi_id = m.kpi_id
                                   and l.school_year = m.school_year and l.period = m.period
                             where m.district_id = :d and m.group_code <> 'ALL'
                        ) shown order by school_year, period""")
                .param("d", districtId)
                .param("k", kpiIds.toArray(UUID[]::new))
                .query(KpiStore::measurement)
                .list());
    }

    /**
     * One KPI's values in one scope and group (every year), and every value of the latest year that scope has (every
     * school and group, for the breakdown): what the KPI page shows, in order of year and period, in one statement.
     */
    public List<Measurement> scopeAndLatestYear(UUID districtId, UUID kpiId, UUID schoolId, String groupCode) {
        return jdbc.sql("""
                        with scope as (
                            select * from measurement where district_id = :d and kpi_id = :k and group_code = :g and %s)
                        select * from (
                            select * from scope
                            union all
                            select m.* from measurement m
                             where m.district_id = :d and m.kpi_id = :k
                               and m.school_year = (select max(school_year) from scope)
                               and not (m.group_code = :g and %s)
                        ) shown order by school_year, period""".formatted(inScope("school_id"), inScope("m.school_id")))
                .param("d", districtId)
                .param("k", kpiId)
                .param("g", groupCode)
                .param("s", schoolId)
                .query(KpiStore::measurement)
                .list();
    }

    /**
     * A school's values, or the district's own when {@code :s} is null (school_id is null there, and null equals
     * nothing), written as the indexes hold it: a parameter in place of the literal would not match the index.
     */
    private static String inScope(String column) {
        String none = "'00000000-0000-0000-0000-000000000000'";
        return "coalesce(" + column + ", " + none + ") = coalesce(cast(:s as uuid), " + none + ")";
    }

    private static Map<UUID, List<Measurement>> byKpi(List<Measurement> values) {
        Map<UUID, List<Measurement>> result = new HashMap<>();
        values.forEach(
                m -> result.computeIfAbsent(m.kpiId(), id -> new ArrayList<>()).add(m));
        return result;
    }

    /** Every value of a KPI with its version, author and time, in order of year and period. */
    public List<RecordedValue> recordedValues(UUID districtId, UUID kpiId) {
        return jdbc.sql("select * from measurement where district_id = ? and kpi_id = ? order by school_year, period")
                .params(districtId, kpiId)
                .query(KpiStore::recorded)
                .list();
    }

    static RecordedValue recorded(ResultSet rs, int row) throws SQLException {
        return new RecordedValue(
                measurement(rs, row),
                rs.getInt("version"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }

    private Map<UUID, SortedMap<Integer, BigDecimal>> targets(UUID districtId) {
        return targets(districtId, null);
    }

    /** Targets of the district's KPIs, or of one KPI (recording a value looks up only its own). */
    private Map<UUID, SortedMap<Integer, BigDecimal>> targets(UUID districtId, UUID kpiId) {
        Map<UUID, SortedMap<Integer, BigDecimal>> result = new HashMap<>();
        jdbc.sql("select kpi_id, school_year, value from kpi_target where district_id = :d"
                        + (kpiId == null ? "" : " and kpi_id = :k"))
                .param("d", districtId)
                .param("k", kpiId)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("kpi_id", UUID.class), id -> new TreeMap<>())
                            .put(rs.getInt("school_year"), rs.getBigDecimal("value"));
                });
        return result;
    }

    /** The levels of school a KPI is about, as the database keeps them (text[]); unknown names are left out. */
    private static java.util.Set<SchoolLevel> levels(java.sql.Array array) throws SQLException {
        java.util.Set<SchoolLevel> levels = java.util.EnumSet.noneOf(SchoolLevel.class);
        for (Object name : (Object[]) array.getArray()) {
            levels.add(SchoolLevel.valueOf((String) name));
        }
        return levels;
    }

    private static Kpi kpi(ResultSet rs, Map<UUID, SortedMap<Integer, BigDecimal>> targets) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Kpi(
                id,
                rs.getObject("outcome_id", UUID.class),
                rs.getString("name"),
                rs.getString("name_translation"),
                Kpi.Unit.valueOf(rs.getString("unit")),
                Direction.valueOf(rs.getString("direction")),
                Values.plain(rs.getBigDecimal("baseline_value")),
                rs.getInt("baseline_year"),
                Kpi.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("data_source"),
                rs.getObject("owner_id", UUID.class),
                rs.getBoolean("by_student_group"),
                rs.getBoolean("about_students"),
                levels(rs.getArray("school_levels")),
                rs.getBoolean("published"),
                rs.getInt("position"),
                targets.getOrDefault(id, new TreeMap<>()),
                rs.getInt("version"));
    }

    static Measurement measurement(ResultSet rs, int row) throws SQLException {
        return new Measurement(
                rs.getObject("kpi_id", UUID.class),
                rs.getInt("school_year"),
                rs.getInt("period"),
                rs.getObject("school_id", UUID.class),
                rs.getString("group_code"),
                Values.plain(rs.getBigDecimal("value")),
                (Integer) rs.getObject("n"));
    }

    /** The latest "recorded at" of the given KPIs' values, in one statement. */
    public Map<UUID, java.time.Instant> lastRecorded(UUID districtId, Collection<UUID> kpiIds) {
        Map<UUID, java.time.Instant> last = new java.util.HashMap<>();
        jdbc.sql("""
                        select kpi_id, max(recorded_at) as last from measurement
                         where district_id = ? and kpi_id = any(?) group by kpi_id""")
                .params(districtId, kpiIds.toArray(UUID[]::new))
                .query((rs, row) -> last.put(
                        rs.getObject("kpi_id", UUID.class),
                        rs.getTimestamp("last").toInstant()))
                .list();
        return last;
    }
}
