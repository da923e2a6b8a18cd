package org.lodestar.execution.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calendar feeds (a person's token, kept as its SHA-256 only) and the dated work a feed lists. A feed is found by its
 * token's hash alone, as an API token is; everything else is bound to the feed's district.
 */
@Repository
class CalendarFeedStore {

    /** The person a feed belongs to. */
    record Owner(UUID districtId, UUID userId) {}

    /** A dated item of the person's: a task, a milestone or a project. */
    record Dated(String kind, UUID id, String title, LocalDate due, String project) {}

    private final JdbcClient jdbc;

    CalendarFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes (or replaces, so the old link stops working) the person's feed. */
    void put(UUID districtId, UUID userId, String tokenHash, Instant at) {
        jdbc.sql("""
                        insert into calendar_feed (district_id, user_id, token_hash, created_at) values (?, ?, ?, ?)
                        on conflict (district_id, user_id)
                        do update set token_hash = excluded.token_hash, created_at = excluded.created_at""").params(districtId, userId, tokenHash, Timestamp.from(at)).update();
    }

    boolean remove(UUID districtId, UUID userId) {
        return jdbc.sql("delete from calendar_feed where district_id = ? and user_id = ?")
                        .params(districtId, userId)
                        .update()
                > 0;
    }

    /** When the person's feed was made, if they have one. */
    Optional<Instant> since(UUID districtId, UUID userId) {
        return jdbc.sql("select created_at from calendar_feed where district_id = ? and user_id = ?")
                .params(districtId, userId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    Optional<Owner> owner(String tokenHash) {
        return jdbc.sql("select district_id, user_id from calendar_feed where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) ->
                        new Owner(rs.getObject("district_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    /**
     * The person's dated work from {@code from} on, at most {@code limit} items, earliest first: the tasks they own,
     * the milestones of the projects they own, and the projects they own; none of an archived project.
     */
    List<Dated> dated(UUID districtId, UUID userId, LocalDate from, int limit) {
        return jdbc.sql("""
                        select * from (
                            select case when t.milestone then 'MILESTONE' else 'TASK' end as kind, t.id, t.title,
                                   t.due_date, p.title as project
                              from task t join project p on p.district_id = t.district_id and p.id = t.project_id
                             where t.district_id = ? and p.archived_at is null and t.due_date >= ?
                               and (t.owner_id = ? or (t.milestone and p.owner_id = ?))
                            union all
                            select 'PROJECT', p.id, p.title, p.due_date, null
                              from project p
                             where p.district_id = ? and p.archived_at is null and p.due_date >= ? and p.owner_id = ?
                        ) dated order by due_date, title, id limit ?""")
                .params(districtId, from, userId, userId, districtId, from, userId, limit)
                .query((rs, row) -> new Dated(
                        rs.getString("kind"),
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getString("project")))
                .list();
    }
}
