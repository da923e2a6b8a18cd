package org.lodestar.needs.domain;

import java.util.List;
import java.util.UUID;
import org.lodestar.needs.CnaValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads and writes of the data side that {@link CnaStore} does not have: one year's values, a trend, a metric's
 * KPI link. Every statement is bound to a district.
 */
@Repository
public class MetricStore {

    private static final String VALUE_COLUMNS = "metric_id, school_id, group_code, school_year, grade, value, n ";

    private final JdbcClient jdbc;

    MetricStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A metric's values of one school year, all schools, groups and grades. */
    public List<CnaValue> valuesOfYear(UUID districtId, UUID metricId, int schoolYear) {
        return jdbc.sql("select " + VALUE_COLUMNS + """
                         from cna_value where district_id = ? and metric_id = ? and school_year = ?
                         order by school_id nulls first, group_code, grade""")
                .params(districtId, metricId, schoolYear)
                .query(MetricStore::value)
                .list();
    }

    /** A metric's all-grades values of the district (school null) or a school and a group, oldest year first. */
    public List<CnaValue> trend(UUID districtId, UUID metricId, UUID schoolId, String groupCode) {
        return jdbc.sql("select " + VALUE_COLUMNS + """
                         from cna_value where district_id = ? and metric_id = ? and grade = ''
                          and school_id is not distinct from ? and group_code = ?
                         order by school_year""")
                .params(districtId, metricId, schoolId, groupCode)
                .query(MetricStore::value)
                .list();
    }

    /** The school years a metric has values of, latest first. */
    public List<Integer> years(UUID districtId, UUID metricId) {
        return jdbc.sql("""
                        select distinct school_year from cna_value where district_id = ? and metric_id = ?
                         order by school_year desc""").params(districtId, metricId).query(Integer.class).list();
    }

    /** Links a metric to the KPI its values feed (or unlinks it with null), if it is still at the version read. */
    public boolean linkKpi(UUID districtId, UUID metricId, UUID kpiId, int version) {
        return jdbc.sql("""
                        update cna_metric set kpi_id = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(kpiId, districtId, metricId, version).update() == 1;
    }

    private static CnaValue value(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CnaValue(
                rs.getObject("metric_id", UUID.class),
                rs.getObject("school_id", UUID.class),
                rs.getString("group_code"),
                rs.getInt("school_year"),
                rs.getString("grade"),
                rs.getBigDecimal("value"),
                (Integer) rs.getObject("n"));
    }
}
