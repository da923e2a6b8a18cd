package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Duplicate actions across the year's improvement plans: a district action and a school's action that say the same
 * thing in other words are listed as a pair with both plans and costs (on the page and through the API), copies of one
 * strategic strategy and unrelated actions are not, and the pair is merged in one step: the kept action takes in the
 * other's costs, tags, people and groups, the other says where it went, a stale or unauthorised merge changes nothing.
 * A school year of its own (2034-35), since the overlaps read every plan of a year.
 */
@LodestarTest
class ActionOverlapsTest {

    private static final String LIAISONS = "Hire bilingual family liaisons to reach Spanish-speaking families";
    private static final String OUTREACH = "Add a Spanish-speaking parent outreach coordinator at the school";
    private static final String VESTIBULES = "Install secure vestibules at school entrances";
    private static final String TEXTBOOKS = "Purchase new reading textbooks for grades 3-5";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ImprovementPlans improvement;

    @Autowired
    ApiTokenStore tokens;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private String page(SignedInUser who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** An improvement plan of 2034-35 made from the strategic plan's first two goals and all their strategies. */
    private UUID create(SignedInUser who, UUID school, String title) {
        PlanSummary strategicPlan =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        PlanNodes strategic = planning.nodesOfPlan(fixtures.demoDistrict(), strategicPlan.id());
        Set<UUID> goals = new HashSet<>();
        Set<UUID> strategies = new HashSet<>();
        for (Goal goal : strategic.goals().subList(0, 2)) {
            goals.add(goal.id());
            strategic.strategies().stream()
                    .filter(s -> s.goalId().equals(goal.id()))
                    .forEach(s -> strategies.add(s.id()));
        }
        return improvement.create(
                who, new ImprovementPlans.Start(strategicPlan.id(), school, 2034, title, goals, strategies));
    }

    private UUID addAction(SignedInUser who, UUID plan, String title) {
        UUID goal = planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .goals()
                .get(0)
                .id();
        return planning.addStrategy(who, goal, title, null);
    }

    private void cost(SignedInUser who, UUID action, String fund, String amount) throws Exception {
        assertThat(send(
                                who,
                                post("/actions/" + action + "/costs")
                                        .param("fund", fund)
                                        .param("purpose", "GENERAL")
                                        .param("amount", amount))
                        .getStatus())
                .isEqualTo(302);
    }

    private int version(UUID strategy) {
        return Integer.parseInt(fixtures.version("strategy", strategy));
    }

    @Test
    void aDistrictAndASchoolActionSayingTheSameThingAreListedAndMergedInOneStep() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        UUID districtPlan = create(planner, null, "District improvement plan 2034-35");
        UUID cedarPlan = create(principal, cedar, "Cedar Elementary improvement plan 2034-35");
        UUID liaisons = addAction(planner, districtPlan, LIAISONS);
        addAction(planner, districtPlan, VESTIBULES);
        UUID outreach = addAction(principal, cedarPlan, OUTREACH);
        addAction(principal, cedarPlan, TEXTBOOKS);
        cost(planner, liaisons, "TITLE_I_A", "20000");
        cost(principal, outreach, "TITLE_III_A", "5000");
        send(principal, post("/items/" + outreach + "/tags").param("component", "title-i-schoolwide|SW-07"));
        String someone = fixtures.any("select id from app_user where district_id = ? order by email")
                .toString();
        assertThat(send(
                                principal,
                                post("/actions/" + outreach)
                                        .param("people", someone)
                                        .param("groups", "EL")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(302);

        String overlaps = page(planner, "/improvement-plans/overlaps?year=2034");
        assertThat(overlaps)
                .contains(LIAISONS, OUTREACH, "$20,000", "$5,000", "Cedar Elementary improvement plan 2034-35")
                .doesNotContain(VESTIBULES, TEXTBOOKS);
        assertThat(overlaps.split("data-test=\"pair\"", -1))
                .as("one pair: the strategy copies are no overlap")
                .hasSize(2);
        assertThat(page(principal, "/improvement-plans/overlaps?plan=" + cedarPlan))
                .contains(LIAISONS, OUTREACH)
                .doesNotContain("data-test=\"merge\"");
        assertThat(page(planner, "/plans/" + cedarPlan)).contains("/improvement-plans/overlaps?plan=" + cedarPlan);
        assertThat(page(planner, "/improvement-plans/overlaps?year=2034&lang=es"))
                .contains("Acciones que se superponen, 2034-35", "Conservar esta");

        JsonNode api = api(planner, "/api/v1/plans/overlaps?schoolYear=2034-35");
        assertThat(api.get("schoolYear").asText()).isEqualTo("2034-35");
        assertThat(api.get("pairs")).hasSize(1);
        JsonNode pair = api.get("pairs").get(0);
        assertThat(List.of(
                        pair.get("first").get("id").asText(),
                        pair.get("second").get("id").asText()))
                .containsExactlyInAnyOrder(liaisons.toString(), outreach.toString());
        assertThat(List.of(
                        pair.get("first").get("planId").asText(),
                        pair.get("second").get("planId").asText()))
                .containsExactlyInAnyOrder(districtPlan.toString(), cedarPlan.toString());
        assertThat(pair.get("similarity").asDouble()).isBetween(0.43, 1.0);
        assertThat(api(planner, "/api/v1/plans/overlaps?planId=" + cedarPlan).get("pairs"))
                .hasSize(1);
        assertThat(apiStatus(planner, "/api/v1/plans/overlaps?schoolYear=next")).isEqualTo(400);
        assertThat(apiStatus(planner, "/api/v1/plans/overlaps?planId=" + UUID.randomUUID()))
                .isEqualTo(404);

        // a principal may not change the district's plan; a stale version is refused: nothing merged either way
        assertThat(merge(principal, outreach, version(outreach), liaisons, version(liaisons))
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse stale = merge(planner, liaisons, version(liaisons), outreach, version(outreach) - 1);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("nothing was merged");
        assertThat(merge(planner, liaisons, version(liaisons), liaisons, version(liaisons))
                        .getStatus())
                .isEqualTo(400);
        assertThat(planning.nodesOfPlan(fixtures.demoDistrict(), cedarPlan).strategies())
                .extracting(Strategy::id)
                .contains(outreach);

        MockHttpServletResponse merged = merge(planner, liaisons, version(liaisons), outreach, version(outreach));
        assertThat(merged.getRedirectedUrl()).isEqualTo("/actions/" + liaisons + "?merged");

        String kept = page(planner, "/actions/" + liaisons + "?merged");
        assertThat(kept).contains("$20,000", "$5,000", "$25,000", "title-i-schoolwide SW-07", OUTREACH);
        assertThat(fixtures.jdbc()
                        .sql("select student_groups::text from action_detail where strategy_id = ?")
                        .param(liaisons)
                        .query(String.class)
                        .single())
                .contains("EL");
        assertThat(planning.nodesOfPlan(fixtures.demoDistrict(), cedarPlan).strategies())
                .extracting(Strategy::id)
                .doesNotContain(outreach);
        assertThat(page(planner, "/actions/" + outreach)).contains("merged into", LIAISONS, "/actions/" + liaisons);
        assertThat(page(planner, "/history/" + outreach)).contains("Merged into");
        assertThat(page(planner, "/history/" + liaisons)).contains("Merged in");
        assertThat(page(planner, "/improvement-plans/overlaps?year=2034")).contains("No overlapping actions found.");
        assertThat(api(planner, "/api/v1/plans/overlaps?schoolYear=2034-35").get("pairs"))
                .isEmpty();
        assertThat(fixtures.jdbc()
                        .sql("select sum(amount) from action_cost where strategy_id = ?")
                        .param(liaisons)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("25000");
    }

    private MockHttpServletResponse merge(SignedInUser who, UUID keep, int keepVersion, UUID merged, int mergedVersion)
            throws Exception {
        return send(
                who,
                post("/improvement-plans/overlaps/merge")
                        .param("keep", keep.toString())
                        .param("keepVersion", String.valueOf(keepVersion))
                        .param("merged", merged.toString())
                        .param("mergedVersion", String.valueOf(mergedVersion))
                        .param("year", "2034"));
    }

    private JsonNode api(SignedInUser who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", "Bearer " + token(who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private int apiStatus(SignedInUser who, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token(who)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String token(SignedInUser who) {
        return tokens.create(who.districtId(), who.userId(), "overlaps test");
    }
}
