package org.lodestar.execution.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: written in the transaction of what caused a mail, read by the sender and the admin page. */
@Repository
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID districtId, OutboxMail mail) {
        jdbc.sql("""
                        insert into mail_outbox (district_id, id, recipient_id, recipient, language, kind, subject,
                            body_text, body_html, created_at, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        districtId,
                        mail.id(),
                        mail.recipientId(),
                        mail.recipient(),
                        mail.language(),
                        mail.kind().name(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        Timestamp.from(mail.createdAt()),
                        Timestamp.from(mail.createdAt()))
                .update();
    }

    List<OutboxMail> newest(UUID districtId, int limit) {
        return jdbc.sql("select * from mail_outbox where district_id = ? order by created_at desc, id desc limit ?")
                .params(districtId, limit)
                .query(OutboxStore::mail)
                .list();
    }

    Optional<OutboxMail> find(UUID districtId, UUID id) {
        return jdbc.sql("select * from mail_outbox where district_id = ? and id = ?")
                .params(districtId, id)
                .query(OutboxStore::mail)
                .optional();
    }

    /** Mails due to be tried, oldest first, locked for this sender (another node's sender skips them). */
    List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select district_id, id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at limit ? for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Due(rs.getObject("district_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    record Due(UUID districtId, UUID id) {}

    void sent(UUID districtId, UUID id, Instant at) {
        jdbc.sql("""
                        update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null
                         where district_id = ? and id = ?""").params(Timestamp.from(at), districtId, id).update();
    }

    void failed(UUID districtId, UUID id, String error, Instant nextAttempt, boolean givenUp) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, status = ?
                         where district_id = ? and id = ?""")
                .params(error, Timestamp.from(nextAttempt), givenUp ? "FAILED" : "PENDING", districtId, id)
                .update();
    }

    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMail(
                rs.getObject("id", UUID.class),
                rs.getObject("recipient_id", UUID.class),
                rs.getString("recipient"),
                rs.getString("language"),
                MailKind.valueOf(rs.getString("kind")),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getTimestamp("created_at").toInstant(),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                sent == null ? null : sent.toInstant(),
                rs.getString("last_error"));
    }
}
