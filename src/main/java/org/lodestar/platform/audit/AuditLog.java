package org.lodestar.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.lodestar.shared.Ids;
import org.lodestar.shared.RecordedTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every auditable change. It listens synchronously, inside the transaction of the change, so that a change
 * and its record are saved together or not at all; many changes published at once ({@link AuditableChanges}) are
 * written a few statements for them all, each its own entry.
 */
@Component
class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DirectoryApi directory;

    AuditLog(JdbcClient jdbc, JsonMapper json, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
    }

    @EventListener
    void record(AuditableChange change) {
        jdbc.sql("""
                        insert into audit_event (district_id, id, at, actor, entity_type, entity_id, action, summary,
                            before_state, after_state, context_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(
                        change.districtId(),
                        Ids.next(),
                        Timestamp.from(at(change.districtId())),
                        change.actor(),
                        change.entityType(),
                        change.entityId(),
                        change.action(),
                        change.summary(),
                        json.writeValueAsString(change.before()),
                        json.writeValueAsString(change.after()),
                        change.contextId())
                .update();
    }

    /**
     * Many changes at once: {@value #CHUNK} to a statement, each still its own entry with its own id, all at the same
     * time (and in the order given, by their time-ordered ids).
     */
    @EventListener
    void record(AuditableChanges batch) {
        // each district's time once: now, or the time a sample district's loader claims
        Map<UUID, String> times = new HashMap<>();
        List<AuditableChange> changes = batch.changes();
        for (int from = 0; from < changes.size(); from += CHUNK) {
            List<AuditableChange> chunk = changes.subList(from, Math.min(changes.size(), from + CHUNK));
            jdbc.sql("""
                            insert into audit_event (district_id, id, at, actor, entity_type, entity_id, action, summary,
                                before_state, after_state, context_id)
                            select * from unnest(?::uuid[], ?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[],
                                ?::uuid[], ?::text[], ?::text[], ?::text[]::jsonb[], ?::text[]::jsonb[], ?::uuid[])""")
                    .params(
                            column(chunk, AuditableChange::districtId, UUID[]::new),
                            chunk.stream().map(change -> Ids.next()).toArray(UUID[]::new),
                            column(
                                    chunk,
                                    change -> times.computeIfAbsent(
                                            change.districtId(),
                                            district -> at(district).toString()),
                                    String[]::new),
                            column(chunk, AuditableChange::actor, String[]::new),
                            column(chunk, AuditableChange::entityType, String[]::new),
                            column(chunk, AuditableChange::entityId, UUID[]::new),
                            column(chunk, AuditableChange::action, String[]::new),
                            column(chunk, AuditableChange::summary, String[]::new),
                            column(chunk, change -> json.writeValueAsString(change.before()), String[]::new),
                            column(chunk, change -> json.writeValueAsString(change.after()), String[]::new),
                            column(chunk, AuditableChange::contextId, UUID[]::new))
                    .update();
        }
    }

    /** Entries written per statement of a batch. */
    static final int CHUNK = 5_000;

    private static <T> T[] column(
            List<AuditableChange> changes, Function<AuditableChange, T> value, IntFunction<T[]> array) {
        return changes.stream().map(value).toArray(array);
    }

    /**
     * Now, or the past time the demo loader claimed ({@link RecordedTime}) for a change of a sample district, never of
     * a real one, and never a time to come.
     */
    private Instant at(UUID districtId) {
        return RecordedTime.at(Instant.now(), () -> sampleDistrict(districtId));
    }

    private boolean sampleDistrict(UUID districtId) {
        return directory.district(districtId).sampleData();
    }

    /**
     * The changes of an item and of everything recorded as belonging to it (a plan's goals, KPIs, values...), latest
     * first: {@code count} of them after skipping {@code skip}.
     */
    List<AuditEntry> history(UUID districtId, UUID entityId, int skip, int count) {
        return jdbc.sql("""
                        select at, actor, entity_type, action, summary, before_state::text as before_state,
                            after_state::text as after_state
                        from audit_event where district_id = ? and (entity_id = ? or context_id = ?)
                        order by at desc, id desc offset ? limit ?""")
                .params(districtId, entityId, entityId, skip, count)
                .query((rs, row) -> new AuditEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("entity_type"),
                        rs.getString("action"),
                        rs.getString("summary"),
                        fields(rs.getString("before_state")),
                        fields(rs.getString("after_state"))))
                .list();
    }

    private JsonNode fields(String state) {
        return state == null ? json.createObjectNode() : json.readTree(state);
    }

    /** A recorded change; its fields are JSON objects of field name to value, in the shape they were written. */
    record AuditEntry(
            Instant at,
            String actor,
            String entityType,
            String action,
            String summary,
            JsonNode before,
            JsonNode after) {}
}
