package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LodestarTest
class KpiApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private MvcResult call(MockHttpServletRequestBuilder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn();
    }

    private String tokenOf(SignedInUser user) {
        return tokens.create(user.districtId(), user.userId(), "test");
    }

    private UUID kpi(String name) {
        return fixtures.jdbc()
                .sql("select id from kpi where name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    @Test
    void withoutATokenTheApiAnswersUnauthorized() throws Exception {
        assertThat(call(get("/api/v1/kpis"), null).getResponse().getStatus()).isEqualTo(401);
        assertThat(call(get("/api/v1/kpis"), "lds_not-a-token").getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void readsPlansGoalsAndKpisWithStatus() throws Exception {
        String token = tokenOf(fixtures.user("board@lakeview.example"));
        String plans = call(get("/api/v1/plans"), token).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(plans).contains("Lakeview 2030: Every Student Ready").contains("\"firstYear\":\"2025-26\"");
        String kpis = call(get("/api/v1/kpis"), token).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kpis).contains("Grade 3 reading proficiency").contains("\"status\":\"ON_TRACK\"");
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        String tree =
                call(get("/api/v1/plans/" + plan), token).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tree)
                .contains("Close opportunity gaps between student groups")
                .contains("\"kpis\":[{");
    }

    @Test
    void writesMeasurementsAllOrNothing() throws Exception {
        String token = tokenOf(fixtures.user("planner@lakeview.example"));
        UUID kpi = kpi("Teacher vacancies on the first day of school");
        String bad =
                "[{\"schoolYear\":\"2025-26\",\"value\":21},{\"schoolYear\":\"2025\",\"group\":\"NOPE\",\"value\":null}]";
        MvcResult refused = call(
                post("/api/v1/kpis/" + kpi + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bad),
                token);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString())
                .contains("\"index\":1")
                .contains("\"field\":\"group\"")
                .contains("\"field\":\"value\"");
        String readBack = call(get("/api/v1/kpis/" + kpi + "/measurements"), token)
                .getResponse()
                .getContentAsString();
        assertThat(readBack).doesNotContain("2026-27");

        String good = "[{\"schoolYear\":\"2026-27\",\"value\":21}]";
        MvcResult created = call(
                post("/api/v1/kpis/" + kpi + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good),
                token);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(call(get("/api/v1/kpis/" + kpi + "/measurements"), token)
                        .getResponse()
                        .getContentAsString())
                .contains("{\"schoolYear\":\"2026-27\",\"period\":0,\"schoolId\":null,\"group\":\"ALL\",\"value\":21");
    }

    @Test
    void aNullEntryIsAProblemNotAnError() throws Exception {
        String token = tokenOf(fixtures.user("planner@lakeview.example"));
        MvcResult result = call(
                post("/api/v1/kpis/" + kpi("Suspension rate") + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[null]"),
                token);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void aViewerMayReadButNotWrite() throws Exception {
        String token = tokenOf(fixtures.user("board@lakeview.example"));
        UUID kpi = kpi("Suspension rate");
        MvcResult result = call(
                post("/api/v1/kpis/" + kpi + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2025-26\",\"value\":3}]"),
                token);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("your role does not allow");
    }

    @Test
    void anotherDistrictsTokenFindsNothingHere() throws Exception {
        String token = tokenOf(fixtures.otherDistrictUser("PLANNER"));
        UUID kpi = kpi("Suspension rate");
        assertThat(call(get("/api/v1/kpis/" + kpi), token).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(call(
                                post("/api/v1/kpis/" + kpi + "/measurements")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("[{\"schoolYear\":\"2025-26\",\"value\":3}]"),
                                token)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(get("/api/v1/kpis"), token).getResponse().getContentAsString())
                .isEqualTo("[]");
    }

    @Test
    void aRevokedTokenNoLongerWorks() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String token = tokenOf(planner);
        assertThat(call(get("/api/v1/kpis"), token).getResponse().getStatus()).isEqualTo(200);
        tokens.forUser(planner.districtId(), planner.userId())
                .forEach(t -> tokens.revoke(planner.districtId(), planner.userId(), t.id()));
        assertThat(call(get("/api/v1/kpis"), token).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void servesAnOpenApiDescription() throws Exception {
        MvcResult result = call(get("/api/v1/openapi"), null);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString())
                .contains("/api/v1/kpis/{id}/measurements")
                .contains("\"openapi\"");
    }
}
