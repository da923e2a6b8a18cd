package org.lodestar.execution.updates;

import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.execution.mail.MailKind;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What was asked of whom, once per kind, subject (an item, or a planner for the digest) and period. */
@Repository
class NoticeStore {

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean sent(UUID districtId, MailKind kind, String subject, LocalDate period) {
        return sentOn(districtId, kind, subject, period) != null;
    }

    /** The day the notice went out, or null when it has not. */
    LocalDate sentOn(UUID districtId, MailKind kind, String subject, LocalDate period) {
        return jdbc.sql("""
                        select noticed_on from update_notice
                         where district_id = ? and kind = ? and subject_key = ? and period = ?""")
                .params(districtId, kind.name(), subject, period)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    /** Records a notice; false when one was recorded already (by another node's run, say). */
    boolean record(UUID districtId, MailKind kind, String subject, LocalDate period, LocalDate on, UUID mailId) {
        return jdbc.sql("""
                                insert into update_notice (district_id, id, kind, subject_key, period, noticed_on, mail_id)
                                values (?, ?, ?, ?, ?, ?, ?)
                                on conflict (district_id, kind, subject_key, period) do nothing""")
                        .params(districtId, Ids.next(), kind.name(), subject, period, on, mailId)
                        .update()
                > 0;
    }
}
