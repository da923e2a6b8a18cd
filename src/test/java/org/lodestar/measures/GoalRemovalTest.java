package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MockMvc;

/** Deleting a goal on the plan page no longer takes its KPIs' measurements with it: the KPIs are archived. */
@LodestarTest
class GoalRemovalTest {

    private static final String NAME = "Chess club attendance";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Test
    void aDeletedGoalsKpisKeepTheirValuesAndLeaveTheScorecard() throws Exception {
        SignedInUser planner = fixtures.demoUser("planner-removal@lakeview.example", "PLANNER", null);
        UUID plan = fixtures.any("select id from plan where district_id = ? and school_id is null");
        UUID goal = planning.addGoal(planner, plan, "A goal to drop", null);
        UUID outcome = planning.addOutcome(planner, goal, "An outcome to drop", null);
        UUID kpi = kpiWithTwoValues(outcome);
        assertThat(scorecard(planner, plan)).contains(NAME);

        int status = mvc.perform(post("/plans/" + plan + "/nodes/goal/" + goal + "/delete")
                        .param("version", "0")
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isLessThan(400);

        // measures archives after planning's transaction commits, on a thread of its own
        await().atMost(Duration.ofSeconds(20)).until(() -> archived(kpi));
        assertThat(count("select count(*) from measurement where district_id = ? and kpi_id = ?", kpi))
                .isEqualTo(2);
        String page = scorecard(planner, plan);
        int archivedSection = page.indexOf("data-test=\"archived-kpis\"");
        assertThat(archivedSection).isPositive();
        assertThat(page.substring(0, archivedSection)).doesNotContain(NAME);
        assertThat(page.substring(archivedSection)).contains(NAME);
        assertThat(mvc.perform(get("/kpis/" + kpi).with(user(planner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(count(
                        "select count(*) from audit_event where district_id = ? and entity_id = ? and actor = 'planner-removal@lakeview.example'",
                        kpi))
                .isEqualTo(1);
        // the outcome row stays (marked removed), and the database refuses to delete it under its KPI
        assertThatThrownBy(() -> fixtures.jdbc()
                        .sql("delete from outcome where district_id = ? and id = ?")
                        .params(fixtures.demoDistrict(), outcome)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID kpiWithTwoValues(UUID outcome) {
        UUID kpi = Ids.next();
        fixtures.jdbc()
                .sql("""
                        insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                            baseline_year, frequency, position)
                        values (?, ?, ?, ?, 'PERCENT', 'HIGHER_IS_BETTER', 40, 2024, 'ANNUAL', 1)""")
                .params(fixtures.demoDistrict(), kpi, outcome, NAME)
                .update();
        for (int year : new int[] {2024, 2025}) {
            fixtures.jdbc()
                    .sql("""
                            insert into measurement (district_id, id, kpi_id, school_year, value, n, recorded_at,
                                recorded_by)
                            values (?, ?, ?, ?, 45, 120, now(), 'test')""")
                    .params(fixtures.demoDistrict(), Ids.next(), kpi, year)
                    .update();
        }
        return kpi;
    }

    private String scorecard(SignedInUser planner, UUID plan) throws Exception {
        return mvc.perform(get("/scorecard").param("plan", plan.toString()).with(user(planner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private boolean archived(UUID kpi) {
        return count("select count(*) from kpi where district_id = ? and id = ? and archived_at is not null", kpi) == 1;
    }

    private int count(String sql, UUID id) {
        return fixtures.jdbc()
                .sql(sql)
                .params(fixtures.demoDistrict(), id)
                .query(Integer.class)
                .single();
    }
}
