package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Every home page reads in a bounded number of statements, however many goals, KPIs and projects the plans have. */
@LodestarTest
class HomePageQueriesTest {

    private static final List<String> PEOPLE = List.of(
            "planner@lakeview.example",
            "principal@lakeview.example",
            "teacher@lakeview.example",
            "board@lakeview.example");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DistrictChanges changes;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    @Autowired
    ExecutionApi execution;

    private Map<String, StatementCounter.Counted<String>> render() throws Exception {
        Map<String, StatementCounter.Counted<String>> pages = new LinkedHashMap<>();
        for (String email : PEOPLE) {
            SignedInUser as = fixtures.user(email);
            pages.put(
                    email,
                    StatementCounter.count(
                            () -> mvc.perform(get("/").param("lang", "en").with(user(as)))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString(StandardCharsets.UTF_8)));
        }
        return pages;
    }

    @Test
    @Transactional // rolled back: the goals, KPIs and projects added here never reach the other tests
    void theStatementsDoNotGrowWithTheGoalsKpisAndProjects() throws Exception {
        // changed in this transaction before the first count, as after the additions: a district with uncommitted
        // changes
        // is read again at every use (its remembered version does not hold), so both counts read it alike
        changes.count(fixtures.demoDistrict());
        var before = render();

        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID plan = fixtures.any(
                "select id from plan where district_id = ? and school_id is null and kind = 'STRATEGIC' and status = 'ADOPTED'");
        for (int g = 1; g <= 3; g++) {
            UUID goal = planning.addGoal(planner, plan, "Counted goal " + g, null);
            UUID outcome = planning.addOutcome(planner, goal, "Counted outcome " + g, null);
            List<Measurement> values = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                UUID kpi = kpi(planner, outcome, "Counted KPI " + g + "." + k);
                values.add(new Measurement(kpi, 2024, 0, null, "ALL", new BigDecimal("53"), 400));
                values.add(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal(50 + k), 400));
            }
            measures.record(planner, values);
            UUID strategy = planning.addStrategy(planner, goal, "Counted strategy " + g, null);
            for (int p = 1; p <= 3; p++) {
                execution.addProject(planner, strategy, "Counted project " + g + "." + p, null);
            }
        }
        kpi(planner, fixtures.cedarOutcome(), "Counted Cedar KPI");
        var after = render();

        for (String email : PEOPLE) {
            assertThat(after.get(email).result()).as(email).contains("Counted");
            assertThat(after.get(email).statements())
                    .as(
                            "%s: statements before (%d) and after adding 3 goals, 10 KPIs and 9 projects",
                            email, before.get(email).statements())
                    .isEqualTo(before.get(email).statements())
                    // about 12 for the planner and 20 for the principal (school plans, alignments, the district plan)
                    .isLessThanOrEqualTo(24);
        }
    }

    private UUID kpi(SignedInUser as, UUID outcome, String name) {
        return measures.addKpi(
                as,
                outcome,
                name,
                Kpi.Unit.PERCENT,
                true,
                new BigDecimal("50"),
                2023,
                "test",
                false,
                true,
                false,
                new TreeMap<>(Map.of(2027, new BigDecimal("60"))));
    }
}
