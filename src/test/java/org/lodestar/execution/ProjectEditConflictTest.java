package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
 * Two people open the same project in the plan's tree and both save (or one saves and the other deletes): the second
 * is refused with 409 and the form, or the project as saved now, in place; the first is what the database holds.
 */
@LodestarTest
class ProjectEditConflictTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private SignedInUser admin;
    private UUID project;

    @BeforeEach
    void aProjectOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        admin = fixtures.user("admin@lakeview.example");
        UUID strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
        project = execution.addProject(planner, strategy, "Original project", null);
    }

    @Test
    void theSecondSaveIsRefusedWithBothVersionsAndTheFirstKept() throws Exception {
        assertThat(send(get("/projects/" + project + "/edit"), planner).getContentAsString())
                .contains("name=\"version\" value=\"0\"");

        MockHttpServletResponse first = send(form("Admin's project", "DONE", 0), admin);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("HX-Trigger")).isEqualTo("plan-changed");
        MockHttpServletResponse second = send(form("Planner's project", "BLOCKED", 0), planner);

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "data-test=\"edit-conflict\"",
                        "Admin&#39;s project",
                        "value=\"Planner&#39;s project\"",
                        "Blocked",
                        "Done",
                        "name=\"version\" value=\"1\"");
        Project saved = execution.project(planner.districtId(), project).orElseThrow();
        assertThat(saved.title()).isEqualTo("Admin's project");
        assertThat(saved.status()).isEqualTo(ProjectStatus.DONE);

        assertThat(send(form("Planner's project", "BLOCKED", 1), planner).getStatus())
                .isEqualTo(200);
        assertThat(execution
                        .project(planner.districtId(), project)
                        .orElseThrow()
                        .status())
                .isEqualTo(ProjectStatus.BLOCKED);
        assertThat(audited()).isEqualTo(3);
    }

    @Test
    void aDeletionMadeBeforeSomeoneElsesSaveIsRefused() throws Exception {
        assertThat(send(form("Renamed meanwhile", "ON_TRACK", 0), admin).getStatus())
                .isEqualTo(200);

        MockHttpServletResponse refused =
                send(post("/projects/" + project + "/delete").param("version", "0"), planner);

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Renamed meanwhile", "version=1");
        assertThat(execution.project(planner.districtId(), project)).isPresent();
        assertThat(send(post("/projects/" + project + "/delete").param("version", "1"), planner)
                        .getStatus())
                .isEqualTo(200);
        assertThat(execution.project(planner.districtId(), project)).isEmpty();
        assertThat(audited()).isEqualTo(3);
    }

    @Test
    void withoutHtmxASaveEndsOnThePlanPage() throws Exception {
        MockHttpServletResponse saved = mvc.perform(post("/projects/" + project)
                        .param("title", "Saved without htmx")
                        .param("status", "ON_TRACK")
                        .param("version", "0")
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).startsWith("/plans/");
        assertThat(execution
                        .project(planner.districtId(), project)
                        .orElseThrow()
                        .title())
                .isEqualTo("Saved without htmx");
    }

    private MockHttpServletRequestBuilder form(String title, String status, int version) {
        return post("/projects/" + project)
                .param("title", title)
                .param("status", status)
                .param("version", String.valueOf(version));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.header("HX-Request", "true").with(user(as)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int audited() {
        return fixtures.jdbc()
                .sql("select count(*) from audit_event where entity_id = ?")
                .param(project)
                .query(Integer.class)
                .single();
    }
}
