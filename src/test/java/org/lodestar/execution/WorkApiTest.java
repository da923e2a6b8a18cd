package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Projects and tasks through the API with personal tokens, under the pages' rules. */
@LodestarTest
class WorkApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private String plannerToken;
    private UUID strategy;

    @BeforeEach
    void tokens() {
        planner = fixtures.user("planner@lakeview.example");
        plannerToken = tokens.create(planner.districtId(), planner.userId(), "work test");
        strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
    }

    @Test
    void aPlannerWritesProjectsAndTasksAndReadsThemBackWithProgress() throws Exception {
        MockHttpServletResponse created = call(post("/api/v1/projects").content("""
                        {"strategyId": "%s", "title": "API project", "startDate": "2026-01-01",
                         "dueDate": "2026-01-31", "status": "ON_TRACK"}""".formatted(strategy)), plannerToken);
        assertThat(created.getStatus()).isEqualTo(201);
        String project = created.getHeader("Location").replace("/api/v1/projects/", "");
        // added, then given its other fields: version 1
        assertThat(body(created)).contains("\"status\":\"ON_TRACK\"", "\"startDate\":\"2026-01-01\"", "\"version\":1");

        MockHttpServletResponse first =
                call(post("/api/v1/tasks").content("""
                        {"projectId": "%s", "title": "First", "startDate": "2026-01-01", "dueDate": "2026-01-10",
                         "percentComplete": 100, "ownerId": "%s"}""".formatted(project, planner.userId())), plannerToken);
        assertThat(first.getStatus()).isEqualTo(201);
        String firstId = first.getHeader("Location").replace("/api/v1/tasks/", "");
        MockHttpServletResponse second = call(post("/api/v1/tasks").content("""
                        {"projectId": "%s", "title": "Second", "startDate": "2026-01-11", "dueDate": "2026-01-40"}""".formatted(project)), plannerToken);
        assertThat(second.getStatus()).isEqualTo(400);
        assertThat(body(second)).contains("\"field\":\"dueDate\"", "Enter a date between 1990 and 2100");
        second = call(post("/api/v1/tasks").content("""
                        {"projectId": "%s", "title": "Second", "startDate": "2026-01-11", "dueDate": "2026-01-30",
                         "dependsOn": ["%s"]}""".formatted(project, firstId)), plannerToken);
        assertThat(second.getStatus()).isEqualTo(201);
        String secondId = second.getHeader("Location").replace("/api/v1/tasks/", "");
        assertThat(body(second)).contains("\"dependsOn\":[\"" + firstId + "\"]");

        // 10 days done, 20 days at 0%: a third of the way
        assertThat(body(call(get("/api/v1/projects/" + project), plannerToken))).contains("\"progress\":33");

        // the first waiting for the second would be a circle: refused, nothing saved
        MockHttpServletResponse circle =
                call(patch("/api/v1/tasks/" + firstId).content("""
                        {"version": 0, "percentComplete": 50, "dependsOn": ["%s"]}""".formatted(secondId)), plannerToken);
        assertThat(circle.getStatus()).isEqualTo(400);
        assertThat(body(circle)).contains("First → Second → First");
        assertThat(execution
                        .task(planner.districtId(), UUID.fromString(firstId))
                        .orElseThrow()
                        .title())
                .isEqualTo("First");

        assertThat(call(
                                patch("/api/v1/tasks/" + firstId).content("{\"version\": 0, \"status\": \"DONE\"}"),
                                plannerToken)
                        .getStatus())
                .isEqualTo(200);
        MockHttpServletResponse stale = call(
                patch("/api/v1/tasks/" + firstId).content("{\"version\": 0, \"status\": \"BLOCKED\"}"), plannerToken);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).contains("application/problem+json");
        assertThat(call(patch("/api/v1/tasks/" + firstId).content("{\"status\": \"BLOCKED\"}"), plannerToken)
                        .getStatus())
                .isEqualTo(400);

        String mine = body(call(get("/api/v1/tasks").param("owner", "me").param("project", project), plannerToken));
        assertThat(mine).contains("\"title\":\"First\"").doesNotContain("\"title\":\"Second\"");
        String due = body(call(
                get("/api/v1/tasks")
                        .param("project", project)
                        .param("dueAfter", "2026-01-10")
                        .param("dueBefore", "2026-02-01"),
                plannerToken));
        assertThat(due).contains("\"title\":\"Second\"").doesNotContain("\"title\":\"First\"");
        assertThat(body(call(get("/api/v1/tasks").param("project", project).param("status", "DONE"), plannerToken)))
                .contains("\"title\":\"First\"")
                .doesNotContain("\"title\":\"Second\"");
        assertThat(call(get("/api/v1/tasks").param("owner", "someone"), plannerToken)
                        .getStatus())
                .isEqualTo(400);
        assertThat(call(get("/api/v1/tasks").param("dueBefore", "yesterday"), plannerToken)
                        .getStatus())
                .isEqualTo(400);

        MockHttpServletResponse renamed = call(
                patch("/api/v1/projects/" + project).content("{\"version\": 1, \"percentComplete\": 140}"),
                plannerToken);
        assertThat(renamed.getStatus()).isEqualTo(400);
        assertThat(body(renamed)).contains("percentComplete");
        assertThat(call(
                                patch("/api/v1/projects/" + project)
                                        .content("{\"version\": 1, \"title\": \"API project, renamed\"}"),
                                plannerToken)
                        .getStatus())
                .isEqualTo(200);
        assertThat(body(call(get("/api/v1/projects").param("strategy", strategy.toString()), plannerToken)))
                .contains("API project, renamed");
    }

    @Test
    void aTasksOwnerReportsAViewerAndAnotherDistrictChangeNothing() throws Exception {
        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        UUID project = execution.addProject(planner, strategy, "API rights project", null);
        UUID task = execution.addTask(
                planner,
                project,
                "Teacher's API task",
                teacher.userId(),
                null,
                LocalDate.of(2026, 6, 1),
                ProjectStatus.NOT_STARTED,
                0,
                false);
        String teacherToken = tokens.create(teacher.districtId(), teacher.userId(), "teacher");
        String boardToken = tokens.create(
                planner.districtId(), fixtures.user("board@lakeview.example").userId(), "board");
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        String outsiderToken = tokens.create(outsider.districtId(), outsider.userId(), "outsider");

        assertThat(call(
                                patch("/api/v1/tasks/" + task)
                                        .content("{\"version\": 0, \"status\": \"ON_TRACK\", \"percentComplete\": 25}"),
                                teacherToken)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(
                                patch("/api/v1/tasks/" + task).content("{\"version\": 1, \"title\": \"Mine now\"}"),
                                teacherToken)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(patch("/api/v1/tasks/" + task).content("{\"version\": 1, \"status\": \"DONE\"}"), boardToken)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(
                                post("/api/v1/tasks").content("{\"projectId\": \"" + project + "\", \"title\": \"x\"}"),
                                boardToken)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call(get("/api/v1/tasks/" + task), outsiderToken).getStatus())
                .isEqualTo(404);
        assertThat(call(get("/api/v1/projects/" + project), outsiderToken).getStatus())
                .isEqualTo(404);
        assertThat(call(patch("/api/v1/tasks/" + task).content("{\"version\": 1, \"status\": \"DONE\"}"), outsiderToken)
                        .getStatus())
                .isEqualTo(404);
        assertThat(body(call(get("/api/v1/tasks").param("owner", "me"), outsiderToken)))
                .isEqualTo("[]");
        Task saved = execution.task(planner.districtId(), task).orElseThrow();
        assertThat(saved.title()).isEqualTo("Teacher's API task");
        assertThat(saved.status()).isEqualTo(ProjectStatus.ON_TRACK);
        assertThat(saved.percentComplete()).isEqualTo(25);
        assertThat(saved.version()).isEqualTo(1);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
