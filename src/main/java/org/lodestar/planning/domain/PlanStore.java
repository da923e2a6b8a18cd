package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Node;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.ProjectStatus;
import org.lodestar.planning.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and the items of their trees; every statement is bound to one district. */
@Repository
public class PlanStore {

    /**
     * Each tier joined up to its plan, so that a whole tree is read with one statement per tier. Removed goals and
     * outcomes (and the strategies and projects under a removed goal) are left out: planning keeps their rows because
     * measures' KPIs still point at them.
     */
    private static final String NODES = """
            select 'GOAL' as tier, g.id, g.plan_id as parent_id, g.plan_id, g.title, g.owner_id, g.position, g.published,
                   null as status
              from goal g where g.district_id = :d and g.removed_at is null
            union all
            select 'OUTCOME', o.id, o.goal_id, g.plan_id, o.title, o.owner_id, o.position, false, null
              from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
             where o.district_id = :d and o.removed_at is null and g.removed_at is null
            union all
            select 'STRATEGY', s.id, s.goal_id, g.plan_id, s.title, s.owner_id, s.position, false, null
              from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
             where s.district_id = :d and g.removed_at is null
            union all
            select 'PROJECT', p.id, p.strategy_id, g.plan_id, p.title, p.owner_id, p.position, false, p.status
              from project p join strategy s on s.district_id = p.district_id and s.id = p.strategy_id
              join goal g on g.district_id = s.district_id and g.id = s.goal_id
             where p.district_id = :d and g.removed_at is null
            """;

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PlanSummary> plans(UUID districtId) {
        return jdbc.sql(
                        "select * from plan where district_id = ? order by school_id nulls first, first_year desc, title")
                .param(districtId)
                .query(PlanStore::plan)
                .list();
    }

    public Optional<PlanSummary> plan(UUID districtId, UUID planId) {
        return jdbc.sql("select * from plan where district_id = ? and id = ?")
                .params(districtId, planId)
                .query(PlanStore::plan)
                .optional();
    }

    public void savePlan(UUID districtId, PlanSummary plan) {
        jdbc.sql("""
                        insert into plan (district_id, id, school_id, kind, title, first_year, last_year, vision,
                            mission, core_values, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (district_id, id) do update set title = excluded.title,
                            first_year = excluded.first_year, last_year = excluded.last_year,
                            vision = excluded.vision, mission = excluded.mission,
                            core_values = excluded.core_values, status = excluded.status""")
                .params(
                        districtId,
                        plan.id(),
                        plan.schoolId(),
                        plan.kind().name(),
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        plan.status().name())
                .update();
    }

    public List<Node> nodesOfPlan(UUID districtId, UUID planId) {
        return jdbc.sql("select * from (" + NODES + ") n where plan_id = :p order by position")
                .param("d", districtId)
                .param("p", planId)
                .query(PlanStore::node)
                .list();
    }

    public List<Node> nodes(UUID districtId) {
        return jdbc.sql("select * from (" + NODES + ") n order by position")
                .param("d", districtId)
                .query(PlanStore::node)
                .list();
    }

    public Optional<Node> node(UUID districtId, Tier tier, UUID id) {
        return jdbc.sql("select * from (" + NODES + ") n where tier = :t and id = :id")
                .param("d", districtId)
                .param("t", tier.name())
                .param("id", id)
                .query(PlanStore::node)
                .optional();
    }

