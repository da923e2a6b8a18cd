package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outcomes, each read with its goal's plan; every statement is bound to one district. A removed outcome keeps its row
 * (marked removed), because measures' KPIs still point at it; the reads here leave it out, and every outcome of a
 * removed goal.
 */
@Repository
public class OutcomeStore {

    private static final String SELECT = """
            select o.id, o.goal_id, g.plan_id, o.title, o.owner_id, o.position, o.version
              from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
             where o.district_id = ? and o.removed_at is null and g.removed_at is null""";

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcomes of a plan, each goal's in their order. */
    public List<Outcome> ofPlan(UUID districtId, UUID planId) {
        return jdbc.sql(SELECT + " and g.plan_id = ? order by o.position")
                .params(districtId, planId)
                .query(OutcomeStore::outcome)
                .list();
    }

    public Optional<Outcome> find(UUID districtId, UUID id) {
        return jdbc.sql(SELECT + " and o.id = ?")
                .params(districtId, id)
                .query(OutcomeStore::outcome)
                .optional();
    }

    /** A new outcome, last under its goal. */
    public void insert(UUID districtId, UUID id, UUID goalId, String title, UUID ownerId) {
        jdbc.sql("""
                        insert into outcome (district_id, id, goal_id, title, owner_id, position)
                        select ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 from outcome where district_id = ? and goal_id = ?""")
                .params(districtId, id, goalId, title, ownerId, districtId, goalId)
                .update();
    }

    /** Saves the outcome's title and owner if its version is still {@code version}; the rows changed. */
    public int update(UUID districtId, Outcome outcome, int version) {
        return jdbc.sql("""
                        update outcome set title = ?, owner_id = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""")
                .params(outcome.title(), outcome.ownerId(), districtId, outcome.id(), version)
                .update();
    }

    /** Marks the outcome removed if its version is still {@code version}; the rows changed. */
    public int remove(UUID districtId, UUID id, int version, String actor) {
        return jdbc.sql("""
                        update outcome set removed_at = now(), removed_by = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""").params(actor, districtId, id, version).update();
    }

    /**
     * Marks every outcome of a removed goal removed, at the transaction's time, so they can be told from outcomes
     * removed earlier on their own; the ids of those it marked.
     */
    public List<UUID> removeAllOf(UUID districtId, UUID goalId, String actor) {
        return jdbc.sql("""
                        update outcome set removed_at = now(), removed_by = ?
                         where district_id = ? and goal_id = ? and removed_at is null returning id""").params(actor, districtId, goalId).query(UUID.class).list();
    }

    /** Swaps the outcome with the neighbour above (up) or below it under its goal; does nothing at either end. */
    public void move(UUID districtId, UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, goal_id, position from outcome where district_id = :d and id = :id),
                        neighbour as (
                            select o.id, o.position from outcome o join me on o.goal_id = me.goal_id
                             where o.district_id = :d and o.removed_at is null and sign(o.position - me.position) = :dir
                             order by o.position * :dir limit 1)
                        update outcome o set position = case when o.id = me.id then neighbour.position else me.position end
                          from me, neighbour where o.district_id = :d and o.id in (me.id, neighbour.id)""")
                .param("d", districtId)
                .param("id", id)
                .param("dir", up ? -1 : 1)
                .update();
    }

    private static Outcome outcome(ResultSet rs, int row) throws SQLException {
        return new Outcome(
                rs.getObject("id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                rs.getInt("version"));
    }
}
