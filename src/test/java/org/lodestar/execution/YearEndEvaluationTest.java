package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.ReviewPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The year-end evaluation of an improvement plan: each goal's verdict proposed from its KPIs, every action continued,
 * revised or stopped (with a reason for the last two, else nothing is saved), and on completion next year's plan made
 * from it with the continued and revised actions only, the revised one saying why; the year's values are then locked.
 */
@LodestarTest
class YearEndEvaluationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewPlans plans;

    @Autowired
    PlanningApi planning;

    private SignedInUser planner;

    @BeforeEach
    void thePlanner() {
        planner = fixtures.user("planner@lakeview.example");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    /** The evaluation's row of each item, by the item's id. */
    private Map<UUID, UUID> rows(UUID plan) {
        Map<UUID, UUID> rows = new java.util.HashMap<>();
        fixtures.jdbc().sql("""
                        select i.item_id, i.id from year_end_item i
                          join year_end_evaluation e on e.district_id = i.district_id and e.id = i.evaluation_id
                         where e.plan_id = ?""").param(plan).query(rs -> {
            rows.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return rows;
    }

    private String verdictOf(UUID row) {
        return fixtures.jdbc()
                .sql("select coalesce(verdict, '') from year_end_item where id = ?")
                .param(row)
                .query(String.class)
                .single();
    }

    private ReviewPlans.Made started(String name) throws Exception {
        ReviewPlans.Made made = plans.make(name);
        assertThat(send(post("/improvement-plans/" + made.plan() + "/evaluation/start"), planner)
                        .getStatus())
                .isEqualTo(302);
        return made;
    }

    @Test
    void eachGoalsVerdictIsProposedFromItsKpis() throws Exception {
        ReviewPlans.Made made = started("Proposed");
        String page = send(get("/improvement-plans/" + made.plan() + "/evaluation"), planner)
                .getContentAsString(StandardCharsets.UTF_8);
        // reading reached its 70% (72%), attendance did not reach its 95% (91%)
        assertThat(page).contains("1 of 2 KPIs with data reached their target (2 KPIs in all)");
        assertThat(fixtures.jdbc()
                        .sql("select proposed from year_end_item where item_id = ?")
                        .param(made.goal())
                        .query(String.class)
                        .single())
                .isEqualTo("PARTLY_MET");
        assertThat(verdictOf(rows(made.plan()).get(made.goal()))).isEqualTo("PARTLY_MET");
    }

    @Test
    void aStopOrRevisionWithoutAReasonSavesNothing() throws Exception {
        ReviewPlans.Made made = started("No reason");
        Map<UUID, UUID> rows = rows(made.plan());

        MockHttpServletResponse refused = send(
                post("/improvement-plans/" + made.plan() + "/evaluation")
                        .param("version", "0")
                        .param("verdict-" + rows.get(made.goal()), "MET")
                        .param("verdict-" + rows.get(made.actionDone()), "CONTINUE")
                        .param("verdict-" + rows.get(made.actionIdle()), "STOP")
                        .param("note-" + rows.get(made.actionIdle()), "  ")
                        .param("complete", "true"),
                planner);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("1 revised or stopped actions have no reason");
        assertThat(verdictOf(rows.get(made.goal()))).isEqualTo("PARTLY_MET");
        assertThat(verdictOf(rows.get(made.actionDone()))).isEmpty();
        assertThat(verdictOf(rows.get(made.actionIdle()))).isEmpty();
        assertThat(fixtures.jdbc()
                        .sql("select version from year_end_evaluation where plan_id = ?")
                        .param(made.plan())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from plan where title = 'No reason 2027-28'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void completingItMakesNextYearsPlanWithTheContinuedAndRevisedActionsOnly() throws Exception {
        ReviewPlans.Made made = started("Completed");
        Map<UUID, UUID> rows = rows(made.plan());

        MockHttpServletResponse completed = send(
                post("/improvement-plans/" + made.plan() + "/evaluation")
                        .param("version", "0")
                        .param("verdict-" + rows.get(made.goal()), "PARTLY_MET")
                        .param("note-" + rows.get(made.goal()), "Reading rose; attendance did not.")
                        .param("verdict-" + rows.get(made.actionDone()), "CONTINUE")
                        .param("verdict-" + rows.get(made.actionBlocked()), "REVISE")
                        .param("note-" + rows.get(made.actionBlocked()), "Hold them at the school, not the library")
                        .param("verdict-" + rows.get(made.actionIdle()), "STOP")
                        .param("note-" + rows.get(made.actionIdle()), "Too few families signed up")
                        .param("complete", "true"),
                planner);
        assertThat(completed.getStatus()).isEqualTo(302);

        UUID next = fixtures.jdbc()
                .sql("select next_plan_id from year_end_evaluation where plan_id = ?")
                .param(made.plan())
                .query(UUID.class)
                .single();
        assertThat(planning.plan(planner.districtId(), next).title()).isEqualTo("Completed 2027-28");
        assertThat(planning.plan(planner.districtId(), next).firstYear()).isEqualTo(2027);
        PlanNodes nodes = planning.nodesOfPlan(planner.districtId(), next);
        assertThat(nodes.goals()).hasSize(1);
        assertThat(nodes.strategies())
                .extracting(Strategy::title)
                .containsExactly("Completed: tutoring three times a week", "Completed: family reading nights");
        UUID revised = nodes.strategies().get(1).id();
        assertThat(fixtures.jdbc()
                        .sql("select description from action_detail where strategy_id = ?")
                        .param(revised)
                        .query(String.class)
                        .single())
                .isEqualTo("Revised at the 2026-27 year-end evaluation: Hold them at the school, not the library");

        String page = send(
                        get("/improvement-plans/" + made.plan() + "/evaluation"),
                        fixtures.user("board@lakeview.example"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("data-test=\"evaluation-completed\"", "Next year&#39;s plan: Completed 2027-28")
                .contains("Too few families signed up")
                .doesNotContain("data-test=\"verdict\"");
        // the whole year's values are locked now: a planner's 2026-27 value is refused
        String form = send(
                        post("/kpis/" + made.kpiMet() + "/measurements")
                                .param("schoolYear", "2026-27")
                                .param("period", "0")
                                .param("schoolId", made.school().toString())
                                .param("groupCode", "ALL")
                                .param("value", "75"),
                        planner)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("The school year 2026-27 is locked: its year-end evaluation was completed");
        assertThat(fixtures.jdbc()
                        .sql(
                                "select count(*) from audit_event where entity_type = 'YearEndEvaluation' and context_id = ?")
                        .param(made.plan())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // completed, it is frozen
        assertThat(send(
                                post("/improvement-plans/" + made.plan() + "/evaluation")
                                        .param("version", "1"),
                                planner)
                        .getStatus())
                .isEqualTo(409);
    }

    @Test
    void teachersCannotEvaluateAndAnotherDistrictGetsNotFound() throws Exception {
        ReviewPlans.Made made = started("Evaluation rights");
        assertThat(send(
                                post("/improvement-plans/" + made.plan() + "/evaluation/start"),
                                fixtures.user("teacher@lakeview.example"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                post("/improvement-plans/" + made.plan() + "/evaluation")
                                        .param("version", "0"),
                                fixtures.user("board@lakeview.example"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                get("/improvement-plans/" + made.plan() + "/evaluation"),
                                fixtures.otherDistrictUser("DISTRICT_ADMIN"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(List.of(verdictOf(rows(made.plan()).get(made.actionDone())))).containsExactly("");
    }
}
