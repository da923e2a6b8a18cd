package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in as an attacker and a careless admin would meet it: what an admin changes reaches open sessions at once,
 * guessing is throttled by address without locking the account or its API tokens, and every block is on record.
 */
@LodestarTest
class SessionsAndThrottlingTest {

    private static final String STRONG = "copper-fjord-lantern-8";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    @Autowired
    DistrictChanges changes;

    private static MockHttpServletRequestBuilder signIn(String email, String password, String from) {
        return post("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                });
    }

    private String redirect(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
    }

    /** Signs in through the form and returns the session, as a browser would keep it. */
    private MockHttpSession session(String email, String password) throws Exception {
        var result = mvc.perform(signIn(email, password, "192.0.2.50")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse().getStatus();
    }

    /** A change behind the application's back, counted as the application counts its own (see DistrictChanges). */
    private void sql(String statement, Object... params) {
        fixtures.jdbc().sql(statement).params(params).update();
        changes.count(fixtures.demoDistrict());
    }

    @Test
    void aDeactivatedPlannersOpenSessionEndsAtTheNextClickAndAddsNothing() throws Exception {
        SignedInUser planner = fixtures.demoUser("leaving-planner@lakeview.example", "PLANNER", null);
        MockHttpSession session = session(planner.email(), Fixtures.PASSWORD);
        assertThat(status(get("/plans"), session)).isEqualTo(200);
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        int goals = fixtures.count("goal");

        sql("update app_user set active = false where id = ?", planner.userId());

        var response = mvc.perform(post("/plans/" + plan + "/nodes/goal")
                        .param("title", "Added after leaving")
                        .session(session)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(fixtures.count("goal")).isEqualTo(goals);
        assertThat(mvc.perform(get("/plans").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void aRoleChangeAppliesToAnOpenSessionAtTheNextClick() throws Exception {
        SignedInUser person = fixtures.demoUser("promoted@lakeview.example", "VIEWER", null);
        MockHttpSession session = session(person.email(), Fixtures.PASSWORD);
        assertThat(status(get("/admin/people"), session)).isEqualTo(403);

        sql("update role_grant set role = 'DISTRICT_ADMIN' where user_id = ?", person.userId());
        assertThat(status(get("/admin/people"), session)).isEqualTo(200);

        sql("update role_grant set role = 'VIEWER' where user_id = ?", person.userId());
        assertThat(status(get("/admin/people"), session)).isEqualTo(403);
    }

    @Test
    void changingOnesPasswordEndsOtherSessionsButKeepsThisOne() throws Exception {
        SignedInUser person = fixtures.demoUser("two-browsers@lakeview.example", "VIEWER", null);
        MockHttpSession laptop = session(person.email(), Fixtures.PASSWORD);
        MockHttpSession phone = session(person.email(), Fixtures.PASSWORD);

        var changed = mvc.perform(post("/account/password")
                        .param("current", Fixtures.PASSWORD)
                        .param("next", STRONG)
                        .session(laptop)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/account?passwordChanged");

        assertThat(status(get("/plans"), laptop)).isEqualTo(200);
        assertThat(mvc.perform(get("/plans").session(phone))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    @Test
    void aPasswordResetByAnAdminEndsThePersonsSessions() throws Exception {
        SignedInUser person = fixtures.demoUser("reset-me@lakeview.example", "VIEWER", null);
        MockHttpSession session = session(person.email(), Fixtures.PASSWORD);
        mvc.perform(post("/admin/people")
                .param("id", person.userId().toString())
                .param("version", fixtures.version("app_user", person.userId()))
                .param("displayName", "Reset Me")
                .param("email", person.email())
                .param("active", "true")
                .param("password", STRONG)
                .param("grants[0].role", "VIEWER")
                .with(user(fixtures.user("admin@lakeview.example")))
                .with(csrf()));
        assertThat(mvc.perform(get("/plans").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
        assertThat(redirect(signIn(person.email(), STRONG, "192.0.2.51"))).isEqualTo("/");
    }

    @Test
    void fiveFailuresBlockThatAddressForThatAccountOnlyAndApiTokensKeepWorking() throws Exception {
        SignedInUser person = fixtures.demoUser("guessed@lakeview.example", "VIEWER", null);
        String token = tokens.create(person.districtId(), person.userId(), "reports");
        for (int i = 0; i < 5; i++) {
            assertThat(redirect(signIn(person.email(), "guess-" + i, "198.51.100.7")))
                    .as("guess " + i + " "
                            + fixtures.jdbc()
                                    .sql(
                                            "select string_agg(email || ' ' || client_address || ' ' || outcome, '; ') from sign_in_event")
                                    .query(String.class)
                                    .single())
                    .isEqualTo("/login?error");
        }
        // the right password from the guessing address is refused for now
        assertThat(redirect(signIn(person.email(), Fixtures.PASSWORD, "198.51.100.7")))
                .isEqualTo("/login?throttled");
        // the person, elsewhere, signs in as usual; their API token never stopped
        assertThat(redirect(signIn(person.email(), Fixtures.PASSWORD, "203.0.113.9")))
                .isEqualTo("/");
        assertThat(mvc.perform(get("/api/v1/kpis").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        assertThat(fixtures.jdbc()
                        .sql("select after_state ->> 'history.field.blockedAddress' from audit_event"
                                + " where entity_id = ? and after_state ->> 'history.field.blockedAddress' is not null")
                        .param(person.userId())
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("198.51.100.7");
        String activity = mvc.perform(get("/admin/sign-ins").with(user(fixtures.user("admin@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(activity)
                .contains("198.51.100.7")
                .contains("data-outcome=\"FAILED\"")
                .contains("data-outcome=\"THROTTLED\"")
                .contains("data-outcome=\"SUCCEEDED\"");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() throws Exception {
        for (int i = 0; i < 30; i++) {
            redirect(signIn("sprayed-" + i + "@lakeview.example", "guess", "198.51.100.99"));
        }
        fixtures.demoUser("sprayed-target@lakeview.example", "VIEWER", null);
        assertThat(redirect(signIn("sprayed-target@lakeview.example", Fixtures.PASSWORD, "198.51.100.99")))
                .isEqualTo("/login?throttled");
        assertThat(redirect(signIn("sprayed-target@lakeview.example", Fixtures.PASSWORD, "198.51.100.100")))
                .isEqualTo("/");
    }

    @Test
    void onlyAdminsReadSignInActivityAndPeoplesHistory() throws Exception {
        SignedInUser someone = fixtures.user("teacher@lakeview.example");
        for (String role : new String[] {"VIEWER", "CONTRIBUTOR", "PLANNER"}) {
            SignedInUser reader = fixtures.demoUser(role.toLowerCase() + "-reader@lakeview.example", role, null);
            assertThat(mvc.perform(get("/history/" + someone.userId()).with(user(reader)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role)
                    .isEqualTo(403);
            assertThat(mvc.perform(get("/admin/sign-ins").with(user(reader)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role)
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(get("/history/" + someone.userId()).with(user(fixtures.user("admin@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
