package org.lodestar.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a tier that hangs under a goal (outcomes, strategies), each read with its goal's plan; every statement is
 * bound to one district. The table is each subclass's own constant, never a value from a request. A removed item keeps
 * its row (marked removed), because other modules' rows still point at it; the reads here leave it out, and every item
 * of a removed goal.
 *
 * @param <T> the record other modules read
 */
abstract class GoalItemStore<T> {

    private final JdbcClient jdbc;
    private final String table;
    private final String select;

    GoalItemStore(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.select = """
                select i.id, i.goal_id, g.plan_id, i.title, i.title_translation, i.owner_id, i.position, i.version
                  from %s i join goal g on g.district_id = i.district_id and g.id = i.goal_id
                 where i.district_id = ? and i.removed_at is null and g.removed_at is null""".formatted(table);
    }

    /** The record other modules read of a row. */
    abstract T record(GoalItem item);

    /** The items of a plan, each goal's in their order. */
    /** The items of several plans, in one statement, each goal's in their order. */
    public List<T> ofPlans(UUID districtId, java.util.Collection<UUID> planIds) {
        return jdbc
                .sql(select + " and g.plan_id = any (?) order by i.position")
                .params(districtId, planIds.toArray(UUID[]::new))
                .query(GoalItemStore::item)
                .list()
                .stream()
                .map(this::record)
                .toList();
    }

    public List<T> ofPlan(UUID districtId, UUID planId) {
        return jdbc
                .sql(select + " and g.plan_id = ? order by i.position")
                .params(districtId, planId)
                .query(GoalItemStore::item)
                .list()
                .stream()
                .map(this::record)
                .toList();
    }

    public Optional<T> find(UUID districtId, UUID id) {
        return item(districtId, id).map(this::record);
    }

    Optional<GoalItem> item(UUID districtId, UUID id) {
        return jdbc.sql(select + " and i.id = ?")
                .params(districtId, id)
                .query(GoalItemStore::item)
                .optional();
    }

    /** A new item, last under its goal. */
    void insert(UUID districtId, UUID id, UUID goalId, String title, String titleTranslation, UUID ownerId) {
        jdbc.sql("""
                        insert into %s (district_id, id, goal_id, title, title_translation, owner_id, position)
                        select ?, ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 from %1$s where district_id = ? and goal_id = ?""".formatted(table))
                .params(districtId, id, goalId, title, titleTranslation, ownerId, districtId, goalId)
                .update();
    }

    /** Saves the item's title (in both languages) and owner if its version is still {@code version}; the rows changed. */
    int update(UUID districtId, GoalItem item, int version) {
        return jdbc.sql("""
                        update %s set title = ?, title_translation = ?, owner_id = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""".formatted(table))
                .params(item.title(), item.titleTranslation(), item.ownerId(), districtId, item.id(), version)
                .update();
    }

    /** Marks the item removed if its version is still {@code version}; the rows changed. */
    int remove(UUID districtId, UUID id, int version, String actor) {
        return jdbc.sql("""
                        update %s set removed_at = now(), removed_by = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""".formatted(table))
                .params(actor, districtId, id, version)
                .update();
    }

    /**
     * Marks every item of a removed goal removed, at the transaction's time, so they can be told from items removed
     * earlier on their own; the ids of those it marked.
     */
    List<UUID> removeAllOf(UUID districtId, UUID goalId, String actor) {
        return jdbc.sql("""
                        update %s set removed_at = now(), removed_by = ?
                         where district_id = ? and goal_id = ? and removed_at is null returning id""".formatted(table))
                .params(actor, districtId, goalId)
                .query(UUID.class)
                .list();
    }

    /** Swaps the item with the neighbour above (up) or below it under its goal; does nothing at either end. */
    void move(UUID districtId, UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, goal_id, position from %s where district_id = :d and id = :id),
                        neighbour as (
                            select i.id, i.position from %1$s i join me on i.goal_id = me.goal_id
                             where i.district_id = :d and i.removed_at is null and sign(i.position - me.position) = :dir
                             order by i.position * :dir limit 1)
                        update %1$s i set position = case when i.id = me.id then neighbour.position else me.position end
                          from me, neighbour where i.district_id = :d and i.id in (me.id, neighbour.id)""".formatted(table))
                .param("d", districtId)
                .param("id", id)
                .param("dir", up ? -1 : 1)
                .update();
    }

    private static GoalItem item(ResultSet rs, int row) throws SQLException {
        return new GoalItem(
                rs.getObject("id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"),
                rs.getString("title_translation"),
                rs.getObject("owner_id", UUID.class),
                rs.getInt("position"),
                rs.getInt("version"));
    }
}
