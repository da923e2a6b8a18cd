package org.lodestar.needs.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.analysis.NeedRanking;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Needs, their evidence, root causes and links to plan items. Every statement is bound to a district. */
@Repository
public class NeedStore {

    private static final String COLUMNS =
            "id, assessment_id, title, description, area, status, priority, merged_into, cause_method, version";

    private final JdbcClient jdbc;

    NeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Need> need(UUID districtId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from need where district_id = ? and id = ?")
                .params(districtId, id)
                .query(NeedStore::need)
                .optional();
    }

    /** The needs of an assessment: confirmed ones by priority, then candidates, then the others, each by title. */
    public List<Need> needsOf(UUID districtId, UUID assessmentId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from need where district_id = ? and assessment_id = ?
                         order by case status when 'CONFIRMED' then 0 when 'CANDIDATE' then 1 else 2 end,
                                  priority nulls last, title""")
                .params(districtId, assessmentId)
                .query(NeedStore::need)
                .list();
    }

    public UUID add(
            UUID districtId,
            UUID assessmentId,
            String title,
            String description,
            CnaArea area,
            NeedSummary.Status status,
            String by,
            Instant at) {
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into need (district_id, id, assessment_id, title, description, area, status, created_by,
                            created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        id,
                        assessmentId,
                        title,
                        description,
                        area.name(),
                        status.name(),
                        by,
                        Timestamp.from(at))
                .update();
        return id;
    }

    public void addEvidence(UUID districtId, UUID needId, NeedEvidence evidence) {
        jdbc.sql("""
                        insert into need_evidence (district_id, id, need_id, metric_id, school_id, group_code, grade,
                            against, years, values_by_year, references_by_year, n_by_year, shortfall, verdict, score)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::int[], ?::numeric[], ?::numeric[], ?::int[], ?, ?, ?)""")
                .params(
                        districtId,
                        Ids.next(),
                        needId,
                        evidence.metricId(),
                        evidence.schoolId(),
                        evidence.groupCode(),
                        evidence.grade(),
                        evidence.against(),
                        evidence.years().toArray(Integer[]::new),
                        evidence.values().toArray(BigDecimal[]::new),
                        evidence.references().toArray(BigDecimal[]::new),
                        evidence.ns().toArray(Integer[]::new),
                        evidence.shortfall(),
                        evidence.verdict(),
                        evidence.score())
                .update();
    }

    /** The evidence of the given needs, by need, the strongest first. */
    public Map<UUID, List<NeedEvidence>> evidence(UUID districtId, Collection<UUID> needIds) {
        Map<UUID, List<NeedEvidence>> byNeed = new HashMap<>();
        jdbc.sql("""
                        select id, need_id, metric_id, school_id, group_code, grade, against, years, values_by_year,
                               references_by_year, n_by_year, shortfall, verdict, score
                          from need_evidence where district_id = ? and need_id = any(?::uuid[])
                         order by score desc, id""")
                .params(districtId, needIds.toArray(UUID[]::new))
                .query((rs, row) -> new NeedEvidence(
                        rs.getObject("id", UUID.class),
                        rs.getObject("need_id", UUID.class),
                        rs.getObject("metric_id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("group_code"),
                        rs.getString("grade"),
                        rs.getString("against"),
                        list(rs.getArray("years"), Integer.class),
                        list(rs.getArray("values_by_year"), BigDecimal.class),
                        list(rs.getArray("references_by_year"), BigDecimal.class),
                        list(rs.getArray("n_by_year"), Integer.class),
                        rs.getBigDecimal("shortfall"),
                        rs.getString("verdict"),
                        rs.getBigDecimal("score")))
                .list()
                .forEach(e -> byNeed.computeIfAbsent(e.needId(), k -> new ArrayList<>())
                        .add(e));
        return byNeed;
    }

    /** Saves title and description if nobody saved the need since {@code version}; the rows changed. */
    public int describe(UUID districtId, UUID id, String title, String description, int version) {
        return jdbc.sql("""
                        update need set title = ?, description = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(title, description, districtId, id, version).update();
    }

    /** Sets the status (and clears the priority unless confirmed) if nobody saved the need since {@code version}. */
    public int setStatus(UUID districtId, UUID id, NeedSummary.Status status, int version) {
        return jdbc.sql("""
                        update need set status = ?, priority = case when ? = 'CONFIRMED' then priority end,
                               version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                .params(status.name(), status.name(), districtId, id, version)
                .update();
    }

    /**
     * Merges one need into another: the merged one keeps its own text and root cause and points to the kept one; its
     * evidence moves to the kept one and its links are added to the kept one's. Both versions are checked.
     */
    public int merge(UUID districtId, UUID mergedId, int mergedVersion, UUID keptId, int keptVersion) {
        int kept = jdbc.sql("update need set version = version + 1 where district_id = ? and id = ? and version = ?")
                .params(districtId, keptId, keptVersion)
                .update();
        int merged = jdbc.sql("""
                        update need set status = 'MERGED', merged_into = ?, priority = null, version = version + 1
                         where district_id = ? and id = ? and version = ?""")
                .params(keptId, districtId, mergedId, mergedVersion)
                .update();
        if (kept == 0 || merged == 0) {
            return 0;
        }
        jdbc.sql("update need_evidence set need_id = ? where district_id = ? and need_id = ?")
                .params(keptId, districtId, mergedId)
                .update();
        jdbc.sql("""
                        insert into need_link (district_id, need_id, item_id, kind, linked_by, linked_at)
                        select district_id, ?, item_id, kind, linked_by, linked_at from need_link
                         where district_id = ? and need_id = ?
                        on conflict do nothing""").params(keptId, districtId, mergedId).update();
        return 1;
    }

    /** Gives the confirmed needs of an assessment their priorities; the others lose theirs. */
    public void prioritize(UUID districtId, UUID assessmentId, Map<UUID, Integer> priorities) {
        jdbc.sql("""
                        update need set priority = null, version = version + 1
                         where district_id = ? and assessment_id = ? and priority is not null""").params(districtId, assessmentId).update();
        priorities.forEach((id, priority) ->
                jdbc.sql("""
                        update need set priority = ?, version = version + 1
                         where district_id = ? and assessment_id = ? and id = ? and status = 'CONFIRMED'""").params(priority, districtId, assessmentId, id).update());
    }

    public List<NeedCause> causes(UUID districtId, UUID needId) {
        return jdbc.sql("""
                        select position, category, why, because from need_cause
                         where district_id = ? and need_id = ? order by position""")
                .params(districtId, needId)
                .query((rs, row) -> new NeedCause(
                        rs.getInt("position"),
                        rs.getString("category") == null ? null : Need.CauseCategory.valueOf(rs.getString("category")),
                        rs.getString("why"),
                        rs.getString("because")))
                .list();
    }

    /** Replaces the root cause if nobody saved the need since {@code version}; the rows changed. */
    public int writeCauses(UUID districtId, UUID needId, Need.CauseMethod method, List<NeedCause> causes, int version) {
        int updated =
                jdbc.sql("""
                        update need set cause_method = ?, version = version + 1
                         where district_id = ? and id = ? and version = ?""").params(method.name(), districtId, needId, version).update();
        if (updated == 0) {
            return 0;
        }
        jdbc.sql("delete from need_cause where district_id = ? and need_id = ?")
                .params(districtId, needId)
                .update();
        for (NeedCause cause : causes) {
            jdbc.sql("""
                            insert into need_cause (district_id, need_id, position, category, why, because)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            districtId,
                            needId,
                            cause.position(),
                            cause.category() == null ? null : cause.category().name(),
                            cause.why(),
                            cause.because())
                    .update();
        }
        return updated;
    }

    public void link(UUID districtId, UUID needId, UUID itemId, NeedLink.Kind kind, String by, Instant at) {
        jdbc.sql("""
                        insert into need_link (district_id, need_id, item_id, kind, linked_by, linked_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(districtId, needId, itemId, kind.name(), by, Timestamp.from(at))
                .update();
    }

    public int unlink(UUID districtId, UUID needId, UUID itemId) {
        return jdbc.sql("delete from need_link where district_id = ? and need_id = ? and item_id = ?")
                .params(districtId, needId, itemId)
                .update();
    }

    public List<NeedLink> links(UUID districtId, Collection<UUID> needIds) {
        return jdbc.sql("""
                        select need_id, item_id, kind from need_link where district_id = ? and need_id = any(?::uuid[])
                         order by linked_at, item_id""")
                .params(districtId, needIds.toArray(UUID[]::new))
                .query((rs, row) -> new NeedLink(
                        rs.getObject("need_id", UUID.class),
                        rs.getObject("item_id", UUID.class),
                        NeedLink.Kind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** The needs (not merged or dismissed) linked to the given plan items, with the item each answers. */
    public List<Answered> needsAnswered(UUID districtId, Collection<UUID> itemIds) {
        return jdbc.sql("""
                        select l.item_id, n.id, n.title, c.school_id from need_link l
                          join need n on n.district_id = l.district_id and n.id = l.need_id
                          join cna c on c.district_id = n.district_id and c.id = n.assessment_id
                         where l.district_id = ? and l.item_id = any(?::uuid[])
                           and n.status in ('CANDIDATE', 'CONFIRMED')
                         order by n.priority nulls last, n.title""")
                .params(districtId, itemIds.toArray(UUID[]::new))
                .query((rs, row) -> new Answered(
                        rs.getObject("item_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("school_id", UUID.class)))
                .list();
    }

    /** A need linked to a plan item, with its assessment's school (null: the district's). */
    public record Answered(UUID itemId, UUID needId, String title, UUID schoolId) {}

    /** The state's values the district entered, by metric, school year and student group. */
    public Map<NeedRanking.StateKey, Double> stateValues(UUID districtId) {
        Map<NeedRanking.StateKey, Double> values = new HashMap<>();
        stateValueList(districtId)
                .forEach(v -> values.put(
                        new NeedRanking.StateKey(v.metricId(), v.schoolYear(), v.groupCode()),
                        v.value().doubleValue()));
        return values;
    }

    /** The state's values the district entered, by metric, latest year first, all students first. */
    public List<StateValue> stateValueList(UUID districtId) {
        return jdbc.sql("""
                        select metric_id, school_year, group_code, value, version from cna_state_value
                         where district_id = ? order by metric_id, school_year desc, group_code <> 'ALL', group_code""")
                .param(districtId)
                .query((rs, row) -> new StateValue(
                        rs.getObject("metric_id", UUID.class),
                        rs.getInt("school_year"),
                        rs.getString("group_code"),
                        rs.getBigDecimal("value"),
                        rs.getInt("version")))
                .list();
    }

    public Optional<StateValue> stateValue(UUID districtId, UUID metricId, int schoolYear, String groupCode) {
        return stateValueList(districtId).stream()
                .filter(v -> v.metricId().equals(metricId)
                        && v.schoolYear() == schoolYear
                        && v.groupCode().equals(groupCode))
                .findFirst();
    }

    /** Enters a new state value; false when one of that metric, year and group is there already. */
    public boolean addStateValue(
            UUID districtId, UUID metricId, int schoolYear, String groupCode, BigDecimal value, String by, Instant at) {
        return jdbc.sql("""
                        insert into cna_state_value (district_id, metric_id, school_year, group_code, value, recorded_by,
                            recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(districtId, metricId, schoolYear, groupCode, value, by, Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Changes a state value (or removes it: null) if nobody saved it since {@code version}; the rows changed. */
    public int changeStateValue(
            UUID districtId,
            UUID metricId,
            int schoolYear,
            String groupCode,
            BigDecimal value,
            int version,
            String by,
            Instant at) {
        if (value == null) {
            return jdbc.sql("""
                            delete from cna_state_value where district_id = ? and metric_id = ? and school_year = ?
                               and group_code = ? and version = ?""")
                    .params(districtId, metricId, schoolYear, groupCode, version)
                    .update();
        }
        return jdbc.sql("""
                        update cna_state_value set value = ?, recorded_by = ?, recorded_at = ?, version = version + 1
                         where district_id = ? and metric_id = ? and school_year = ? and group_code = ? and version = ?""")
                .params(value, by, Timestamp.from(at), districtId, metricId, schoolYear, groupCode, version)
                .update();
    }

    private static Need need(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("cause_method");
        return new Need(
                rs.getObject("id", UUID.class),
                rs.getObject("assessment_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                CnaArea.valueOf(rs.getString("area")),
                NeedSummary.Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("priority"),
                rs.getObject("merged_into", UUID.class),
                method == null ? null : Need.CauseMethod.valueOf(method),
                rs.getInt("version"));
    }

    private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
        Object[] items = (Object[]) array.getArray();
        return Arrays.stream(items).map(type::cast).toList();
    }
}
