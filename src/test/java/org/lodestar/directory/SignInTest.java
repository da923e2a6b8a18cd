package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LodestarTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void signsInWithTheRightPasswordOnly() throws Exception {
        fixtures.demoUser("signin@lakeview.example", "VIEWER", null);
        assertThat(mvc.perform(formLogin("/login")
                                .user("signin@lakeview.example")
                                .password(Fixtures.PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(mvc.perform(formLogin("/login")
                                .user("signin@lakeview.example")
                                .password("wrong"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void pagesNeedSignInButThePublicScorecardAndHealthDoNot() throws Exception {
        assertThat(mvc.perform(get("/plans")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
        assertThat(mvc.perform(get("/p/lakeview")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("UP");
    }

    @Test
    void aDeactivatedPersonCannotSignIn() throws Exception {
        SignedInUser person = fixtures.demoUser("leaving@lakeview.example", "VIEWER", null);
        fixtures.jdbc()
                .sql("update app_user set active = false where id = ?")
                .param(person.userId())
                .update();
        assertThat(mvc.perform(formLogin("/login")
                                .user("leaving@lakeview.example")
                                .password(Fixtures.PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void changesOnesOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        SignedInUser person = fixtures.demoUser("changer@lakeview.example", "VIEWER", null);
        String refused = mvc.perform(post("/account/password")
                        .param("current", "wrong")
                        .param("next", "violet-harbor-tram-1987")
                        .with(user(person))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("This is not your current password.");
        mvc.perform(post("/account/password")
                .param("current", Fixtures.PASSWORD)
                .param("next", "violet-harbor-tram-1987")
                .with(user(person))
                .with(csrf()));
        assertThat(mvc.perform(formLogin("/login")
                                .user("changer@lakeview.example")
                                .password("violet-harbor-tram-1987"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(fixtures.jdbc()
                        .sql(
                                "select count(*) from audit_event where entity_id = ? and after_state ->> 'history.field.password' is not null")
                        .param(person.userId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badFormInputGetsAMessageNextToTheFieldAndNothingIsSaved() throws Exception {
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        int schools = fixtures.count("school");
        String page = mvc.perform(post("/admin/schools")
                        .param("name", "")
                        .param("level", "ELEMENTARY")
                        .param("lowestGrade", "K")
                        .param("highestGrade", "13")
                        .param("capacity", "-5")
                        .with(user(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"name-error\"")
                .contains("id=\"highestGrade-error\"")
                .contains("id=\"capacity-error\"");
        assertThat(fixtures.count("school")).isEqualTo(schools);
    }
}