    public void insertNode(UUID districtId, Tier tier, UUID id, UUID parentId, String title, UUID ownerId) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from " + tier.table()
                        + " where district_id = ? and " + tier.parentColumn() + " = ?")
                .params(districtId, parentId)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into " + tier.table() + " (district_id, id, " + tier.parentColumn()
                        + ", title, owner_id, position) values (?, ?, ?, ?, ?, ?)")
                .params(districtId, id, parentId, title, ownerId, position)
                .update();
    }

    public void updateNode(UUID districtId, Node node) {
        jdbc.sql("update " + node.tier().table() + " set title = ?, owner_id = ? where district_id = ? and id = ?")
                .params(node.title(), node.ownerId(), districtId, node.id())
                .update();
        if (node.tier() == Tier.PROJECT && node.status() != null) {
            jdbc.sql("update project set status = ? where district_id = ? and id = ?")
                    .params(node.status().name(), districtId, node.id())
                    .update();
        }
        if (node.tier() == Tier.GOAL) {
            jdbc.sql("update goal set published = ? where district_id = ? and id = ?")
                    .params(node.published(), districtId, node.id())
                    .update();
        }
    }

    /**
     * Removes an item: goals and outcomes are marked removed (other modules point at them, see {@link #NODES}),
     * strategies and projects, which nothing outside planning points at, are deleted.
     */
    public void removeNode(UUID districtId, Tier tier, UUID id, String actor) {
        if (tier == Tier.GOAL) {
            // its outcomes go with it, at the same now() (the transaction's time), so they can be told from
            // outcomes removed earlier on their own
            jdbc.sql("""
                            update outcome set removed_at = now(), removed_by = ?
                             where district_id = ? and goal_id = ? and removed_at is null""").params(actor, districtId, id).update();
        }
        if (keptWhenRemoved(tier)) {
            jdbc.sql(
                            "update " + tier.table()
                                    + " set removed_at = now(), removed_by = ? where district_id = ? and id = ? and removed_at is null")
                    .params(actor, districtId, id)
                    .update();
        } else {
            jdbc.sql("delete from " + tier.table() + " where district_id = ? and id = ?")
                    .params(districtId, id)
                    .update();
        }
    }

    /** The outcomes of a goal that are not removed: those that go with the goal when it is removed. */
    public List<UUID> outcomeIds(UUID districtId, UUID goalId) {
        return jdbc.sql("select id from outcome where district_id = ? and goal_id = ? and removed_at is null")
                .params(districtId, goalId)
                .query(UUID.class)
                .list();
    }

    private static boolean keptWhenRemoved(Tier tier) {
        return tier == Tier.GOAL || tier == Tier.OUTCOME;
    }

    /** Swaps an item with its neighbour above (up) or below; does nothing at either end. */
    public void move(UUID districtId, Node node, boolean up) {
        String neighbour = "select id, position from " + node.tier().table() + " where district_id = ? and "
                + node.tier().parentColumn() + " = ? and position " + (up ? "<" : ">") + " ? order by position "
                + (up ? "desc" : "asc") + " limit 1";
        if (keptWhenRemoved(node.tier())) {
            neighbour = neighbour.replace(" order by", " and removed_at is null order by");
        }
        List<Object[]> rows = jdbc.sql(neighbour)
                .params(districtId, node.parentId(), node.position())
                .query((rs, row) -> new Object[] {rs.getObject("id", UUID.class), rs.getInt("position")})
                .list();
        if (rows.isEmpty()) {
            return;
        }
        String update = "update " + node.tier().table() + " set position = ? where district_id = ? and id = ?";
        jdbc.sql(update).params(rows.get(0)[1], districtId, node.id()).update();
        jdbc.sql(update).params(node.position(), districtId, rows.get(0)[0]).update();
    }

    public List<Alignment> alignments(UUID districtId) {
        // an alignment of a removed goal, either side, no longer counts (the row stays with the removed goal)
        return jdbc.sql("""
                        select a.school_goal_id, a.district_goal_id, a.rationale from goal_alignment a
                          join goal s on s.district_id = a.district_id and s.id = a.school_goal_id
                          join goal d on d.district_id = a.district_id and d.id = a.district_goal_id
                         where a.district_id = ? and s.removed_at is null and d.removed_at is null""")
                .param(districtId)
                .query((rs, row) -> new Alignment(
                        rs.getObject("school_goal_id", UUID.class),
                        rs.getObject("district_goal_id", UUID.class),
                        rs.getString("rationale")))
                .list();
    }

    public void align(UUID districtId, Alignment alignment) {
        jdbc.sql("""
                        insert into goal_alignment (district_id, school_goal_id, district_goal_id, rationale)
                        values (?, ?, ?, ?)
                        on conflict (district_id, school_goal_id, district_goal_id) do update set rationale = excluded.rationale""")
                .params(districtId, alignment.schoolGoalId(), alignment.districtGoalId(), alignment.rationale())
                .update();
    }

    public void unalign(UUID districtId, UUID schoolGoalId, UUID districtGoalId) {
        jdbc.sql("delete from goal_alignment where district_id = ? and school_goal_id = ? and district_goal_id = ?")
                .params(districtId, schoolGoalId, districtGoalId)
                .update();
    }

    /** A school goal's link to a district goal, with the school's reason. */
    private static PlanSummary plan(ResultSet rs, int row) throws SQLException {
        return new PlanSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("school_id", UUID.class),
                PlanKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getInt("first_year"),
                rs.getInt("last_year"),
                rs.getString("vision"),
                rs.getString("mission"),
                rs.getString("core_values"),
                PlanStatus.valueOf(rs.getString("status")));
    }

    private static Node node(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new Node(
                Tier.valueOf(rs.getString("tier")),
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                rs.getBoolean("published"),
                status == null ? null : ProjectStatus.valueOf(status));
    }
}
