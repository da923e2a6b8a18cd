package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.EvidenceTier;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Next year's improvement plan made from this year's: what the user keeps comes along with what it says, its dates a
 * year later, its tags, its costs if asked and its alignment; what is unticked stays behind; this year's plan does not
 * change. Plans of 2026 get no costs here, since the funding test reads every plan of that year.
 */
@LodestarTest
class NextYearPlansTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ImprovementPlans improvementPlans;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private SignedInUser principal() {
        return fixtures.user("principal@lakeview.example");
    }

    private PlanSummary cedarPlan() {
        return improvementPlans.ofYear(fixtures.demoDistrict(), 2025).stream()
                .filter(plan -> plan.title().equals("Cedar Elementary Improvement Plan 2025-26"))
                .findFirst()
                .orElseThrow();
    }

    private static UUID madePlan(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        return UUID.fromString(response.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
    }

    @Test
    void whatThePrincipalKeepsComesAlongAYearLaterAndTheRestStaysBehind() throws Exception {
        UUID district = fixtures.demoDistrict();
        PlanSummary cedar = cedarPlan();
        PlanNodes before = planning.nodesOfPlan(district, cedar.id());
        Goal reading = before.goals().stream()
                .filter(goal -> goal.title().startsWith("Every Cedar third grader"))
                .findFirst()
                .orElseThrow();
        Strategy block = before.strategies().stream()
                .filter(action -> action.title().startsWith("A 90-minute structured literacy block"))
                .findFirst()
                .orElseThrow();
        Outcome outcome = before.outcomes().stream()
                .filter(o -> o.goalId().equals(reading.id()))
                .findFirst()
                .orElseThrow();

        String form = send(principal(), get("/improvement-plans/" + cedar.id() + "/next-year"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Cedar Elementary Improvement Plan 2026-27", block.title(), outcome.title());

        UUID next = madePlan(send(
                principal(),
                post("/improvement-plans/" + cedar.id() + "/next-year")
                        .param("title", "Cedar Elementary Improvement Plan 2026-27")
                        .param("goals", reading.id().toString())
                        .param("outcomes", outcome.id().toString())
                        .param("actions", block.id().toString())
                        .param("tags", "true")));

        PlanSummary made = planning.plan(district, next);
        assertThat(made.firstYear()).isEqualTo(2026);
        assertThat(made.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(made.schoolId()).isEqualTo(cedar.schoolId());
        PlanNodes after = planning.nodesOfPlan(district, next);
        assertThat(after.goals()).extracting(Goal::title).containsExactly(reading.title());
        assertThat(after.outcomes()).extracting(Outcome::title).containsExactly(outcome.title());
        assertThat(after.strategies()).extracting(Strategy::title).containsExactly(block.title());

        UUID copy = after.strategies().get(0).id();
        ActionDetail detail = improvementPlans.details(district, List.of(copy)).get(copy);
        ActionDetail original =
                improvementPlans.details(district, List.of(block.id())).get(block.id());
        assertThat(detail.description()).isEqualTo(original.description());
        assertThat(detail.evidenceTier()).isEqualTo(EvidenceTier.STRONG);
        assertThat(detail.start()).isEqualTo(original.start().plusYears(1));
        assertThat(detail.end()).isEqualTo(LocalDate.of(2027, 6, 5));
        assertThat(improvementPlans.costs(district, List.of(copy))).isEmpty();
        assertThat(planning.alignments(district))
                .filteredOn(alignment ->
                        alignment.schoolGoalId().equals(after.goals().get(0).id()))
                .extracting(Alignment::rationale)
                .containsExactlyElementsOf(planning.alignments(district).stream()
                        .filter(alignment -> alignment.schoolGoalId().equals(reading.id()))
                        .map(Alignment::rationale)
                        .toList());
        assertThat(fixtures.jdbc()
                        .sql("select component_code from compliance_tag where item_id in (?, ?) order by 1")
                        .params(copy, after.goals().get(0).id())
                        .query(String.class)
                        .list())
                .containsExactly("SW-07", "SW-07");
        assertThat(improvementPlans.link(district, next).orElseThrow().strategicPlanId())
                .isEqualTo(improvementPlans
                        .link(district, cedar.id())
                        .orElseThrow()
                        .strategicPlanId());

        PlanNodes unchanged = planning.nodesOfPlan(district, cedar.id());
        assertThat(unchanged.strategies()).hasSameSizeAs(before.strategies());
        assertThat(unchanged.goals()).hasSameSizeAs(before.goals());
    }

    @Test
    void costsComeAlongWhenAsked() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID district = fixtures.demoDistrict();
        PlanSummary strategic = planning.districtStrategicPlan(district).orElseThrow();
        PlanNodes nodes = planning.nodesOfPlan(district, strategic.id());
        Goal goal = nodes.goals().get(0);
        UUID plan = planning.startImprovementPlan(
                planner,
                strategic.id(),
                null,
                2027,
                "District improvement plan 2027-28 (carried forward)",
                Set.of(goal.id()),
                Set.of(nodes.strategies().stream()
                        .filter(s -> s.goalId().equals(goal.id()))
                        .findFirst()
                        .orElseThrow()
                        .id()));
        Strategy action = planning.nodesOfPlan(district, plan).strategies().get(0);
        planning.addActionCost(planner, action.id(), "TITLE_II_A", Purpose.GENERAL, BigDecimal.valueOf(12_345));

        UUID next = madePlan(send(
                planner,
                post("/improvement-plans/" + plan + "/next-year")
                        .param("title", "District improvement plan 2028-29 (carried forward)")
                        .param(
                                "goals",
                                planning.nodesOfPlan(district, plan)
                                        .goals()
                                        .get(0)
                                        .id()
                                        .toString())
                        .param("actions", action.id().toString())
                        .param("costs", "true")));

        UUID copy = planning.nodesOfPlan(district, next).strategies().get(0).id();
        assertThat(improvementPlans.costs(district, List.of(copy)))
                .singleElement()
                .satisfies(cost -> {
                    assertThat(cost.fund()).isEqualTo("TITLE_II_A");
                    assertThat(cost.amount()).isEqualByComparingTo("12345");
                });
        assertThat(planning.plan(district, next).firstYear()).isEqualTo(2028);
    }

    @Test
    void aPlanCannotBeCarriedPastItsStrategicPlanNorByWhoCannotEditIt() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID district = fixtures.demoDistrict();
        PlanSummary strategic = planning.districtStrategicPlan(district).orElseThrow();
        UUID last = planning.startImprovementPlan(
                planner,
                strategic.id(),
                null,
                strategic.lastYear(),
                "District improvement plan, the strategic plan's last year",
                Set.of(),
                Set.of());
        int plansBefore = planning.plans(district).size();

        MockHttpServletResponse past =
                send(planner, post("/improvement-plans/" + last + "/next-year").param("title", "One year too far"));
        assertThat(past.getStatus()).isEqualTo(422);
        assertThat(past.getContentAsString(StandardCharsets.UTF_8))
                .contains("Next year is past the strategic plan", "adopt the next strategic plan first");

        MockHttpServletResponse blank = send(
                principal(),
                post("/improvement-plans/" + cedarPlan().id() + "/next-year").param("title", " "));
        assertThat(blank.getStatus()).isEqualTo(422);

        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        assertThat(send(teacher, get("/improvement-plans/" + cedarPlan().id() + "/next-year"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                principal(),
                                post("/improvement-plans/" + last + "/next-year")
                                        .param("title", "Not mine"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(planner, get("/improvement-plans/" + strategic.id() + "/next-year"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(planning.plans(district)).hasSize(plansBefore);
    }
}
