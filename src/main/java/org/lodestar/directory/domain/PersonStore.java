package org.lodestar.directory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People, their grants and their sign-in state. */
@Repository
public class PersonStore {

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The accounts behind an e-mail address, one per district that has it (at most {@code limit}, so that a sign-in
     * checks a bounded number of password hashes).
     */
    public List<SignedInUser> accountsByEmail(String email, int limit) {
        return jdbc
                .sql("select * from app_user where lower(email) = lower(?) order by district_id limit ?")
                .params(email.strip(), limit)
                .query((rs, row) -> accountRow(rs))
                .list()
                .stream()
                .map(this::withGrants)
                .toList();
    }

    public Optional<SignedInUser> findAccount(UUID districtId, UUID userId) {
        return jdbc.sql("select * from app_user where district_id = ? and id = ?")
                .params(districtId, userId)
                .query((rs, row) -> accountRow(rs))
                .optional()
                .map(this::withGrants);
    }

    public List<Person> all(UUID districtId) {
        Map<UUID, List<Grant>> grants = grants(districtId);
        return jdbc.sql("select * from app_user where district_id = ? order by display_name")
                .param(districtId)
                .query((rs, row) -> person(rs, grants))
                .list();
    }

    public Optional<Person> find(UUID districtId, UUID id) {
        Map<UUID, List<Grant>> grants = grants(districtId);
        return jdbc.sql("select * from app_user where district_id = ? and id = ?")
                .params(districtId, id)
                .query((rs, row) -> person(rs, grants))
                .optional();
    }

    /** Whether another person of the district has this address; other districts' people are not looked at. */
    public boolean emailTaken(UUID districtId, String email, UUID exceptId) {
        return jdbc.sql("select count(*) from app_user where district_id = ? and lower(email) = lower(?) and id <> ?")
                        .params(districtId, email.strip(), exceptId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Adds a person, or saves one at the version it was read at (else {@link EditConflictException}). */
    public void save(UUID districtId, Person person) {
        int saved = jdbc.sql("""
                        insert into app_user (district_id, id, email, display_name, active)
                        values (?, ?, ?, ?, ?)
                        on conflict (district_id, id) do update set email = excluded.email,
                            display_name = excluded.display_name, active = excluded.active,
                            version = app_user.version + 1
                        where app_user.version = ?""")
                .params(
                        districtId,
                        person.id(),
                        person.email().strip(),
                        person.displayName(),
                        person.active(),
                        person.version())
                .update();
        EditConflictException.unlessSaved(saved, "person");
        jdbc.sql("delete from role_grant where district_id = ? and user_id = ?")
                .params(districtId, person.id())
                .update();
        for (Grant grant : person.grants()) {
            jdbc.sql("insert into role_grant (district_id, id, user_id, role, school_id) values (?, ?, ?, ?, ?)")
                    .params(districtId, Ids.next(), person.id(), grant.role().name(), grant.schoolId())
                    .update();
        }
    }

    /** Sets a new password and ends every session opened with the old one. */
    public void setPasswordHash(UUID districtId, UUID userId, String hash) {
        jdbc.sql(
                        "update app_user set password_hash = ?, session_epoch = session_epoch + 1 where district_id = ? and id = ?")
                .params(hash, districtId, userId)
                .update();
    }

    private Map<UUID, List<Grant>> grants(UUID districtId) {
        return grants(districtId, null);
    }

    /** The grants of the district's people, or of one person (signing in reads only theirs). */
    private Map<UUID, List<Grant>> grants(UUID districtId, UUID userId) {
        Map<UUID, List<Grant>> result = new LinkedHashMap<>();
        jdbc.sql("select user_id, role, school_id from role_grant where district_id = :d"
                        + (userId == null ? "" : " and user_id = :u") + " order by role")
                .param("d", districtId)
                .param("u", userId)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new ArrayList<>())
                            .add(new Grant(Role.valueOf(rs.getString("role")), rs.getObject("school_id", UUID.class)));
                });
        return result;
    }

    /** An account's row, read before its grants: a second query inside a row mapper would hold two connections. */
    private record AccountRow(
            UUID districtId,
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            boolean active,
            int sessionEpoch) {}

    private static AccountRow accountRow(ResultSet rs) throws SQLException {
        return new AccountRow(
                rs.getObject("district_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash") == null ? "" : rs.getString("password_hash"),
                rs.getBoolean("active"),
                rs.getInt("session_epoch"));
    }

    private SignedInUser withGrants(AccountRow row) {
        return new SignedInUser(
                row.districtId(),
                row.id(),
                row.email(),
                row.displayName(),
                row.passwordHash(),
                row.active(),
                row.sessionEpoch(),
                grants(row.districtId(), row.id()).getOrDefault(row.id(), List.of()));
    }

    private static Person person(ResultSet rs, Map<UUID, List<Grant>> grants) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Person(
                id,
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("active"),
                grants.getOrDefault(id, List.of()),
                rs.getInt("version"));
    }

    /** The languages people chose for themselves (en or es), by person; those who chose none are left out. */
    public Map<UUID, String> languages(UUID districtId) {
        Map<UUID, String> languages = new java.util.HashMap<>();
        jdbc.sql("select id, language from app_user where district_id = ? and language is not null")
                .param(districtId)
                .query((rs, row) -> languages.put(rs.getObject("id", UUID.class), rs.getString("language")))
                .list();
        return languages;
    }

    /** The language a person chose for their mail (en or es), or null for their district's. */
    public String language(UUID districtId, UUID userId) {
        return jdbc.sql("select language from app_user where district_id = ? and id = ?")
                .params(districtId, userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Sets the language a person's mail is written in (null: their district's). */
    public void setLanguage(UUID districtId, UUID userId, String language) {
        jdbc.sql("update app_user set language = ? where district_id = ? and id = ?")
                .params(language, districtId, userId)
                .update();
    }
}
