package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A project's due date is set in its edit form (versioned like the rest), refused at the field when it is not a date,
 * and shown in the plan in the reader's language, marked when it has passed and the project is not done.
 */
@LodestarTest
class ProjectDueDateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private UUID plan;
    private UUID project;

    @BeforeEach
    void aProjectOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Due dates plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        UUID goal = planning.addGoal(planner, plan, "Goal with dates", null);
        UUID strategy = planning.addStrategy(planner, goal, "Strategy with dates", null);
        project = execution.addProject(planner, strategy, "Late project", null);
    }

    @Test
    void aDueDateIsSavedAndShownAndMarkedOverdueOnceItPassed() throws Exception {
        assertThat(save("2020-01-15", "ON_TRACK", 0).getStatus()).isEqualTo(200);
        Project saved = execution.project(planner.districtId(), project).orElseThrow();
        assertThat(saved.dueDate()).isEqualTo(LocalDate.of(2020, 1, 15));
        assertThat(saved.version()).isEqualTo(1);

        assertThat(page("/plans/" + plan))
                .contains("<time datetime=\"2020-01-15\">Jan 15, 2020</time>", "data-test=\"overdue\">overdue<");
        assertThat(page("/plans/" + plan + "?lang=es"))
                .contains("<time datetime=\"2020-01-15\">15 ene 2020</time>", "data-test=\"overdue\">vencido<");
        // the edit form shows it as the date input reads it
        assertThat(send(get("/projects/" + project + "/edit")).getContentAsString(StandardCharsets.UTF_8))
                .contains("type=\"date\" name=\"dueDate\"", "value=\"2020-01-15\"");

        // done is never overdue, and a date still ahead is not either
        assertThat(save("2020-01-15", "DONE", 1).getStatus()).isEqualTo(200);
        assertThat(page("/plans/" + plan)).contains("Jan 15, 2020").doesNotContain("data-test=\"overdue\"");
        assertThat(save(LocalDate.now().plusDays(30).toString(), "ON_TRACK", 2).getStatus())
                .isEqualTo(200);
        assertThat(page("/plans/" + plan)).doesNotContain("data-test=\"overdue\"");

        // cleared
        assertThat(save("", "ON_TRACK", 3).getStatus()).isEqualTo(200);
        assertThat(execution
                        .project(planner.districtId(), project)
                        .orElseThrow()
                        .dueDate())
                .isNull();
    }

    @Test
    void aDateThatIsNotOneIsRefusedAtTheFieldAndNothingIsSaved() throws Exception {
        for (String bad : new String[] {"2026-02-31", "31/12/2026", "next week", "1850-06-30"}) {
            MockHttpServletResponse refused = save(bad, "ON_TRACK", 0);
            assertThat(refused.getStatus()).as(bad).isEqualTo(200);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                    .as(bad)
                    .contains(
                            "id=\"dueDate-error-" + project + "\"",
                            "aria-describedby=\"dueDate-error-" + project + "\"",
                            "Enter a date between 1990 and 2100, such as 2027-06-30 (year-month-day).");
        }
        Project unchanged = execution.project(planner.districtId(), project).orElseThrow();
        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.dueDate()).isNull();
    }

    @Test
    void aDueDateSavedMeanwhileIsShownBesideYoursInTheConflict() throws Exception {
        assertThat(save("2027-06-30", "ON_TRACK", 0).getStatus()).isEqualTo(200);
        MockHttpServletResponse second = save("2027-09-01", "ON_TRACK", 0);
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Due date", "Jun 30, 2027", "Sep 1, 2027");
    }

    private MockHttpServletResponse save(String dueDate, String status, int version) throws Exception {
        return send(post("/projects/" + project)
                .param("title", "Late project")
                .param("status", status)
                .param("dueDate", dueDate)
                .param("version", String.valueOf(version))
                .with(csrf()));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(planner)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("HX-Request", "true").with(user(planner)))
                .andReturn()
                .getResponse();
    }
}
