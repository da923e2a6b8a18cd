package org.lodestar.execution.hooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhooks, their deliveries and attempts, and the KPI statuses last told; every statement is bound to one district
 * except the sender's pick of due deliveries, which locks them (another node's sender skips them).
 */
@Repository
class WebhookStore {

    /** A webhook with what signing and sending need. */
    record Target(UUID districtId, UUID id, String url, String secret, boolean enabled) {}

    /** A due delivery, locked for this sender. */
    record Due(UUID districtId, UUID id, UUID webhookId, String event, String body, int attempts) {}

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID districtId, UUID id, String url, String secret, List<WebhookEvent> events, Instant at, String by) {
        jdbc.sql("""
                        insert into webhook (district_id, id, url, secret, events, enabled, created_at, created_by)
                        values (?, ?, ?, ?, ?, true, ?, ?)""")
                .params(districtId, id, url, secret, codes(events), Timestamp.from(at), by)
                .update();
    }

    List<Webhook> all(UUID districtId) {
        return jdbc.sql("select * from webhook where district_id = ? order by created_at, id")
                .param(districtId)
                .query(WebhookStore::webhook)
                .list();
    }

    Optional<Webhook> find(UUID districtId, UUID id) {
        return jdbc.sql("select * from webhook where district_id = ? and id = ?")
                .params(districtId, id)
                .query(WebhookStore::webhook)
                .optional();
    }

    Optional<Target> target(UUID districtId, UUID id) {
        return jdbc.sql("select * from webhook where district_id = ? and id = ?")
                .params(districtId, id)
                .query((rs, row) -> new Target(
                        districtId, id, rs.getString("url"), rs.getString("secret"), rs.getBoolean("enabled")))
                .optional();
    }

    /** The ids of the district's webhooks that are on and take the event. */
    List<UUID> listening(UUID districtId, WebhookEvent event) {
        return jdbc.sql("""
                        select id from webhook where district_id = ? and enabled
                           and (',' || events || ',') like ?""")
                .params(districtId, "%," + event.name() + ",%")
                .query(UUID.class)
                .list();
    }

    boolean setEnabled(UUID districtId, UUID id, boolean enabled) {
        return jdbc.sql("update webhook set enabled = ? where district_id = ? and id = ?")
                        .params(enabled, districtId, id)
                        .update()
                > 0;
    }

    boolean delete(UUID districtId, UUID id) {
        return jdbc.sql("delete from webhook where district_id = ? and id = ?")
                        .params(districtId, id)
                        .update()
                > 0;
    }

    void insertDelivery(UUID districtId, UUID id, UUID webhookId, String event, String body, Instant at) {
        jdbc.sql("""
                        insert into webhook_delivery (district_id, id, webhook_id, event, body, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, webhookId, event, body, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** Deliveries due to be tried, oldest first, locked for this sender. */
    List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select district_id, id, webhook_id, event, body, attempts from webhook_delivery
                         where status = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at limit ? for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Due(
                        rs.getObject("district_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getObject("webhook_id", UUID.class),
                        rs.getString("event"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void attempt(UUID districtId, UUID id, UUID deliveryId, Instant at, Integer statusCode, String error, int ms) {
        jdbc.sql("""
                        insert into webhook_attempt (district_id, id, delivery_id, attempted_at, status_code, error,
                            duration_ms) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(districtId, id, deliveryId, Timestamp.from(at), statusCode, error, ms)
                .update();
    }

    void delivered(UUID districtId, UUID id, Instant at) {
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?
                         where district_id = ? and id = ?""").params(Timestamp.from(at), districtId, id).update();
    }

    void failed(UUID districtId, UUID id, Instant next, boolean givenUp) {
        jdbc.sql("""
                        update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?, status = ?
                         where district_id = ? and id = ?""")
                .params(Timestamp.from(next), givenUp ? "FAILED" : "PENDING", districtId, id)
                .update();
    }

    /** A webhook's latest deliveries, newest first, each with its attempts. */
    List<WebhookDelivery> deliveries(UUID districtId, UUID webhookId, int limit) {
        List<WebhookDelivery> bare = jdbc.sql("""
                        select * from webhook_delivery where district_id = ? and webhook_id = ?
                         order by created_at desc, id desc limit ?""")
                .params(districtId, webhookId, limit)
                .query((rs, row) -> new WebhookDelivery(
                        rs.getObject("id", UUID.class),
                        webhookId,
                        rs.getString("event"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"),
                        instant(rs, "created_at"),
                        instant(rs, "delivered_at"),
                        rs.getString("body"),
                        List.of()))
                .list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<WebhookDelivery.Attempt>> attempts = new HashMap<>();
        jdbc.sql("""
                        select * from webhook_attempt where district_id = ? and delivery_id = any(?)
                         order by attempted_at, id""")
                .params(districtId, bare.stream().map(WebhookDelivery::id).toArray(UUID[]::new))
                .query((rs, row) -> {
                    attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
                            .add(new WebhookDelivery.Attempt(
                                    instant(rs, "attempted_at"),
                                    (Integer) rs.getObject("status_code"),
                                    rs.getString("error"),
                                    rs.getInt("duration_ms")));
                    return 0;
                })
                .list();
        return bare.stream()
                .map(d -> new WebhookDelivery(
                        d.id(),
                        d.webhookId(),
                        d.event(),
                        d.status(),
                        d.attemptCount(),
                        d.nextAttemptAt(),
                        d.createdAt(),
                        d.deliveredAt(),
                        d.body(),
                        attempts.getOrDefault(d.id(), List.of())))
                .toList();
    }

    /** The status a KPI had when last told, or null. */
    String kpiStatus(UUID districtId, UUID kpiId) {
        return jdbc.sql("select status from webhook_kpi_status where district_id = ? and kpi_id = ?")
                .params(districtId, kpiId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void kpiStatus(UUID districtId, UUID kpiId, String status) {
        jdbc.sql("""
                        insert into webhook_kpi_status (district_id, kpi_id, status) values (?, ?, ?)
                        on conflict (district_id, kpi_id) do update set status = excluded.status""").params(districtId, kpiId, status).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        List<WebhookEvent> events = new ArrayList<>();
        for (String code : rs.getString("events").split(",")) {
            if (!code.isBlank()) {
                events.add(WebhookEvent.valueOf(code));
            }
        }
        return new Webhook(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                events,
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static String codes(List<WebhookEvent> events) {
        return String.join(",", events.stream().map(Enum::name).toList());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
