package org.lodestar.execution.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A strategic plan's annual formative evaluation, one per school year of its cycle (the goals' verdicts proposed from
 * their KPIs' values of that year), which makes no plan and locks nothing; and the next strategic cycle started from
 * what the completed evaluations proved.
 */
@LodestarTest
class StrategicEvaluationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    private SignedInUser planner;

    /** A strategic plan 2024-25 to 2028-29 of its own: two goals, each with a KPI and two actions. */
    record Made(UUID plan, UUID goalMet, UUID goalShort, UUID kpiMet, UUID keep, UUID revise, UUID stop, UUID idle) {}

    @BeforeEach
    void thePlanner() {
        planner = fixtures.user("planner@lakeview.example");
    }

    private Made make(String name) {
        UUID plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        name + " 2024-2029",
                        2024,
                        2028,
                        name + " vision",
                        name + " mission",
                        name + " values",
                        new PlanTranslation(null, name + " visión", null, null),
                        PlanStatus.DRAFT,
                        0));
        UUID goalMet = planning.addGoal(planner, plan, name + ": readers", null);
        UUID goalShort = planning.addGoal(planner, plan, name + ": attendance", null);
        UUID met = kpi(planning.addOutcome(planner, goalMet, name + ": more readers", null), name + " reading", 70);
        UUID shortOf = kpi(planning.addOutcome(planner, goalShort, name + ": present", null), name + " attendance", 95);
        measures.record(
                planner,
                List.of(
                        new Measurement(met, 2025, 0, null, "ALL", new BigDecimal("72"), 500),
                        new Measurement(shortOf, 2025, 0, null, "ALL", new BigDecimal("91"), 500)));
        UUID keep = planning.addStrategy(planner, goalMet, name + ": tutoring", null);
        UUID revise = planning.addStrategy(planner, goalMet, name + ": reading nights", null);
        UUID stop = planning.addStrategy(planner, goalShort, name + ": attendance prizes", null);
        UUID idle = planning.addStrategy(planner, goalShort, name + ": home visits", null);
        return new Made(plan, goalMet, goalShort, met, keep, revise, stop, idle);
    }

    private UUID kpi(UUID outcome, String name, int target) {
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        targets.put(2025, BigDecimal.valueOf(target));
        return measures.addKpi(
                planner,
                outcome,
                name,
                Kpi.Unit.PERCENT,
                true,
                BigDecimal.valueOf(target - 10),
                2023,
                "District records",
                false,
                false,
                false,
                targets);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The evaluation's row of each item for the school year, by the item's id. */
    private Map<UUID, UUID> rows(UUID plan, int year) {
        Map<UUID, UUID> rows = new HashMap<>();
        fixtures.jdbc().sql("""
                        select i.item_id, i.id from year_end_item i
                          join year_end_evaluation e on e.district_id = i.district_id and e.id = i.evaluation_id
                         where e.plan_id = ? and e.school_year = ?""").params(plan, year).query(rs -> {
            rows.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return rows;
    }

    private void complete2025(Made made) throws Exception {
        assertThat(send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2025"), planner)
                        .getHeader("Location"))
                .endsWith("/strategic-plans/" + made.plan() + "/evaluations/2025");
        Map<UUID, UUID> rows = rows(made.plan(), 2025);
        MockHttpServletResponse completed = send(
                post("/strategic-plans/" + made.plan() + "/evaluations/2025")
                        .param("version", "0")
                        .param("verdict-" + rows.get(made.goalMet()), "MET")
                        .param("verdict-" + rows.get(made.goalShort()), "NOT_MET")
                        .param("verdict-" + rows.get(made.keep()), "CONTINUE")
                        .param("verdict-" + rows.get(made.revise()), "REVISE")
                        .param("note-" + rows.get(made.revise()), "Hold them at school")
                        .param("verdict-" + rows.get(made.stop()), "STOP")
                        .param("note-" + rows.get(made.stop()), "No effect")
                        .param("verdict-" + rows.get(made.idle()), "STOP")
                        .param("note-" + rows.get(made.idle()), "Never started")
                        .param("complete", "true"),
                planner);
        assertThat(completed.getStatus()).isEqualTo(302);
    }

    @Test
    void eachYearOfTheCycleIsEvaluatedOnItsOwnFromThatYearsValues() throws Exception {
        Made made = make("Annual");
        send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2025"), planner);
        send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2024"), planner);

        // 2025-26: reading 72 reached its 70, attendance 91 fell short of its 95
        assertThat(fixtures.jdbc()
                        .sql("select proposed from year_end_item where id = ?")
                        .param(rows(made.plan(), 2025).get(made.goalMet()))
                        .query(String.class)
                        .single())
                .isEqualTo("MET");
        assertThat(fixtures.jdbc()
                        .sql("select proposed from year_end_item where id = ?")
                        .param(rows(made.plan(), 2025).get(made.goalShort()))
                        .query(String.class)
                        .single())
                .isEqualTo("NOT_MET");
        // 2024-25 has no values: nothing proposed
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from year_end_item where id = ? and proposed is null")
                        .param(rows(made.plan(), 2024).get(made.goalMet()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String list = text(send(get("/strategic-plans/" + made.plan() + "/evaluations"), planner));
        assertThat(list).contains("data-year=\"2025\"", "data-year=\"2024\"", "2025-26", "2024-25");
        assertThat(list.indexOf("data-year=\"2025\"")).isLessThan(list.indexOf("data-year=\"2024\""));
        String page = text(send(get("/strategic-plans/" + made.plan() + "/evaluations/2025"), planner));
        assertThat(page).contains("Annual evaluation 2025-26", "1 of 1 KPIs with data reached their target");
        String spanish = text(send(
                get("/strategic-plans/" + made.plan() + "/evaluations/2025").param("lang", "es"), planner));
        assertThat(spanish).contains("Evaluación anual 2025-26");
    }

    @Test
    void completingAYearMakesNoPlanAndTheCycleGoesOn() throws Exception {
        Made made = make("Formative");
        int plansBefore = fixtures.count("plan");
        complete2025(made);

        assertThat(fixtures.count("plan")).isEqualTo(plansBefore);
        assertThat(fixtures.jdbc()
                        .sql("""
                                select count(*) from year_end_evaluation
                                 where plan_id = ? and school_year = 2025 and completed_at is not null
                                   and next_plan_id is null""")
                        .param(made.plan())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(planning.plan(planner.districtId(), made.plan()).status()).isEqualTo(PlanStatus.DRAFT);
        // the year's values are not locked by a formative evaluation
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from measurement_lock where kpi_id = ?")
                        .param(made.kpiMet())
                        .query(Integer.class)
                        .single())
                .isZero();
        // another year can still be started
        assertThat(send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2026"), planner)
                        .getStatus())
                .isEqualTo(302);
        String page = text(send(get("/strategic-plans/" + made.plan() + "/evaluations/2025"), planner));
        assertThat(page).contains("data-test=\"evaluation-completed\"", "The cycle goes on");
    }

    @Test
    void aYearOutsideTheCycleOrToComeIsRefusedAndOthersMayNotEvaluate() throws Exception {
        Made made = make("Refused");
        MockHttpServletResponse refused =
                send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2031"), planner);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(text(refused)).contains("2031-32 is not one");
        MockHttpServletResponse toCome =
                send(post("/strategic-plans/" + made.plan() + "/evaluations").param("year", "2028"), planner);
        assertThat(toCome.getStatus()).isEqualTo(422);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from year_end_evaluation where plan_id = ?")
                        .param(made.plan())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(send(
                                post("/strategic-plans/" + made.plan() + "/evaluations")
                                        .param("year", "2025"),
                                fixtures.user("teacher@lakeview.example"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                get("/strategic-plans/" + made.plan() + "/evaluations"),
                                fixtures.otherDistrictUser("DISTRICT_ADMIN"))
                        .getStatus())
                .isEqualTo(404);
        // an improvement plan's year-end route does not take a strategic plan
        assertThat(send(get("/improvement-plans/" + made.plan() + "/evaluation"), planner)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theNextCycleOffersFirstWhatTheLastOneProvedAndStartsADraftWithWhatIsTicked() throws Exception {
        Made made = make("Cycle");
        complete2025(made);

        String form = text(send(get("/strategic-plans/" + made.plan() + "/next-cycle"), planner));
        String proved = form.substring(form.indexOf("data-test=\"proved\""), form.indexOf("data-test=\"rest\""));
        String rest = form.substring(form.indexOf("data-test=\"rest\""));
        assertThat(proved).contains("Cycle: readers", "Cycle: tutoring", "Cycle: reading nights");
        assertThat(proved).doesNotContain("Cycle: attendance prizes", "Cycle: home visits");
        assertThat(rest).contains("Cycle: attendance", "Cycle: attendance prizes", "Cycle: home visits");
        assertThat(form).contains("value=\"2029\" selected", "Cycle 2029-2034", "Cycle vision");

        // an action without its goal is refused, nothing made
        int plansBefore = fixtures.count("plan");
        MockHttpServletResponse orphan = send(
                post("/strategic-plans/" + made.plan() + "/next-cycle")
                        .param("title", "Cycle next")
                        .param("firstYear", "2029")
                        .param("lastYear", "2033")
                        .param("goals", made.goalMet().toString())
                        .param("actions", made.keep().toString(), made.stop().toString()),
                planner);
        assertThat(orphan.getStatus()).isEqualTo(422);
        assertThat(text(orphan)).contains("An action goes with its goal", "Cycle: attendance prizes");
        MockHttpServletResponse years = send(
                post("/strategic-plans/" + made.plan() + "/next-cycle")
                        .param("title", "Cycle next")
                        .param("firstYear", "2029")
                        .param("lastYear", "2045"),
                planner);
        assertThat(years.getStatus()).isEqualTo(422);
        assertThat(fixtures.count("plan")).isEqualTo(plansBefore);

        MockHttpServletResponse started = send(
                post("/strategic-plans/" + made.plan() + "/next-cycle")
                        .param("title", "Cycle 2029-2034")
                        .param("firstYear", "2029")
                        .param("lastYear", "2033")
                        .param("vision", "Cycle vision, sharpened")
                        .param("mission", "Cycle mission")
                        .param("coreValues", "Cycle values")
                        .param("goals", made.goalMet().toString())
                        .param("actions", made.keep().toString(), made.revise().toString()),
                planner);
        assertThat(started.getStatus()).isEqualTo(302);
        UUID next = UUID.fromString(started.getHeader("Location").replaceAll(".*/plans/([^?]+).*", "$1"));
        PlanSummary plan = planning.plan(planner.districtId(), next);
        assertThat(plan.kind()).isEqualTo(PlanKind.STRATEGIC);
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(List.of(plan.firstYear(), plan.lastYear())).containsExactly(2029, 2033);
        assertThat(plan.vision()).isEqualTo("Cycle vision, sharpened");
        assertThat(plan.translation().vision()).isEqualTo("Cycle visión");
        PlanNodes nodes = planning.nodesOfPlan(planner.districtId(), next);
        assertThat(nodes.goals()).extracting(Goal::title).containsExactly("Cycle: readers");
        assertThat(nodes.outcomes()).extracting(Outcome::title).containsExactly("Cycle: more readers");
        assertThat(nodes.strategies())
                .extracting(Strategy::title)
                .containsExactlyInAnyOrder("Cycle: tutoring", "Cycle: reading nights");
        // the current cycle's plan is unchanged
        assertThat(planning.nodesOfPlan(planner.districtId(), made.plan()).strategies())
                .hasSize(4);
        assertThat(send(
                                get("/strategic-plans/" + made.plan() + "/next-cycle"),
                                fixtures.user("teacher@lakeview.example"))
                        .getStatus())
                .isEqualTo(403);
    }
}
