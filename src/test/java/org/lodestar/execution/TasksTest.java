package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Tasks of a project through its pages: added and saved by the plan's editors, a stale save refused with both
 * versions, bad dates and percents refused at their field with nothing saved, dependencies that would close a circle
 * refused with the circle named, a task's owner reporting on it and nobody else, another district seeing nothing.
 */
@LodestarTest
class TasksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private UUID project;
    private UUID strategy;

    @BeforeEach
    void aProjectOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
        project = execution.addProject(planner, strategy, "Tasks test project " + UUID.randomUUID(), null);
    }

    @Test
    void aPlannerAddsATaskAndSavesItAndAStaleSaveIsRefusedWithBothVersions() throws Exception {
        MockHttpServletResponse added = send(
                post("/projects/" + project + "/tasks")
                        .param("title", "Order the books")
                        .param("startDate", "2026-01-05")
                        .param("dueDate", "2026-01-30")
                        .param("percent", "10"),
                planner);
        assertThat(added.getStatus()).isEqualTo(302);
        UUID task = taskNamed("Order the books");
        assertThat(fixtures.version("task", task)).isEqualTo("0");

        assertThat(send(save(task, "Order the books now", "ON_TRACK", "50", 0), planner)
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse stale = send(save(task, "Order other books", "BLOCKED", "20", 0), planner);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "data-test=\"edit-conflict\"",
                        "Order the books now",
                        "Order other books",
                        "name=\"version\" value=\"1\"");
        Task saved = execution.task(planner.districtId(), task).orElseThrow();
        assertThat(saved.title()).isEqualTo("Order the books now");
        assertThat(saved.percentComplete()).isEqualTo(50);
        assertThat(saved.status()).isEqualTo(ProjectStatus.ON_TRACK);

        // the project's page shows the task and the roll-up (one task: its 50%)
        String page = send(get("/projects/" + project), planner).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Order the books now", "50% done");
        // and its history says what changed
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where entity_id = ?")
                        .param(task)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void badDatesAndPercentsAreRefusedAtTheirFieldAndNothingIsSaved() throws Exception {
        int before = fixtures.count("task");
        MockHttpServletResponse dueFirst = send(
                post("/projects/" + project + "/tasks")
                        .param("title", "Backwards")
                        .param("startDate", "2026-03-01")
                        .param("dueDate", "2026-02-01"),
                planner);
        assertThat(dueFirst.getStatus()).isEqualTo(422);
        assertThat(dueFirst.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"task-due-error\"", "The due date cannot come before the start.");
        MockHttpServletResponse percent = send(
                post("/projects/" + project + "/tasks")
                        .param("title", "Too much")
                        .param("percent", "140"),
                planner);
        assertThat(percent.getStatus()).isEqualTo(422);
        assertThat(percent.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"task-percent-error\"", "Enter a whole percent from 0 to 100.");
        MockHttpServletResponse year = send(
                post("/projects/" + project + "/tasks")
                        .param("title", "Typo")
                        .param("dueDate", "20266-01-01")
                        .header("Accept-Language", "es"),
                planner);
        assertThat(year.getStatus()).isEqualTo(422);
        assertThat(fixtures.count("task")).isEqualTo(before);

        MockHttpServletResponse project1 = send(
                post("/projects/" + project + "/details")
                        .param("title", "Same")
                        .param("startDate", "2026-05-01")
                        .param("dueDate", "2026-04-01")
                        .param("percent", "0")
                        .param("version", fixtures.version("project", project)),
                planner);
        assertThat(project1.getStatus()).isEqualTo(422);
        assertThat(project1.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"project-due-error\"");
        assertThat(execution
                        .project(planner.districtId(), project)
                        .orElseThrow()
                        .startDate())
                .isNull();
    }

    @Test
    void aDependencyThatClosesACircleIsRefusedNamingTheCircle() throws Exception {
        UUID a = execution.addTask(planner, project, "Alpha", null, null, null, ProjectStatus.NOT_STARTED, 0, false);
        UUID b = execution.addTask(planner, project, "Bravo", null, null, null, ProjectStatus.NOT_STARTED, 0, false);
        UUID c = execution.addTask(planner, project, "Charlie", null, null, null, ProjectStatus.NOT_STARTED, 0, false);
        execution.dependOn(planner, b, a);
        execution.dependOn(planner, c, b);

        MockHttpServletResponse circle =
                send(post("/tasks/" + a + "/dependencies").param("dependsOn", c.toString()), planner);
        assertThat(circle.getStatus()).isEqualTo(422);
        assertThat(circle.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"dependency-error\"", "Alpha → Charlie → Bravo → Alpha");
        MockHttpServletResponse self =
                send(post("/tasks/" + a + "/dependencies").param("dependsOn", a.toString()), planner);
        assertThat(self.getStatus()).isEqualTo(422);
        assertThat(self.getContentAsString(StandardCharsets.UTF_8))
                .contains("A task cannot wait for itself (Alpha → Alpha)");
        assertThat(execution.task(planner.districtId(), a).orElseThrow().dependsOn())
                .isEmpty();
        assertThatThrownBy(() -> execution.dependOn(planner, a, c)).isInstanceOf(DependencyRefused.class);

        assertThat(send(post("/tasks/" + c + "/dependencies").param("dependsOn", a.toString()), planner)
                        .getStatus())
                .isEqualTo(302);
        assertThat(execution.task(planner.districtId(), c).orElseThrow().dependsOn())
                .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aTasksOwnerReportsOnItAndNothingElseWhileOthersWithoutRightsChangeNothing() throws Exception {
        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        SignedInUser board = fixtures.user("board@lakeview.example");
        UUID task = execution.addTask(
                planner,
                project,
                "Teacher's task",
                teacher.userId(),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1),
                ProjectStatus.NOT_STARTED,
                0,
                false);
        UUID other = execution.addTask(
                planner, project, "Someone else's", null, null, null, ProjectStatus.NOT_STARTED, 0, false);

        // the owner's save changes status and percent; the title she sends is not hers to change
        assertThat(send(save(task, "Renamed by the teacher", "AT_RISK", "35", 0), teacher)
                        .getStatus())
                .isEqualTo(302);
        Task reported = execution.task(planner.districtId(), task).orElseThrow();
        assertThat(reported.title()).isEqualTo("Teacher's task");
        assertThat(reported.status()).isEqualTo(ProjectStatus.AT_RISK);
        assertThat(reported.percentComplete()).isEqualTo(35);

        assertThat(send(save(other, "Not hers", "DONE", "100", 0), teacher).getStatus())
                .isEqualTo(403);
        assertThat(send(save(task, "Board's", "DONE", "100", 1), board).getStatus())
                .isEqualTo(403);
        assertThat(send(post("/projects/" + project + "/tasks").param("title", "Board's task"), board)
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post("/tasks/" + task + "/dependencies").param("dependsOn", other.toString()), teacher)
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post("/projects/" + project + "/comments").param("body", "Board's word"), board)
                        .getStatus())
                .isEqualTo(403);
        assertThat(execution.task(planner.districtId(), other).orElseThrow().version())
                .isZero();
        assertThat(execution.task(planner.districtId(), task).orElseThrow().version())
                .isEqualTo(1);

        // the owner may comment on her task, and the page lists it newest first
        assertThat(send(
                                post("/projects/" + project + "/comments")
                                        .param("body", "First word")
                                        .param("task", task.toString()),
                                teacher)
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(post("/projects/" + project + "/comments").param("body", "Second word"), planner)
                        .getStatus())
                .isEqualTo(302);
        String page = send(get("/projects/" + project), board).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.indexOf("Second word")).isPositive().isLessThan(page.indexOf("First word"));

        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(get("/projects/" + project), outsider).getStatus()).isEqualTo(404);
        assertThat(send(get("/tasks/" + task), outsider).getStatus()).isEqualTo(404);
        assertThat(send(save(task, "Outsider", "DONE", "100", 1), outsider).getStatus())
                .isEqualTo(404);
        assertThat(execution.task(planner.districtId(), task).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void theViewsShowTheWorkFilteredAndTheBoardKeepsTheOrderOfAMove() throws Exception {
        UUID first = execution.addTask(
                planner,
                project,
                "Board first",
                planner.userId(),
                null,
                LocalDate.of(2026, 3, 1),
                ProjectStatus.AT_RISK,
                0,
                false);
        UUID second = execution.addTask(
                planner,
                project,
                "Board second",
                planner.userId(),
                null,
                LocalDate.of(2026, 3, 2),
                ProjectStatus.AT_RISK,
                0,
                false);
        String board = send(
                        get("/work/board")
                                .param("owner", planner.userId().toString())
                                .param("status", "AT_RISK"),
                        planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board.indexOf("Board first")).isPositive().isLessThan(board.indexOf("Board second"));

        assertThat(send(
                                post("/work/board/move")
                                        .param("task", second.toString())
                                        .param("to", "AT_RISK")
                                        .param("before", first.toString())
                                        .param("version", "0")
                                        .param("status", "AT_RISK"),
                                planner)
                        .getRedirectedUrl())
                .startsWith("/work/board?status=AT_RISK");
        board = send(
                        get("/work/board")
                                .param("owner", planner.userId().toString())
                                .param("status", "AT_RISK"),
                        planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board.indexOf("Board second")).isPositive().isLessThan(board.indexOf("Board first"));
        // a move from a board read before is refused
        assertThat(send(
                                post("/work/board/move")
                                        .param("task", second.toString())
                                        .param("to", "DONE")
                                        .param("version", "0"),
                                planner)
                        .getStatus())
                .isEqualTo(409);

        String list = send(get("/work").param("owner", "me").param("dueTo", "2026-03-01"), planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Board first").doesNotContain("Board second");
        String refused =
                send(get("/work").param("dueFrom", "3026-01-01"), planner).getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"dueFrom-error\"");
        assertThat(send(get("/work/timeline").param("owner", "me"), planner).getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"timeline\"", "Board first");
        assertThat(send(get("/my-work"), planner).getStatus()).isEqualTo(200);
    }

    @Test
    void aLongColumnShowsItsFirstCardsAndLinksToMoreKeepingAMovedCardInSight() throws Exception {
        List<UUID> tasks = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            tasks.add(execution.addTask(
                    planner,
                    project,
                    String.format("Long column %02d", i),
                    planner.userId(),
                    null,
                    null,
                    ProjectStatus.OFF_TRACK,
                    0,
                    false));
        }
        String board = send(get("/work/board").param("status", "OFF_TRACK").param("owner", "me"), planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board)
                .contains("Long column 50", "(60)", "Showing 50 of 60: show more", "cards=100")
                .doesNotContain("Long column 51");

        String more = send(
                        get("/work/board")
                                .param("status", "OFF_TRACK")
                                .param("owner", "me")
                                .param("cards", "100"),
                        planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(more).contains("Long column 60").doesNotContain("show more");

        // the first card moved to the column's end is still shown, and the board keeps the cards asked for
        assertThat(send(
                                post("/work/board/move")
                                        .param("task", tasks.get(0).toString())
                                        .param("to", "OFF_TRACK")
                                        .param("version", "0")
                                        .param("status", "OFF_TRACK")
                                        .param("cards", "50"),
                                planner)
                        .getRedirectedUrl())
                .isEqualTo("/work/board?status=OFF_TRACK&moved=" + tasks.get(0));
        String moved = send(
                        get("/work/board")
                                .param("status", "OFF_TRACK")
                                .param("owner", "me")
                                .param("moved", tasks.get(0).toString()),
                        planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(moved).contains("Long column 01", "Long column 55").doesNotContain("show more");
    }

    private MockHttpServletRequestBuilder save(UUID task, String title, String status, String percent, int version) {
        return post("/tasks/" + task)
                .param("title", title)
                .param("status", status)
                .param("percent", percent)
                .param("startDate", "2026-01-05")
                .param("dueDate", "2026-01-30")
                .param("version", Integer.toString(version));
    }

    private UUID taskNamed(String title) {
        return fixtures.jdbc()
                .sql("select id from task where project_id = ? and title = ?")
                .params(project, title)
                .query(UUID.class)
                .single();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }
}
