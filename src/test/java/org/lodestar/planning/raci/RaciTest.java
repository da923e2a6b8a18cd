package org.lodestar.planning.raci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * RACI charts on the action page and the leadership view, on the demo district: the flag of an action without exactly
 * one Accountable, saves that are versioned and audited, who may change a chart, a school leader's scope and another
 * district's.
 */
@LodestarTest
class RaciTest {

    /** The demo's action deliberately left without an Accountable. */
    private static final String FLAGGED = """
            select r.strategy_id from action_raci r where r.district_id = ? and not exists (
                select 1 from action_raci_person p
                 where p.district_id = r.district_id and p.strategy_id = r.strategy_id and p.accountable)""";

    /** An action of Cedar Elementary's own plan (the demo principal's school). */
    private static final String CEDAR_ACTION = """
            select s.id from strategy s
              join goal g on g.district_id = s.district_id and g.id = s.goal_id
              join plan p on p.district_id = g.district_id and p.id = g.plan_id
              join school sc on sc.district_id = p.district_id and sc.id = p.school_id
             where s.district_id = ? and sc.name = 'Cedar Elementary' and s.removed_at is null
             order by s.id""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ImprovementPlans improvement;

    @Autowired
    ActionRacis racis;

    /** Each person's sitting: an adopted plan's action page asks why once per sitting before it offers its forms. */
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpSession session = sessions.computeIfAbsent(who.email(), email -> new MockHttpSession());
        Matcher action = ACTION_PATH.matcher(
                request.buildRequest(new MockServletContext()).getRequestURI());
        if (action.find()) {
            // the person says why the action's plan changes, as the page asks them to (refused to those who may not)
            planning.strategy(who.districtId(), UUID.fromString(action.group(1)))
                    .ifPresent(strategy -> said(who, strategy.planId(), session));
        }
        return mvc.perform(request.session(session).with(user(who)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private static final Pattern ACTION_PATH = Pattern.compile("^/actions/([0-9a-f-]{36})");

    private final Set<String> reasonsGiven = new java.util.HashSet<>();

    private void said(SignedInUser who, UUID plan, MockHttpSession session) {
        if (!reasonsGiven.add(who.email() + " " + plan)) {
            return;
        }
        try {
            mvc.perform(post("/plans/" + plan + "/reason")
                    .param("reason", "The action's roles are set.")
                    .session(session)
                    .with(user(who))
                    .with(csrf()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(SignedInUser who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private UUID person(String email) {
        return fixtures.any("select id from app_user where district_id = ? and email = '" + email + "'");
    }

    /** The last action of the district's strategic plan, which these tests change. */
    private UUID districtAction() {
        var plan = planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        var strategies =
                planning.nodesOfPlan(fixtures.demoDistrict(), plan.id()).strategies();
        return strategies.get(strategies.size() - 1).id();
    }

    private int version(UUID action) {
        return fixtures.jdbc()
                .sql("select coalesce(max(version), 0) from action_raci where strategy_id = ?")
                .param(action)
                .query(Integer.class)
                .single();
    }

    private long accountable(UUID action) {
        return fixtures.jdbc()
                .sql("select count(*) from action_raci_person where strategy_id = ? and accountable")
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoFlagsItsActionWithoutAnAccountableOnItsPageAndOnTheLeadershipView() throws Exception {
        UUID flagged = fixtures.any(FLAGGED);

        assertThat(page(planner(), "/actions/" + flagged))
                .contains(
                        "data-test=\"raci\"",
                        "data-test=\"raci-flag\"",
                        "No one is accountable",
                        "data-test=\"raci-form\"");
        assertThat(page(fixtures.user("board@lakeview.example"), "/actions/" + flagged))
                .contains("data-test=\"raci-chart\"", "No one is accountable")
                .doesNotContain("data-test=\"raci-form\"");

        // the school year of the demo's plan (other tests may have made improvement plans of later years)
        int year = planning.plan(
                        fixtures.demoDistrict(),
                        planning.strategy(fixtures.demoDistrict(), flagged)
                                .orElseThrow()
                                .planId())
                .firstYear();
        String leadership = page(planner(), "/leadership?year=" + year);
        assertThat(leadership)
                .contains(
                        "data-test=\"by-person\"",
                        "id=\"by-school\"",
                        "Priya Natarajan",
                        "District plans",
                        "data-test=\"no-single-accountable\"",
                        "/actions/" + flagged);
        assertThat(page(planner(), "/leadership?year=" + year + "&lang=es"))
                .contains("Quién rinde cuentas de qué", "Por persona");
    }

    @Test
    void aPlannerChartsAnActionSeveralAccountableAreFlaggedNotRefusedAndAStaleSaveIsRefused() throws Exception {
        UUID action = districtAction();
        String path = "/actions/" + action + "/raci";
        int read = version(action);
        UUID hr = person("marcus.hale@lakeview.example");
        UUID tech = person("grace.kim@lakeview.example");
        UUID teacher = person("teacher@lakeview.example");

        MockHttpServletResponse two = send(
                planner(),
                post(path)
                        .header("HX-Request", "true")
                        .param("a", hr.toString(), tech.toString())
                        .param("r", tech.toString())
                        .param("version", String.valueOf(read)));
        assertThat(two.getStatus()).isEqualTo(200);
        assertThat(two.getContentAsString(StandardCharsets.UTF_8))
                .contains("2 people are accountable", "Marcus Hale", "Grace Kim", "The chart is saved.");
        assertThat(accountable(action)).isEqualTo(2);
        assertThat(version(action)).isEqualTo(read + 1);

        MockHttpServletResponse stale =
                send(planner(), post(path).param("a", hr.toString()).param("version", String.valueOf(read)));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("data-test=\"edit-conflict\"");
        assertThat(accountable(action)).isEqualTo(2);

        MockHttpServletResponse stranger = send(
                planner(),
                post(path).param("a", UUID.randomUUID().toString()).param("version", String.valueOf(read + 1)));
        assertThat(stranger.getStatus()).isEqualTo(422);
        assertThat(stranger.getContentAsString(StandardCharsets.UTF_8)).contains("is not one of the district");
        assertThat(version(action)).isEqualTo(read + 1);

        MockHttpServletResponse added = send(
                planner(),
                post(path)
                        .param("a", hr.toString())
                        .param("r", "new")
                        .param("i", "new")
                        .param("newPerson", teacher.toString())
                        .param("version", String.valueOf(read + 1)));
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(accountable(action)).isEqualTo(1);
        assertThat(fixtures.jdbc()
                        .sql("select responsible and informed and not accountable from action_raci_person"
                                + " where strategy_id = ? and person_id = ?")
                        .params(action, teacher)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(page(planner(), "/actions/" + action)).doesNotContain("data-test=\"raci-flag\"");

        // audited with the plan's other changes, in people's names
        long audited = 0;
        for (int attempt = 0; attempt < 50 && audited == 0; attempt++) {
            audited = fixtures.jdbc()
                    .sql("select count(*) from audit_event where entity_id = ? and after_state::text like ?")
                    .params(action, "%raci.field.ACCOUNTABLE%")
                    .query(Long.class)
                    .single();
            if (audited == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSchoolLeaderChangesTheirSchoolsChartsOnlyAndSeesOnlyTheirSchoolOnTheLeadershipView() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedarAction = fixtures.any(CEDAR_ACTION);
        UUID districtAction = districtAction();
        UUID me = person("principal@lakeview.example");

        assertThat(send(
                                principal,
                                post("/actions/" + districtAction + "/raci")
                                        .param("a", me.toString())
                                        .param("version", String.valueOf(version(districtAction))))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                fixtures.user("board@lakeview.example"),
                                post("/actions/" + cedarAction + "/raci")
                                        .param("a", me.toString())
                                        .param("version", String.valueOf(version(cedarAction))))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                principal,
                                post("/actions/" + cedarAction + "/raci")
                                        .param("a", me.toString())
                                        .param("r", me.toString())
                                        .param("version", String.valueOf(version(cedarAction))))
                        .getStatus())
                .isEqualTo(302);

        int year = planning.plan(
                        fixtures.demoDistrict(),
                        planning.strategy(fixtures.demoDistrict(), cedarAction)
                                .orElseThrow()
                                .planId())
                .firstYear();
        String leadership = page(principal, "/leadership?year=" + year);
        assertThat(leadership)
                .contains("Cedar Elementary", "/actions/" + cedarAction)
                .doesNotContain("District plans", "/actions/" + districtAction);
        UUID strategic = planning.districtStrategicPlan(fixtures.demoDistrict())
                .orElseThrow()
                .id();
        assertThat(send(principal, get("/leadership?plan=" + strategic)).getStatus())
                .isEqualTo(404);
    }

    @Test
    void anotherDistrictNeitherReadsNorChangesAChart() throws Exception {
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        UUID action = fixtures.any(FLAGGED);
        int before = version(action);

        assertThat(send(outsider, get("/actions/" + action + "/raci")).getStatus())
                .isEqualTo(404);
        assertThat(send(
                                outsider,
                                post("/actions/" + action + "/raci")
                                        .param("a", outsider.userId().toString())
                                        .param("version", String.valueOf(before)))
                        .getStatus())
                .isEqualTo(404);
        assertThat(version(action)).isEqualTo(before);
        assertThat(page(outsider, "/leadership")).doesNotContain("Priya Natarajan", "Sam Okafor", "/actions/" + action);
    }

    @Test
    void aPersonAccountableForMoreThanEightActionsIsFlaggedByPersonAndBySchool() throws Exception {
        SignedInUser planner = planner();
        var strategic = planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        UUID goal = planning.nodesOfPlan(fixtures.demoDistrict(), strategic.id())
                .goals()
                .get(0)
                .id();
        UUID plan = improvement.create(
                planner,
                new ImprovementPlans.Start(
                        strategic.id(), null, 2037, "District improvement plan 2037-38", Set.of(goal), Set.of()));
        UUID planGoal = planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .goals()
                .get(0)
                .id();
        SignedInUser busy = fixtures.demoUser("busy.director@lakeview.example", "PLANNER", null);
        for (int n = 1; n <= 9; n++) {
            UUID action = planning.addStrategy(planner, planGoal, "Busy action " + n, null);
            racis.save(
                    planner,
                    action,
                    List.of(new RaciEntry(busy.userId(), EnumSet.of(RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE))),
                    0);
        }
        UUID unnamed = planning.addStrategy(planner, planGoal, "Busy action nobody answers for", null);

        String leadership = page(planner, "/leadership?plan=" + plan);
        assertThat(leadership)
                .contains(
                        "data-test=\"overloaded\"",
                        "more than 8 accountable actions",
                        "data-test=\"school-overloaded\"",
                        "busy.director@lakeview.example (9)",
                        "10 actions; 1 without exactly one accountable person.",
                        "/actions/" + unnamed);
        assertThat(page(planner, "/leadership?plan=" + plan + "&lang=es"))
                .contains("más de 8 acciones de las que rinde cuentas");
    }
}
