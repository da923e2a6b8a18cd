package org.lodestar.measures.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lodestar.measures.LockedPeriod;
import org.lodestar.shared.Ids;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code measurement_lock}: made once, never changed. */
@Repository
class LockStore {

    private final JdbcClient jdbc;

    LockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the lock was made now (false: the KPI's quarter was locked already). */
    boolean insert(UUID districtId, UUID kpiId, SchoolQuarter quarter, Instant at, String by) {
        return jdbc.sql("""
                        insert into measurement_lock (district_id, id, kpi_id, school_year, quarter, locked_at, locked_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (district_id, kpi_id, school_year, quarter) do nothing""")
                        .params(
                                districtId,
                                Ids.next(),
                                kpiId,
                                quarter.schoolYear(),
                                quarter.quarter(),
                                java.sql.Timestamp.from(at),
                                by)
                        .update()
                == 1;
    }

    /** Every lock of the district: few rows (a KPI gets at most five a year), read once per recording. */
    LockedPeriods of(UUID districtId) {
        return new LockedPeriods(
                jdbc.sql("select kpi_id, school_year, quarter from measurement_lock where district_id = ?")
                        .param(districtId)
                        .query((rs, row) -> new LockedPeriods.Lock(
                                rs.getObject("kpi_id", UUID.class), rs.getInt("school_year"), rs.getInt("quarter")))
                        .list());
    }

    /** The locks of one KPI, the latest school year and quarter first. */
    List<LockedPeriod> ofKpi(UUID districtId, UUID kpiId) {
        return jdbc.sql("""
                        select school_year, quarter, locked_at, locked_by from measurement_lock
                         where district_id = ? and kpi_id = ? order by school_year desc, quarter desc""")
                .params(districtId, kpiId)
                .query((rs, row) -> new LockedPeriod(
                        new SchoolQuarter(rs.getInt("school_year"), rs.getInt("quarter")),
                        rs.getTimestamp("locked_at").toInstant(),
                        rs.getString("locked_by")))
                .list();
    }
}
