package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The annual improvement plan as the main flow: made from the strategic plan in one step, its actions described,
 * costed and tagged with required-plan components, a framework's coverage of it, and the funding rules on its costs.
 * Each test works in a school year of its own, since the funding rules read every plan of a year.
 */
@LodestarTest
class ImprovementPlansTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private String page(SignedInUser who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private PlanNodes strategic() {
        PlanSummary plan =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        return planning.nodesOfPlan(fixtures.demoDistrict(), plan.id());
    }

    /** Creates an improvement plan keeping the first two strategic goals and the first strategy of each. */
    private UUID create(SignedInUser who, UUID school, int year, String title) throws Exception {
        PlanNodes strategic = strategic();
        List<Goal> kept = strategic.goals().subList(0, 2);
        MockHttpServletRequestBuilder request =
                post("/improvement-plans").param("year", String.valueOf(year)).param("title", title);
        if (school != null) {
            request.param("school", school.toString());
        }
        for (Goal goal : kept) {
            request.param("goals", goal.id().toString());
            strategic.strategies().stream()
                    .filter(s -> s.goalId().equals(goal.id()))
                    .findFirst()
                    .ifPresent(s -> request.param("strategies", s.id().toString()));
        }
        MockHttpServletResponse created = send(who, request);
        assertThat(created.getStatus()).isEqualTo(302);
        return UUID.fromString(created.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
    }

    @Test
    void aPlannerMakesTheDistrictsImprovementPlanFromTheStrategicPlanInOneStep() throws Exception {
        String form = page(planner(), "/improvement-plans/new");
        PlanNodes strategic = strategic();
        assertThat(form)
                .contains(
                        strategic.goals().get(0).title(),
                        strategic.strategies().get(0).title());

        UUID plan = create(planner(), null, 2028, "District improvement plan 2028-29");

        PlanNodes made = planning.nodesOfPlan(fixtures.demoDistrict(), plan);
        assertThat(made.goals())
                .extracting(Goal::title)
                .containsExactly(
                        strategic.goals().get(0).title(),
                        strategic.goals().get(1).title());
        assertThat(made.strategies()).hasSize(2);
        assertThat(planning.plan(fixtures.demoDistrict(), plan).kind()).isEqualTo(PlanKind.IMPROVEMENT);
        assertThat(page(planner(), "/plans/" + plan))
                .contains(
                        "data-test=\"improvement\"",
                        "Carries out:",
                        "/compliance/title-i-lea-plan/coverage?plan=" + plan);
    }

    @Test
    void aSchoolsPlanIsAlignedToTheDistrictGoalsAndCarriesOutTheDistrictsPlanOfTheYear() throws Exception {
        UUID districtPlan = create(planner(), null, 2027, "District improvement plan 2027-28");
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");

        UUID plan = create(principal, cedar, 2027, "Cedar Elementary improvement plan 2027-28");

        PlanNodes made = planning.nodesOfPlan(fixtures.demoDistrict(), plan);
        assertThat(planning.alignments(fixtures.demoDistrict()))
                .filteredOn(a -> made.goals().stream().anyMatch(g -> g.id().equals(a.schoolGoalId())))
                .hasSize(2);
        assertThat(page(principal, "/plans/" + plan))
                .contains("District improvement plan 2027-28", "/compliance/title-i-schoolwide/coverage?plan=" + plan);
        assertThat(send(
                                principal,
                                post("/improvement-plans").param("year", "2027").param("title", "Not mine"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(districtPlan).isNotNull();
    }

    @Test
    void anActionIsDescribedAndASecondEditorIsRefused() throws Exception {
        UUID plan = create(planner(), null, 2029, "District improvement plan 2029-30");
        UUID action = planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .strategies()
                .get(0)
                .id();
        String path = "/actions/" + action;
        UUID person =
                fixtures.any("select id from app_user where district_id = ? and email = 'teacher@lakeview.example'");

        MockHttpServletResponse first = send(planner(), detail(path, "Tutoring three times a week", person, 0));
        MockHttpServletResponse second = send(planner(), detail(path, "Tutoring twice a week", person, 0));

        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Tutoring three times a week", "Tutoring twice a week");
        String reading = page(fixtures.user("board@lakeview.example"), path);
        assertThat(reading)
                .contains("data-test=\"action-reading\"", "Tutoring three times a week", "Moderate (tier 2)")
                .doesNotContain("data-test=\"action-form\"");
        assertThat(send(fixtures.user("board@lakeview.example"), detail(path, "A viewer's change", person, 1))
                        .getStatus())
                .isEqualTo(403);

        MockHttpServletResponse stranger = send(planner(), detail(path, "x", UUID.randomUUID(), 1));
        assertThat(stranger.getStatus()).isEqualTo(422);
        assertThat(stranger.getContentAsString(StandardCharsets.UTF_8)).contains("Choose people of the district.");
        MockHttpServletResponse backwards = send(
                planner(),
                detail(path, "x", person, 1).param("start", "2029-09-01").param("end", "2029-08-01"));
        assertThat(backwards.getContentAsString(StandardCharsets.UTF_8)).contains("The end comes before the start.");

        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(outsider, get(path)).getStatus()).isEqualTo(404);
    }

    @Test
    void theFundingRulesFindTooLittleReservedForFamiliesWithTheNumbers() throws Exception {
        UUID plan = create(planner(), null, 2026, "District improvement plan 2026-27");
        UUID action = planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .strategies()
                .get(0)
                .id();
        assertThat(send(
                                planner(),
                                post("/funding")
                                        .param("year", "2026")
                                        .param("amount_TITLE_I_A", "600,000")
                                        .param("shown_TITLE_I_A", ""))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                planner(),
                                post("/actions/" + action + "/costs")
                                        .param("fund", "TITLE_I_A")
                                        .param("purpose", "PARENT_FAMILY_ENGAGEMENT")
                                        .param("amount", "4500"))
                        .getStatus())
                .isEqualTo(302);

        String funding = page(planner(), "/funding?year=2026").replaceAll("\\s+", " ");
        String reservation = funding.substring(funding.indexOf("over $500,000 reserves at least 1%"));
        reservation = reservation.substring(0, reservation.indexOf("</tr>"));

        assertThat(funding)
                .contains(
                        "<tr data-result=\"NOT_MET\"> <th scope=\"row\"><span>A district whose Title I, Part A allocation");
        assertThat(reservation)
                .contains("<span>Required</span>: <span>$6,000</span>")
                .contains("<span>Planned</span>: <span>$4,500</span>")
                .contains("<span>Planned share</span>: <span>0.75 %</span>");

        // a second planner who opened the page before the allocation was saved does not replace it unseen
        MockHttpServletResponse stale = send(
                planner(),
                post("/funding")
                        .param("year", "2026")
                        .param("amount_TITLE_I_A", "700,000")
                        .param("shown_TITLE_I_A", ""));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(page(planner(), "/funding?year=2026")).contains("value=\"600000\"");
    }

    @Test
    void aTaggedActionCoversItsComponentAndTheRestAreListedAsMissing() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        UUID plan = create(principal, cedar, 2025, "Cedar Elementary improvement plan 2025-26 (coverage)");
        Strategy action =
                planning.nodesOfPlan(fixtures.demoDistrict(), plan).strategies().get(0);

        assertThat(send(
                                principal,
                                post("/items/" + action.id() + "/tags").param("component", "title-i-schoolwide|SW-03"))
                        .getStatus())
                .isEqualTo(302);

        String coverage = page(principal, "/compliance/title-i-schoolwide/coverage?plan=" + plan);
        assertThat(coverage)
                .contains("7 %: 1 of 13 components have something in the plan behind them.")
                .contains(action.title())
                .contains("SW-01 — Schoolwide eligibility");
        assertThat(page(principal, "/actions/" + action.id())).contains("title-i-schoolwide SW-03");

        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        assertThat(send(teacher, post("/items/" + action.id() + "/tags").param("component", "title-i-schoolwide|SW-04"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                principal,
                                post("/items/" + action.id() + "/tags").param("component", "title-i-schoolwide|NOPE"))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void carelessEntriesOnAnActionAreRefusedAtTheirFieldAndNothingIsSaved() throws Exception {
        UUID plan = create(planner(), null, 2025, "District improvement plan 2025-26 (careless entries)");
        UUID action = planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .strategies()
                .get(0)
                .id();
        String path = "/actions/" + action;

        MockHttpServletResponse tooLong = send(
                planner(), post(path).param("description", "x".repeat(4001)).param("version", "0"));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"description-error\"");

        MockHttpServletResponse unknownFund = send(
                planner(),
                post(path + "/costs")
                        .param("fund", "MADE_UP")
                        .param("purpose", "GENERAL")
                        .param("amount", "10"));
        assertThat(unknownFund.getStatus()).isEqualTo(422);
        assertThat(unknownFund.getContentAsString(StandardCharsets.UTF_8)).contains("Choose one of the funds listed.");

        MockHttpServletResponse tooPrecise = send(
                planner(),
                post(path + "/costs")
                        .param("fund", "LOCAL")
                        .param("purpose", "GENERAL")
                        .param("amount", "10.005"));
        assertThat(tooPrecise.getStatus()).isEqualTo(422);

        assertThat(send(
                                planner(),
                                post(path + "/costs")
                                        .param("fund", "LOCAL")
                                        .param("purpose", "NOT_A_PURPOSE")
                                        .param("amount", "1"))
                        .getStatus())
                .isEqualTo(422);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from action_cost where strategy_id = ?")
                        .param(action)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from action_detail where strategy_id = ? and description is null")
                        .param(action)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static MockHttpServletRequestBuilder detail(String path, String description, UUID person, int version) {
        return post(path)
                .param("description", description)
                .param("people", person.toString())
                .param("evidenceTier", "MODERATE")
                .param("impactEvidence", "Grade 3 reading proficiency rises")
                .param("groups", "ECON")
                .param("version", String.valueOf(version));
    }
}
