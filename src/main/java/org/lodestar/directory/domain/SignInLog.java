package org.lodestar.directory.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignInRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every sign-in attempt: the evidence for throttling, and what admins read about their own people. */
@Repository
class SignInLog {

    enum Outcome {
        SUCCEEDED,
        FAILED,
        THROTTLED
    }

    /** Failures inside the window: from this address for this account (since its last success there), in all. */
    record Failures(int accountFromAddress, int fromAddress, int ofAccount) {}

    private final JdbcClient jdbc;

    SignInLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Instant at, String email, String address, Outcome outcome, UUID districtId) {
        jdbc.sql("insert into sign_in_event (at, email, client_address, outcome, district_id) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), email, address, outcome.name(), districtId)
                .update();
    }

    /** Forgets attempts older than the log is kept for. */
    void forgetBefore(Instant before) {
        jdbc.sql("delete from sign_in_event where at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    Failures failuresSince(Instant since, String email, String address) {
        return jdbc.sql("""
                        with recent as (
                            select * from sign_in_event
                            where at > :since and (lower(email) = lower(:email) or client_address = :address)),
                        last_success as (
                            select coalesce(max(at), :since) as at from recent
                            where outcome = 'SUCCEEDED' and lower(email) = lower(:email) and client_address = :address)
                        select
                            count(*) filter (where outcome = 'FAILED' and lower(email) = lower(:email)
                                and client_address = :address and at > (select at from last_success)) as pair,
                            count(*) filter (where outcome = 'FAILED' and client_address = :address) as by_address,
                            count(*) filter (where outcome = 'FAILED' and lower(email) = lower(:email)) as by_account
                        from recent""")
                .param("since", Timestamp.from(since))
                .param("email", email)
                .param("address", address)
                .query((rs, row) -> new Failures(rs.getInt("pair"), rs.getInt("by_address"), rs.getInt("by_account")))
                .single();
    }

    /** The latest attempts on the addresses of a district's people, newest first. */
    List<SignInRecord> recentFor(UUID districtId, Instant since, int limit) {
        return jdbc.sql("""
                        select e.at, e.email, e.client_address, e.outcome, u.display_name
                        from sign_in_event e
                        join app_user u on u.district_id = :district and lower(u.email) = lower(e.email)
                        where e.at > :since and (e.district_id is null or e.district_id = :district)
                        order by e.at desc limit :limit""")
                .param("district", districtId)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) -> new SignInRecord(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        rs.getString("client_address"),
                        rs.getString("outcome")))
                .list();
    }
}
