package org.lodestar.planning.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.compliance.EvidenceTier;
import org.lodestar.planning.compliance.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Annual improvement plans: what each carries out, its goals' strategic origin, its actions' details and costs, and
 * the district's allocation of each fund. Every statement is bound to one district.
 */
@Repository
class ImprovementStore {

    private static final String DETAIL = """
            select strategy_id, description, start_date, end_date, people, resources, needs, evidence_tier,
                   evidence_basis, implementation_evidence, impact_evidence, student_groups, version
              from action_detail where district_id = ?""";

    private final JdbcClient jdbc;

    ImprovementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void link(UUID districtId, ImprovementLink link) {
        jdbc.sql("""
                        insert into improvement_plan (district_id, plan_id, strategic_plan_id, district_improvement_plan_id)
                        values (?, ?, ?, ?)""")
                .params(districtId, link.planId(), link.strategicPlanId(), link.districtImprovementPlanId())
                .update();
    }

    Optional<ImprovementLink> link(UUID districtId, UUID planId) {
        return jdbc.sql("""
                        select plan_id, strategic_plan_id, district_improvement_plan_id from improvement_plan
                         where district_id = ? and plan_id = ?""")
                .params(districtId, planId)
                .query((rs, row) -> new ImprovementLink(
                        rs.getObject("plan_id", UUID.class),
                        rs.getObject("strategic_plan_id", UUID.class),
                        rs.getObject("district_improvement_plan_id", UUID.class)))
                .optional();
    }

    void takenFrom(UUID districtId, UUID goalId, UUID strategicGoalId) {
        jdbc.sql("insert into improvement_goal (district_id, goal_id, strategic_goal_id) values (?, ?, ?)")
                .params(districtId, goalId, strategicGoalId)
                .update();
    }

    /** The strategic goal each of the given improvement goals was taken from, for those taken from one. */
    Map<UUID, UUID> strategicGoals(UUID districtId, Collection<UUID> goalIds) {
        Map<UUID, UUID> taken = new java.util.HashMap<>();
        jdbc.sql("select goal_id, strategic_goal_id from improvement_goal where district_id = ? and goal_id = any(?)")
                .params(districtId, goalIds.toArray(UUID[]::new))
                .query(rs -> {
                    taken.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                });
        return taken;
    }

    /** The strategic strategy each of the given actions was taken from, for those taken from one. */
    Map<UUID, UUID> strategicActions(UUID districtId, Collection<UUID> actionIds) {
        Map<UUID, UUID> taken = new java.util.HashMap<>();
        jdbc.sql("""
                        select strategy_id, taken_from_strategy_id from action_detail
                         where district_id = ? and strategy_id = any (?) and taken_from_strategy_id is not null""").params(districtId, actionIds.toArray(UUID[]::new)).query(rs -> {
            taken.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return taken;
    }

    void insertDetail(UUID districtId, UUID strategyId, UUID takenFrom) {
        jdbc.sql("insert into action_detail (district_id, strategy_id, taken_from_strategy_id) values (?, ?, ?)")
                .params(districtId, strategyId, takenFrom)
                .update();
    }

    Optional<ActionDetail> detail(UUID districtId, UUID strategyId) {
        return jdbc.sql(DETAIL + " and strategy_id = ?")
                .params(districtId, strategyId)
                .query(ImprovementStore::detail)
                .optional();
    }

    /** The details of the given actions, by action. */
    Map<UUID, ActionDetail> details(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(DETAIL + " and strategy_id = any (?)")
                .params(districtId, strategyIds.toArray(UUID[]::new))
                .query(ImprovementStore::detail)
                .list()
                .stream()
                .collect(Collectors.toMap(ActionDetail::strategyId, detail -> detail));
    }

    /** Saves the details if their version is still {@code detail.version()}; the rows changed. */
    int update(UUID districtId, ActionDetail d) {
        return jdbc.sql("""
                        update action_detail set description = ?, start_date = ?, end_date = ?, people = ?, resources = ?,
                            needs = ?, evidence_tier = ?, evidence_basis = ?, implementation_evidence = ?,
                            impact_evidence = ?, student_groups = ?, version = version + 1
                         where district_id = ? and strategy_id = ? and version = ?""")
                .params(
                        d.description(),
                        d.start(),
                        d.end(),
                        d.people().toArray(UUID[]::new),
                        d.resources(),
                        d.needs(),
                        d.evidenceTier() == null ? null : d.evidenceTier().name(),
                        d.evidenceBasis(),
                        d.implementationEvidence(),
                        d.impactEvidence(),
                        d.studentGroups().toArray(String[]::new),
                        districtId,
                        d.strategyId(),
                        d.version())
                .update();
    }

    void insertCost(UUID districtId, ActionCost cost) {
        jdbc.sql(
                        "insert into action_cost (district_id, id, strategy_id, fund, purpose, amount) values (?, ?, ?, ?, ?, ?)")
                .params(
                        districtId,
                        cost.id(),
                        cost.strategyId(),
                        cost.fund(),
                        cost.purpose().name(),
                        cost.amount())
                .update();
    }

    int deleteCost(UUID districtId, UUID strategyId, UUID costId) {
        return jdbc.sql("delete from action_cost where district_id = ? and strategy_id = ? and id = ?")
                .params(districtId, strategyId, costId)
                .update();
    }

    /** The costs of the given actions, in the order they were added. */
    List<ActionCost> costs(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, strategy_id, fund, purpose, amount from action_cost
                         where district_id = ? and strategy_id = any (?) order by id""")
                .params(districtId, strategyIds.toArray(UUID[]::new))
                .query((rs, row) -> new ActionCost(
                        rs.getObject("id", UUID.class),
                        rs.getObject("strategy_id", UUID.class),
                        rs.getString("fund"),
                        Purpose.valueOf(rs.getString("purpose")),
                        rs.getBigDecimal("amount")))
                .list();
    }

    Map<String, BigDecimal> allocations(UUID districtId, int schoolYear) {
        return jdbc
                .sql("select fund, amount from fund_allocation where district_id = ? and school_year = ?")
                .params(districtId, schoolYear)
                .query((rs, row) -> Map.entry(rs.getString("fund"), rs.getBigDecimal("amount")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets a fund's allocation for the year (none: removes it). */
    void allocate(UUID districtId, int schoolYear, String fund, BigDecimal amount) {
        if (amount == null) {
            jdbc.sql("delete from fund_allocation where district_id = ? and school_year = ? and fund = ?")
                    .params(districtId, schoolYear, fund)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into fund_allocation (district_id, school_year, fund, amount) values (?, ?, ?, ?)
                        on conflict (district_id, school_year, fund)
                        do update set amount = excluded.amount, version = fund_allocation.version + 1""").params(districtId, schoolYear, fund, amount).update();
    }

    private static ActionDetail detail(ResultSet rs, int row) throws SQLException {
        String tier = rs.getString("evidence_tier");
        return new ActionDetail(
                rs.getObject("strategy_id", UUID.class),
                rs.getString("description"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                List.of((UUID[]) array(rs.getArray("people"))),
                rs.getString("resources"),
                rs.getString("needs"),
                tier == null ? null : EvidenceTier.valueOf(tier),
                rs.getString("evidence_basis"),
                rs.getString("implementation_evidence"),
                rs.getString("impact_evidence"),
                Arrays.asList((String[]) array(rs.getArray("student_groups"))),
                rs.getInt("version"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
