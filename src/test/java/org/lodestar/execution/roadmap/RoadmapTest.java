package org.lodestar.execution.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.web.Roadmap;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A plan's first-12-months roadmap: milestones and project due dates by month, its print view, and its district. */
@LodestarTest
class RoadmapTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ExecutionApi execution;

    @Autowired
    DirectoryApi directory;

    private MockHttpServletResponse get(SignedInUser who, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(user(who)))
                .andReturn()
                .getResponse();
    }

    @Test
    void milestonesAndDueDatesFallInTheirMonthsNamingTheirGoalAndAction() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        PlanSummary plan =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        Strategy action = planning.nodesOfPlan(fixtures.demoDistrict(), plan.id())
                .strategies()
                .get(0);
        String goal = planning.goal(fixtures.demoDistrict(), action.goalId())
                .orElseThrow()
                .title();
        int startMonth = directory.district(fixtures.demoDistrict()).schoolYearStartMonth();
        LocalDate start = LocalDate.of(plan.firstYear(), startMonth, 1);
        LocalDate milestoneDay = start.plusMonths(2).withDayOfMonth(15);
        LocalDate dueDay = start.plusMonths(7).withDayOfMonth(10);

        UUID project = execution.addProject(planner, action.id(), "Roadmap pilot project", null);
        execution.setDueDate(planner, project, dueDay, 0);
        execution.addTask(
                planner,
                project,
                "Roadmap kick-off milestone",
                null,
                null,
                milestoneDay,
                ProjectStatus.NOT_STARTED,
                0,
                true);
        execution.addTask(
                planner,
                project,
                "An ordinary task",
                null,
                start,
                start.plusMonths(1),
                ProjectStatus.NOT_STARTED,
                0,
                false);

        MockHttpServletResponse response = get(planner, "/plans/" + plan.id() + "/roadmap");
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        String milestoneMonth = monthOf(page, milestoneDay);
        assertThat(milestoneMonth)
                .contains("Roadmap kick-off milestone", "Roadmap pilot project", goal, action.title());
        assertThat(monthOf(page, dueDay)).contains("Roadmap pilot project", "project due");
        assertThat(page)
                .doesNotContain("An ordinary task")
                .contains("/plans/" + plan.id() + "/roadmap/print", "Quarter 4", "class=\"site-nav\"");

        String print =
                get(planner, "/plans/" + plan.id() + "/roadmap/print").getContentAsString(StandardCharsets.UTF_8);
        assertThat(print)
                .contains("Roadmap kick-off milestone", "break-before: page", "Quarter 1")
                .doesNotContain("class=\"site-nav\"");
        assertThat(get(planner, "/plans/" + plan.id()).getContentAsString(StandardCharsets.UTF_8))
                .contains("/plans/" + plan.id() + "/roadmap");

        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(get(outsider, "/plans/" + plan.id() + "/roadmap").getStatus())
                .isEqualTo(404);
        assertThat(get(outsider, "/plans/" + plan.id() + "/roadmap/print").getStatus())
                .isEqualTo(404);
    }

    /** The part of the page from the month's heading to the next heading of a month. */
    private static String monthOf(String page, LocalDate day) {
        String heading = day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + day.getYear() + "</h3>";
        int from = page.indexOf(heading);
        assertThat(from).as(heading).isPositive();
        int to = page.indexOf("</h3>", from + heading.length());
        return to < 0 ? page.substring(from) : page.substring(from, to);
    }

    @Test
    void twelveMonthsInFourQuartersWhatFallsOutsideIsCounted() {
        PlanSummary plan = new PlanSummary(
                UUID.randomUUID(),
                null,
                PlanKind.IMPROVEMENT,
                "p",
                2025,
                2025,
                null,
                null,
                null,
                null,
                PlanStatus.DRAFT,
                0);
        LocalDate start = LocalDate.of(2025, 7, 1);
        Roadmap roadmap = Roadmap.of(
                plan,
                start,
                List.of(
                        row(LocalDate.of(2025, 9, 30), "b"),
                        row(LocalDate.of(2025, 9, 2), "a"),
                        row(LocalDate.of(2026, 6, 30), "last day"),
                        row(LocalDate.of(2026, 7, 1), "after"),
                        row(LocalDate.of(2025, 6, 30), "before")),
                3);
        assertThat(roadmap.quarters()).hasSize(4);
        assertThat(roadmap.quarters().get(0).months().get(2).rows())
                .extracting(Roadmap.Row::title)
                .containsExactly("a", "b");
        assertThat(roadmap.quarters().get(3).months().get(2).rows())
                .extracting(Roadmap.Row::title)
                .containsExactly("last day");
        assertThat(roadmap.outside()).isEqualTo(2);
        assertThat(roadmap.undated()).isEqualTo(3);
        assertThat(roadmap.rowCount()).isEqualTo(3);
        assertThat(roadmap.end()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    private static Roadmap.Row row(LocalDate date, String title) {
        return new Roadmap.Row(
                date,
                Roadmap.Kind.MILESTONE,
                title,
                "project",
                UUID.randomUUID(),
                new Bilingual("goal", null),
                new Bilingual("action", null),
                null,
                "NOT_STARTED",
                false);
    }
}
