package org.lodestar.measures.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes measurements many at a time: the values already recorded for a set of cells are read in one statement, and
 * values are written {@value #CHUNK} to a statement, so an import costs a few statements whatever its number of rows.
 */
@Repository
class MeasurementStore {

    /** Values written per statement: large enough to be few statements, small enough to keep each one modest. */
    static final int CHUNK = 10_000;

    private final JdbcClient jdbc;

    MeasurementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A measurement's cell: what a recorded value is unique by. */
    record Cell(UUID kpiId, int schoolYear, int period, UUID schoolId, String groupCode) {
        static Cell of(Measurement m) {
            return new Cell(m.kpiId(), m.schoolYear(), m.period(), m.schoolId(), m.groupCode());
        }
    }

    /**
     * Makes other writers of the district's measurements wait until this transaction ends, so that two imports of the
     * same cells take turns rather than deadlock (the second then replaces the first's values).
     */
    void lock(UUID districtId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) locked")
                .params(MEASUREMENT_LOCK, districtId.hashCode())
                .query(Integer.class)
                .single();
    }

    /** The first key of the advisory lock on a district's measurements (the second is the district's). */
    private static final int MEASUREMENT_LOCK = 41;

    /** The values recorded for the cells of the given measurements, by cell, in one statement. */
    Map<Cell, RecordedValue> recorded(UUID districtId, Collection<Measurement> cells) {
        Map<Cell, RecordedValue> found = new HashMap<>();
        if (cells.isEmpty()) {
            return found;
        }
        // matched as the unique index holds the school: a district value's school_id is null, and null equals nothing
        jdbc.sql("""
                        select m.* from measurement m
                          join unnest(?::uuid[], ?::int[], ?::int[], ?::uuid[], ?::text[])
                               as c(kpi_id, school_year, period, school_id, group_code)
                            on m.kpi_id = c.kpi_id and m.school_year = c.school_year and m.period = c.period
                           and coalesce(m.school_id, '00000000-0000-0000-0000-000000000000')
                               = coalesce(c.school_id, '00000000-0000-0000-0000-000000000000')
                           and m.group_code = c.group_code
                         where m.district_id = ?""")
                .params(
                        cells.stream().map(Measurement::kpiId).toArray(UUID[]::new),
                        cells.stream().map(Measurement::schoolYear).toArray(Integer[]::new),
                        cells.stream().map(Measurement::period).toArray(Integer[]::new),
                        cells.stream().map(Measurement::schoolId).toArray(UUID[]::new),
                        cells.stream().map(Measurement::groupCode).toArray(String[]::new),
                        districtId)
                .query(KpiStore::recorded)
                .list()
                .forEach(recorded -> found.put(Cell.of(recorded.measurement()), recorded));
        return found;
    }

    /**
     * Records values, each replacing the one recorded for its cell (whose version goes up), {@value #CHUNK} to a
     * statement. The cells must differ: one statement cannot write a cell twice.
     */
    void upsert(UUID districtId, List<Measurement> values, String recordedBy) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<Measurement> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            jdbc.sql("""
                            insert into measurement (district_id, id, kpi_id, school_year, period, school_id, group_code,
                                value, n, recorded_at, recorded_by)
                            select ?::uuid, v.*, ?::timestamptz, ?::text from unnest(?::uuid[], ?::uuid[], ?::int[],
                                ?::int[], ?::uuid[], ?::text[], ?::text[]::numeric[], ?::int[])
                                as v(id, kpi_id, school_year, period, school_id, group_code, value, n)
                            on conflict (district_id, kpi_id, school_year, period,
                                coalesce(school_id, '00000000-0000-0000-0000-000000000000'), group_code)
                            do update set value = excluded.value, n = excluded.n, recorded_at = excluded.recorded_at,
                                recorded_by = excluded.recorded_by, version = measurement.version + 1""")
                    .params(
                            districtId,
                            now,
                            recordedBy,
                            chunk.stream().map(m -> Ids.next()).toArray(UUID[]::new),
                            chunk.stream().map(Measurement::kpiId).toArray(UUID[]::new),
                            chunk.stream().map(Measurement::schoolYear).toArray(Integer[]::new),
                            chunk.stream().map(Measurement::period).toArray(Integer[]::new),
                            chunk.stream().map(Measurement::schoolId).toArray(UUID[]::new),
                            chunk.stream().map(Measurement::groupCode).toArray(String[]::new),
                            chunk.stream().map(m -> m.value().toPlainString()).toArray(String[]::new),
                            chunk.stream().map(Measurement::n).toArray(Integer[]::new))
                    .update();
        }
    }
}
