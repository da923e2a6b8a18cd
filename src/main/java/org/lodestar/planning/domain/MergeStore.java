package org.lodestar.planning.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.planning.domain.ActionMerges.Merged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Actions merged into others: the merged one's mark, the costs it hands over, and what each kept one took in; and the
 * strategic-plan strategy each action was copied from, which tells copies of one strategy from overlaps.
 */
@Repository
class MergeStore {

    private final JdbcClient jdbc;

    private static final String MERGED = """
            select s.id, s.title, g.plan_id, p.title plan_title, s.merged_into, k.title kept_title, s.merged_at,
                   s.merged_by
              from strategy s
              join goal g on g.district_id = s.district_id and g.id = s.goal_id
              join plan p on p.district_id = g.district_id and p.id = g.plan_id
              join strategy k on k.district_id = s.district_id and k.id = s.merged_into
             where s.district_id = ?""";

    MergeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks {@code merged} merged into {@code kept} (and so removed) if its version is still {@code version}; the rows
     * changed.
     */
    int markMerged(UUID districtId, UUID merged, int version, UUID kept, String actor) {
        return jdbc.sql("""
                        update strategy set merged_into = ?, merged_at = now(), merged_by = ?, removed_at = now(),
                            removed_by = ?, version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""")
                .params(kept, actor, actor, districtId, merged, version)
                .update();
    }

    /** Raises the kept action's version if it is still {@code version}; the rows changed. */
    int touch(UUID districtId, UUID kept, int version) {
        return jdbc.sql("""
                        update strategy set version = version + 1
                         where district_id = ? and id = ? and version = ? and removed_at is null""").params(districtId, kept, version).update();
    }

    /** Hands every cost of one action to another; the costs moved. */
    int moveCosts(UUID districtId, UUID from, UUID to) {
        return jdbc.sql("update action_cost set strategy_id = ? where district_id = ? and strategy_id = ?")
                .params(to, districtId, from)
                .update();
    }

    Optional<Merged> merged(UUID districtId, UUID id) {
        return jdbc.sql(MERGED + " and s.id = ? and s.merged_into is not null")
                .params(districtId, id)
                .query((rs, row) -> merged(rs))
                .optional();
    }

    /** The actions merged into {@code kept}, oldest merge first. */
    List<Merged> mergedInto(UUID districtId, UUID kept) {
        return jdbc.sql(MERGED + " and s.merged_into = ? order by s.merged_at, s.id")
                .params(districtId, kept)
                .query((rs, row) -> merged(rs))
                .list();
    }

    /** The strategic strategy each of the given actions was copied from, for those copied from one. */
    Map<UUID, UUID> takenFrom(UUID districtId, Collection<UUID> actions) {
        if (actions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> takenFrom = new HashMap<>();
        jdbc.sql("""
                        select strategy_id, taken_from_strategy_id from action_detail
                         where district_id = ? and strategy_id = any (?) and taken_from_strategy_id is not null""").params(districtId, actions.toArray(UUID[]::new)).query(rs -> {
            takenFrom.put(rs.getObject("strategy_id", UUID.class), rs.getObject("taken_from_strategy_id", UUID.class));
        });
        return takenFrom;
    }

    private static Merged merged(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Merged(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getObject("plan_id", UUID.class),
                rs.getString("plan_title"),
                rs.getObject("merged_into", UUID.class),
                rs.getString("kept_title"),
                rs.getObject("merged_at", OffsetDateTime.class).toInstant(),
                rs.getString("merged_by"));
    }
}
