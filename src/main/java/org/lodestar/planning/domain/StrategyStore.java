package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.Strategy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Strategies, each read with its goal's plan; every statement is bound to one district. A removed strategy keeps its row
 * (marked removed), because execution's projects still point at it; the reads here leave it out, and every strategy of a
 * removed goal.
 */
@Repository
public class StrategyStore {

    private static final String SELECT = """
            select s.id, s.goal_id, g.plan_id, s.title, s.owner_id, s.position, s.version
              from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
             where s.district_id = ? and s.removed_at is null and g.removed_at is null""";

    private final JdbcClient jdbc;

    StrategyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The strategies of a plan, each goal's in their order. */
    public List<Strategy> ofPlan(UUID districtId, UUID planId) {
        return jdbc.sql(SELECT + " and g.plan_id = ? order by s.position")
                .params(districtId, planId)
                .query(StrategyStore::strategy)
                .list();
    }

    public Optional<Strategy> find(UUID districtId, UUID id) {
        return jdbc.sql(SELECT + " and s.id = ?")
                .params(districtId, id)
                .query(StrategyStore::strategy)
                .optional();
    }

    /** A new strategy, last under its goal. */
    public void insert(UUID districtId, UUID id, UUID goalId, String title, UUID ownerId) {
        jdbc.sql("""
                        insert into strategy (district_id, id, goal_id, title, owner_id, position)
                        select ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 from strategy where district_id = ? and goal_id = ?""")
                .params(districtId, id, goalId, title, ownerId, districtId, goalId)
                .update();
    }

    /** Saves the strategy's title and owner if its version is still {@code version}; the rows changed. */
    public int update(UUID districtId, Strategy strategy, int version) {
        return jdbc.sql("""
                        update strategy set title = ?, owner_id = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""")
                .params(strategy.title(), strategy.ownerId(), districtId, strategy.id(), version)
                .update();
    }

    /** Marks the strategy removed if its version is still {@code version}; the rows changed. */
    public int remove(UUID districtId, UUID id, int version, String actor) {
        return jdbc.sql("""
                        update strategy set removed_at = now(), removed_by = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""").params(actor, districtId, id, version).update();
    }

    /**
     * Marks every strategy of a removed goal removed, at the transaction's time, so they can be told from strategies
     * removed earlier on their own; the ids of those it marked.
     */
    public List<UUID> removeAllOf(UUID districtId, UUID goalId, String actor) {
        return jdbc.sql("""
                        update strategy set removed_at = now(), removed_by = ?
                         where district_id = ? and goal_id = ? and removed_at is null returning id""").params(actor, districtId, goalId).query(UUID.class).list();
    }

    /** Swaps the strategy with the neighbour above (up) or below it under its goal; does nothing at either end. */
    public void move(UUID districtId, UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, goal_id, position from strategy where district_id = :d and id = :id),
                        neighbour as (
                            select s.id, s.position from strategy s join me on s.goal_id = me.goal_id
                             where s.district_id = :d and s.removed_at is null and sign(s.position - me.position) = :dir
                             order by s.position * :dir limit 1)
                        update strategy s set position = case when s.id = me.id then neighbour.position else me.position end
                          from me, neighbour where s.district_id = :d and s.id in (me.id, neighbour.id)""")
                .param("d", districtId)
                .param("id", id)
                .param("dir", up ? -1 : 1)
                .update();
    }

    private static Strategy strategy(ResultSet rs, int row) throws SQLException {
        return new Strategy(
                rs.getObject("id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                rs.getInt("version"));
    }
}
