package org.lodestar.execution.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Check-ins through the API with personal tokens, under the form's rules: the item's owner posts and reads back, a
 * viewer may read but not post, bad input lists every problem (422) with nothing saved, another district finds
 * nothing (404).
 */
@LodestarTest
class CheckInsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private SignedInUser teacher;
    private UUID project;
    private String teacherToken;

    @BeforeEach
    void aProjectTheTeacherOwns() {
        planner = fixtures.user("planner@lakeview.example");
        teacher = fixtures.user("teacher@lakeview.example");
        UUID strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
        project =
                execution.addProject(planner, strategy, "Check-in API project " + UUID.randomUUID(), teacher.userId());
        teacherToken = tokens.create(teacher.districtId(), teacher.userId(), "check-ins test");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int checkIns() {
        return fixtures.jdbc()
                .sql("select count(*) from check_in where item_id = ?")
                .param(project)
                .query(Integer.class)
                .single();
    }

    @Test
    void theOwnerPostsACheckInAndReadsItBackByItemOwnerAndDate() throws Exception {
        MockHttpServletResponse posted = call(post("/api/v1/check-ins").content("""
                        {"itemKind": "project", "itemId": "%s", "status": "AT_RISK",
                         "whatHappened": "Two of four coaches hired.", "whatWeLearned": "Postings close too early.",
                         "whatChanges": "We post again in January."}""".formatted(project)), teacherToken);
        assertThat(posted.getStatus()).isEqualTo(201);
        String id = posted.getHeader("Location").replace("/api/v1/check-ins/", "");
        assertThat(body(posted))
                .contains("\"itemKind\":\"PROJECT\"", "\"status\":\"AT_RISK\"", "Postings close too early.")
                .contains("\"authorId\":\"" + teacher.userId() + "\"", "\"files\":[]");

        assertThat(body(call(get("/api/v1/check-ins/" + id), teacherToken))).contains("Two of four coaches hired.");
        assertThat(body(call(
                        get("/api/v1/check-ins").param("itemKind", "PROJECT").param("itemId", project.toString()),
                        teacherToken)))
                .startsWith("[{\"id\":\"" + id + "\"");
        assertThat(body(call(get("/api/v1/check-ins").param("owner", "me"), teacherToken)))
                .contains("\"id\":\"" + id + "\"");
        String plannerToken = tokens.create(planner.districtId(), planner.userId(), "planner");
        assertThat(body(call(get("/api/v1/check-ins").param("owner", "me"), plannerToken)))
                .doesNotContain(id);
        assertThat(body(call(get("/api/v1/check-ins").param("since", "2100-01-01"), teacherToken)))
                .isEqualTo("[]");
        assertThat(body(call(get("/api/v1/check-ins").param("since", "2000-01-01"), teacherToken)))
                .contains(id);
    }

    @Test
    void badInputIsListedAndNothingIsSaved() throws Exception {
        MockHttpServletResponse refused = call(post("/api/v1/check-ins").content("""
                        {"itemKind": "PROJECT", "itemId": "%s", "status": "FINE", "whatHappened": " "}""".formatted(project)), teacherToken);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(body(refused))
                .contains(
                        "\"field\":\"status\"", "Choose a status.", "\"field\":\"whatHappened\"", "Say what happened.");
        MockHttpServletResponse noKind = call(
                post("/api/v1/check-ins").content("{\"itemKind\": \"GOAL\", \"itemId\": \"" + project + "\"}"),
                teacherToken);
        assertThat(noKind.getStatus()).isEqualTo(422);
        assertThat(body(noKind)).contains("must be ACTION, PROJECT or KPI");
        MockHttpServletResponse badFilter =
                call(get("/api/v1/check-ins").param("since", "yesterday").param("limit", "5000"), teacherToken);
        assertThat(badFilter.getStatus()).isEqualTo(422);
        assertThat(body(badFilter)).contains("\"field\":\"since\"", "\"field\":\"limit\"");
        assertThat(checkIns()).isZero();
    }

    @Test
    void aViewerReadsButDoesNotPostAndAnotherDistrictFindsNothing() throws Exception {
        MockHttpServletResponse posted = call(post("/api/v1/check-ins").content("""
                        {"itemKind": "PROJECT", "itemId": "%s", "status": "ON_TRACK", "whatHappened": "Started."}""".formatted(project)), teacherToken);
        String id = posted.getHeader("Location").replace("/api/v1/check-ins/", "");
        String boardToken = tokens.create(
                planner.districtId(), fixtures.user("board@lakeview.example").userId(), "board");
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        String outsiderToken = tokens.create(outsider.districtId(), outsider.userId(), "outsider");

        assertThat(call(get("/api/v1/check-ins/" + id), boardToken).getStatus()).isEqualTo(200);
        assertThat(call(post("/api/v1/check-ins").content("""
                        {"itemKind": "PROJECT", "itemId": "%s", "status": "DONE", "whatHappened": "Done."}""".formatted(project)), boardToken)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(get("/api/v1/check-ins/" + id), outsiderToken).getStatus())
                .isEqualTo(404);
        assertThat(call(
                                get("/api/v1/check-ins")
                                        .param("itemKind", "PROJECT")
                                        .param("itemId", project.toString()),
                                outsiderToken)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(post("/api/v1/check-ins").content("""
                        {"itemKind": "PROJECT", "itemId": "%s", "status": "DONE", "whatHappened": "Done."}""".formatted(project)), outsiderToken)
                        .getStatus())
                .isEqualTo(404);
        assertThat(body(call(get("/api/v1/check-ins"), outsiderToken))).doesNotContain(id);
        assertThat(checkIns()).isEqualTo(1);
    }
}
