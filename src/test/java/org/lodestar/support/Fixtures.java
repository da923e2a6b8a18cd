package org.lodestar.support;

import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.PersonStore;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/** Finds the demo district's people and items, and makes other districts and people for tests. */
@Component
public class Fixtures {

    public static final String PASSWORD = "lodestar-demo";

    private final JdbcClient jdbc;
    private final PersonStore people;
    private final PasswordEncoder passwords;

    Fixtures(JdbcClient jdbc, PersonStore people, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.people = people;
        this.passwords = passwords;
    }

    /** Signs in through the form with the demo password and returns the session, as a browser would keep it. */
    public static MockHttpSession session(MockMvc mvc, String email) throws Exception {
        var result = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(email)
                        .password(PASSWORD))
                .andReturn();
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new IllegalStateException("could not sign in as " + email);
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    public SignedInUser user(String email) {
        return people.accountsByEmail(email, 1).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no account " + email));
    }

    public UUID demoDistrict() {
        return jdbc.sql("select id from district where slug = 'lakeview'")
                .query(UUID.class)
                .single();
    }

    /** A second district with one person in the given role (district-wide), made once and reused. */
    public SignedInUser otherDistrictUser(String role) {
        UUID district = jdbc.sql("select id from district where slug = 'other'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = Ids.next();
                    jdbc.sql("insert into district (id, name, slug) values (?, 'Other District', 'other')")
                            .param(id)
                            .update();
                    jdbc.sql(
                                    "insert into student_group (district_id, code, name_en, name_es, family, position) values (?, 'ALL', 'All', 'Todos', 'ALL', 0)")
                            .param(id)
                            .update();
                    return id;
                });
        String email = role.toLowerCase() + "@other.example";
        if (people.accountsByEmail(email, 1).isEmpty()) {
            person(district, email, role, null);
        }
        return user(email);
    }

    /** A person of the demo district with one grant, made once and reused. */
    public SignedInUser demoUser(String email, String role, UUID school) {
        if (people.accountsByEmail(email, 1).isEmpty()) {
            person(demoDistrict(), email, role, school);
        }
        return user(email);
    }

    private void person(UUID district, String email, String role, UUID school) {
        UUID id = Ids.next();
        jdbc.sql("insert into app_user (district_id, id, email, display_name, password_hash) values (?, ?, ?, ?, ?)")
                .params(district, id, email, email, passwords.encode(PASSWORD))
                .update();
        jdbc.sql("insert into role_grant (district_id, id, user_id, role, school_id) values (?, ?, ?, ?, ?)")
                .params(district, Ids.next(), id, role, school)
                .update();
    }

    /** An outcome of Cedar Elementary's own plan (the school the demo principal and teacher work at). */
    public UUID cedarOutcome() {
        return any("""
                select o.id from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                join school s on s.district_id = p.district_id and s.id = p.school_id
                where o.district_id = ? and s.name = 'Cedar Elementary'""");
    }

    /**
     * A percent KPI of its own under the given outcome (baseline in 2024), so that a test can change it without moving
     * any figure another test reads.
     */
    public UUID newKpi(UUID outcome, String name, int baseline) {
        return newKpi(outcome, name, baseline, true);
    }

    /** The same, saying whether its values are about students (then each school or group value needs its n). */
    public UUID newKpi(UUID outcome, String name, int baseline, boolean aboutStudents) {
        UUID kpi = Ids.next();
        jdbc.sql("""
                        insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                            baseline_year, frequency, about_students, position)
                        values (?, ?, ?, ?, 'PERCENT', 'HIGHER_IS_BETTER', ?, 2024, 'ANNUAL', ?, 90)""")
                .params(demoDistrict(), kpi, outcome, name, baseline, aboutStudents)
                .update();
        return kpi;
    }

    public UUID any(String sql) {
        return jdbc.sql(sql).param(demoDistrict()).query(UUID.class).list().get(0);
    }

    /** The saved version of a row, as an edit form that was just opened sends it back. */
    public String version(String table, UUID id) {
        return String.valueOf(jdbc.sql("select version from " + table + " where id = ?")
                .param(id)
                .query(Integer.class)
                .single());
    }

    public int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
