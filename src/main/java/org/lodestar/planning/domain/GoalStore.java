package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.Goal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Goals; every statement is bound to one district. A removed goal keeps its row (marked removed), because measures'
 * KPIs and execution's projects still point at what hangs under it; the reads here leave it out.
 */
@Repository
public class GoalStore {

    private static final String SELECT = """
            select id, plan_id, title, title_translation, description, owner_id, position, published, version from goal
             where district_id = ? and removed_at is null""";

    private final JdbcClient jdbc;

    GoalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Goal> ofPlan(UUID districtId, UUID planId) {
        return jdbc.sql(SELECT + " and plan_id = ? order by position")
                .params(districtId, planId)
                .query(GoalStore::goal)
                .list();
    }

    /** The goals of several plans, in one statement, each plan's in their order. */
    public List<Goal> ofPlans(UUID districtId, java.util.Collection<UUID> planIds) {
        return jdbc.sql(SELECT + " and plan_id = any (?) order by position")
                .params(districtId, planIds.toArray(UUID[]::new))
                .query(GoalStore::goal)
                .list();
    }

    /** Every goal of every plan of the district. */
    public List<Goal> ofDistrict(UUID districtId) {
        return jdbc.sql(SELECT + " order by position")
                .param(districtId)
                .query(GoalStore::goal)
                .list();
    }

    public Optional<Goal> find(UUID districtId, UUID id) {
        return jdbc.sql(SELECT + " and id = ?")
                .params(districtId, id)
                .query(GoalStore::goal)
                .optional();
    }

    /** A new goal, last in its plan. */
    public void insert(UUID districtId, UUID id, UUID planId, String title, String titleTranslation, UUID ownerId) {
        jdbc.sql("""
                        insert into goal (district_id, id, plan_id, title, title_translation, owner_id, position)
                        select ?, ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 from goal where district_id = ? and plan_id = ?""")
                .params(districtId, id, planId, title, titleTranslation, ownerId, districtId, planId)
                .update();
    }

    /** Saves the goal's title (in both languages), owner and published flag if its version is still {@code version}; the rows changed. */
    public int update(UUID districtId, Goal goal, int version) {
        return jdbc.sql("""
                        update goal set title = ?, title_translation = ?, owner_id = ?, published = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""")
                .params(
                        goal.title(),
                        goal.titleTranslation(),
                        goal.ownerId(),
                        goal.published(),
                        districtId,
                        goal.id(),
                        version)
                .update();
    }

    /** Marks the goal removed if its version is still {@code version}; the rows changed. */
    public int remove(UUID districtId, UUID id, int version, String actor) {
        return jdbc.sql("""
                        update goal set removed_at = now(), removed_by = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""").params(actor, districtId, id, version).update();
    }

    /** Swaps the goal with the neighbour above (up) or below it in its plan; does nothing at either end. */
    public void move(UUID districtId, UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, plan_id, position from goal where district_id = :d and id = :id),
                        neighbour as (
                            select g.id, g.position from goal g join me on g.plan_id = me.plan_id
                             where g.district_id = :d and g.removed_at is null and sign(g.position - me.position) = :dir
                             order by g.position * :dir limit 1)
                        update goal g set position = case when g.id = me.id then neighbour.position else me.position end
                          from me, neighbour where g.district_id = :d and g.id in (me.id, neighbour.id)""")
                .param("d", districtId)
                .param("id", id)
                .param("dir", up ? -1 : 1)
                .update();
    }

    private static Goal goal(ResultSet rs, int row) throws SQLException {
        return new Goal(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getString("title_translation"),
                rs.getString("description"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                rs.getBoolean("published"),
                rs.getInt("version"));
    }
}
