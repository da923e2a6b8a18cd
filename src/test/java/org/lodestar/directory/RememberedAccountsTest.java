package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A signed-in request no longer reads the person and their grants from the database while nothing of the district
 * changed (they are remembered under its version), yet what an admin changes through the application (a grant taken
 * away, the account deactivated) still reaches the person's open session at their next click.
 */
@LodestarTest
class RememberedAccountsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DirectoryApi directory;

    private int status(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
    }

    /** The admin saves the person's form as it is but for whether it is active and the one role given. */
    private void adminSaves(SignedInUser person, boolean active, String role) throws Exception {
        var request = post("/admin/people")
                .param("id", person.userId().toString())
                .param("version", fixtures.version("app_user", person.userId()))
                .param("displayName", person.displayName())
                .param("email", person.email())
                .param("password", "")
                .param("grants[0].role", role)
                .with(user(fixtures.user("admin@lakeview.example")))
                .with(csrf());
        if (active) {
            request.param("active", "true");
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/admin/people");
    }

    @Test
    void theAccountIsReadOncePerVersionOfTheDistrict() throws Exception {
        SignedInUser person = fixtures.demoUser("remembered@lakeview.example", "VIEWER", null);
        assertThat(directory.currentAccount(person.districtId(), person.userId()))
                .contains(person);

        var again = StatementCounter.count(() -> directory.currentAccount(person.districtId(), person.userId()));

        assertThat(again.result()).contains(person);
        assertThat(again.sql())
                .as("the person and their grants are not read again")
                .noneMatch(sql -> sql.contains("app_user") || sql.contains("role_grant"));
    }

    @Test
    void aGrantTakenAwayByAnAdminAppliesToTheOpenSessionAtTheNextClick() throws Exception {
        SignedInUser person = fixtures.demoUser("demoted-by-form@lakeview.example", "DISTRICT_ADMIN", null);
        MockHttpSession session = Fixtures.session(mvc, person.email());
        assertThat(status("/admin/people", session)).isEqualTo(200);
        assertThat(status("/admin/people", session))
                .as("remembered, still an admin")
                .isEqualTo(200);

        adminSaves(person, true, "VIEWER");

        assertThat(status("/admin/people", session)).isEqualTo(403);
        assertThat(status("/plans", session)).isEqualTo(200);
    }

    @Test
    void anAccountDeactivatedByAnAdminEndsItsOpenSessionAtTheNextClick() throws Exception {
        SignedInUser person = fixtures.demoUser("deactivated-by-form@lakeview.example", "VIEWER", null);
        MockHttpSession session = Fixtures.session(mvc, person.email());
        assertThat(status("/plans", session)).isEqualTo(200);
        assertThat(status("/plans", session)).as("remembered").isEqualTo(200);

        adminSaves(person, false, "VIEWER");

        assertThat(mvc.perform(get("/plans").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }
}
