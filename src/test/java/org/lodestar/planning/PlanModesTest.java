package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan page reads first: everyone gets the tree with status, owners and progress and no input at all; edit mode
 * ({@code ?mode=edit}) adds the controls and the (folded) forms for those who may edit, and answers anyone else with the
 * reading view.
 */
@LodestarTest
class PlanModesTest {

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

    @BeforeEach
    void aPlanOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        plan = Ids.next();
        planning.savePlan(planner, plan(plan, null, "Modes plan"));
        UUID goal = planning.addGoal(planner, plan, "Readers at every grade", planner.userId());
        planning.addOutcome(planner, goal, "More grade-3 readers", null);
        UUID strategy = planning.addStrategy(planner, goal, "Tutoring after school", null);
        UUID done = execution.addProject(planner, strategy, "Hire tutors", planner.userId());
        execution.addProject(planner, strategy, "Open the rooms", null);
        execution.setStatus(planner, done, ProjectStatus.DONE, 0);
    }

    @Test
    void theReadingViewShowsStatusOwnersAndProgressAndNoInputs() throws Exception {
        for (String email : new String[] {"board@lakeview.example", "planner@lakeview.example"}) {
            String main = main("/plans/" + plan, fixtures.user(email));
            assertThat(main)
                    .as(email)
                    .contains(
                            "Readers at every grade",
                            "Owner: " + planner.displayName(),
                            "data-test=\"goal-progress\"",
                            "KPI: 0 of 0 on track",
                            "Project: 1 of 2 done",
                            "<progress value=\"1\" max=\"2\"",
                            "<details",
                            "Done",
                            "Not started")
                    .doesNotContain("<input", "<select", "<textarea", "<form", "hx-post", "Done editing");
        }
        assertThat(main("/plans/" + plan, planner)).contains("data-test=\"edit-mode\"", "mode=edit");
        assertThat(main("/plans/" + plan, fixtures.user("board@lakeview.example")))
                .doesNotContain("data-test=\"edit-mode\"");
    }

    @Test
    void editModeIsForEditorsAndFoldsEveryNewItemsForm() throws Exception {
        String edit = main("/plans/" + plan + "?mode=edit", planner);
        assertThat(edit)
                .contains(
                        "data-test=\"reading-mode\"",
                        "data-add=\"goal\"",
                        "data-add=\"outcome\"",
                        "data-add=\"project\"")
                .contains("<summary role=\"button\" class=\"outline\" data-open-add=\"outcome\">Add Outcome</summary>");
        // every new item's form waits behind its button: none is open
        assertThat(edit).doesNotContain("<details class=\"add\" open");

        // a viewer asking for edit mode (a shared link) gets the reading view, not an error page
        String viewer = main("/plans/" + plan + "?mode=edit", fixtures.user("board@lakeview.example"));
        assertThat(viewer).contains("Readers at every grade").doesNotContain("<input", "<form", "data-add");
    }

    @Test
    void aSchoolLeaderEditsTheSchoolsPlanButOnlyReadsTheDistricts() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        UUID schoolPlan = Ids.next();
        planning.savePlan(principal, plan(schoolPlan, cedar, "Cedar modes plan"));

        assertThat(main("/plans/" + schoolPlan + "?mode=edit", principal)).contains("data-add=\"goal\"");
        assertThat(main("/plans/" + plan + "?mode=edit", principal))
                .contains("Readers at every grade")
                .doesNotContain("data-add", "data-test=\"edit-mode\"");
    }

    private static PlanSummary plan(UUID id, UUID school, String title) {
        return new PlanSummary(
                id,
                school,
                school == null ? PlanKind.STRATEGIC : PlanKind.IMPROVEMENT,
                title,
                2025,
                2029,
                null,
                null,
                null,
                null,
                PlanStatus.DRAFT,
                0);
    }

    /** The page's main part: the header's sign-out form is not the plan's. */
    private String main(String path, SignedInUser as) throws Exception {
        var response = mvc.perform(get(path).with(user(as))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
