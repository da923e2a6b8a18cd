package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Requests that name things that do not exist, or exist in another district, get a plain refusal, not an error. */
@LodestarTest
class BadRequestsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void anUnknownTierIsNotFound() throws Exception {
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        int status = mvc.perform(post("/plans/" + plan + "/nodes/chapter")
                        .param("title", "x")
                        .with(user(fixtures.user("planner@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(404);
    }

    @Test
    void anOwnerFromAnotherDistrictIsRefusedAndNothingIsSaved() throws Exception {
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        UUID stranger = fixtures.otherDistrictUser("VIEWER").userId();
        int goals = fixtures.count("goal");
        var response = mvc.perform(post("/plans/" + plan + "/nodes/goal")
                        .param("title", "Owned by a stranger")
                        .param("owner", stranger.toString())
                        .header("HX-Request", "true")
                        .with(user(fixtures.user("planner@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(fixtures.count("goal")).isEqualTo(goals);
    }
}
