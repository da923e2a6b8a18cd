package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A KPI page and a plan page read a bounded number of statements, whatever the number of values, schools, groups and
 * items: each page is counted small, then again after the district has grown many times over, and must cost the same.
 * A query per value, per item or per school (an N+1) makes the grown page cost more and fails the test. Each test has a
 * district of its own, so that no other test's items are counted.
 */
@LodestarTest
class PageQueriesTest {

    /**
     * A KPI page: the account and its grants (read at every request), the district's version and, after a change, the
     * district; the KPI, its targets, its values in one statement, its outcome and plan, the schools and the groups.
     */
    static final int KPI_PAGE_BOUND = 12;

    /**
     * A plan page: the account, its grants, the version, the district; the plan, its goals, outcomes, strategies, KPIs
     * with targets, their values, projects with their tasks (for their roll-up) in one, alignments, the people (grants
     * and names) who may own items, the items' freshness (their latest check-ins, their KPIs' latest values, the
     * cadences), and the plans an improvement plan carries out.
     */
    static final int PLAN_PAGE_BOUND = 18;

    private static final String[] GROUPS = {"ALL", "ECON", "SWD"};

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    @Autowired
    ExecutionApi execution;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    DistrictChanges changes;

    private SignedInUser planner;
    private final List<UUID> schools = new ArrayList<>();
    private UUID plan;

    @BeforeEach
    void aDistrictOfItsOwnWithAPlan() {
        UUID district = Ids.next();
        var jdbc = fixtures.jdbc();
        jdbc.sql("insert into district (id, name, slug) values (?, 'Counted', ?)")
                .params(district, "counted-" + district)
                .update();
        for (int i = 0; i < GROUPS.length; i++) {
            jdbc.sql("insert into student_group (district_id, code, name_en, name_es, family, position)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(district, GROUPS[i], GROUPS[i], GROUPS[i], i == 0 ? "ALL" : GROUPS[i], i)
                    .update();
        }
        UUID user = Ids.next();
        String email = "planner@" + district + ".example";
        jdbc.sql("insert into app_user (district_id, id, email, display_name, password_hash) values (?, ?, ?, ?, ?)")
                .params(district, user, email, "Counted Planner", passwords.encode(Fixtures.PASSWORD))
                .update();
        jdbc.sql("insert into role_grant (district_id, id, user_id, role, school_id) values (?, ?, ?, 'PLANNER', null)")
                .params(district, Ids.next(), user)
                .update();
        planner = fixtures.user(email);
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Counted plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        PlanTranslation.NONE,
                        PlanStatus.DRAFT,
                        0));
        schools(1);
    }

    private void schools(int more) {
        for (int i = 0; i < more; i++) {
            UUID school = Ids.next();
            fixtures.jdbc()
                    .sql("insert into school (district_id, id, name, level, lowest_grade, highest_grade)"
                            + " values (?, ?, ?, 'ELEMENTARY', 'K', '5')")
                    .params(planner.districtId(), school, "School " + schools.size())
                    .update();
            schools.add(school);
        }
        planner = fixtures.user(planner.email());
    }

    /** A goal with two outcomes of two KPIs each (with values), two strategies with two projects each. */
    private UUID goal(int number) {
        UUID goal = planning.addGoal(planner, plan, "Goal " + number, planner.userId());
        UUID first = null;
        for (int o = 0; o < 2; o++) {
            UUID outcome = planning.addOutcome(planner, goal, "Outcome " + number + "." + o, planner.userId());
            for (int k = 0; k < 2; k++) {
                UUID kpi = kpi(outcome, "KPI " + number + "." + o + "." + k);
                values(kpi, 2023, 2024);
                first = first == null ? kpi : first;
            }
            UUID strategy = planning.addStrategy(planner, goal, "Strategy " + number + "." + o, planner.userId());
            execution.addProject(planner, strategy, "Project " + number + "." + o + ".a", planner.userId());
            execution.addProject(planner, strategy, "Project " + number + "." + o + ".b", null);
        }
        return first;
    }

    private UUID kpi(UUID outcome, String name) {
        var targets = new TreeMap<Integer, BigDecimal>();
        targets.put(2029, new BigDecimal("80"));
        return measures.addKpi(
                planner,
                outcome,
                name,
                Kpi.Unit.PERCENT,
                true,
                new BigDecimal("60"),
                2024,
                "State test",
                true,
                true,
                true,
                targets);
    }

    /** Values of every year from {@code from} to {@code to}: the district and each school, each group. */
    private void values(UUID kpi, int from, int to) {
        List<Measurement> values = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            for (String group : GROUPS) {
                values.add(new Measurement(kpi, year, 0, null, group, new BigDecimal("61.5"), 400));
                for (UUID school : schools) {
                    values.add(new Measurement(kpi, year, 0, school, group, new BigDecimal("58.25"), 40));
                }
            }
        }
        measures.record(planner, values);
    }

    private StatementCounter.Counted<String> page(String path) throws Exception {
        // every count after a change, so that the district's version and the district are read in each alike (a
        // version is otherwise remembered for a second, and read or not by how long the test took in between)
        changes.count(planner.districtId());
        return StatementCounter.count(() -> {
            var response = mvc.perform(get(path).with(user(planner)).locale(Locale.ENGLISH))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            return response.getContentAsString(StandardCharsets.UTF_8);
        });
    }

    @Test
    void aKpiPageReadsAsMuchWithTenYearsOfValuesInManySchoolsAsWithTwo() throws Exception {
        UUID kpi = goal(1);
        var small = page("/kpis/" + kpi);
        var smallAtSchool = page("/kpis/" + kpi + "?school=" + schools.get(0) + "&group=ECON");

        schools(7);
        values(kpi, 2015, 2024);
        var large = page("/kpis/" + kpi);
        var largeAtSchool = page("/kpis/" + kpi + "?school=" + schools.get(0) + "&group=ECON");

        assertThat(large.result()).contains("School 7").contains("2015-16");
        assertThat(large.statements())
                .as("the district's KPI page, 8 schools and 10 years against 1 school and 2 years: %s", large.sql())
                .isEqualTo(small.statements())
                .isLessThanOrEqualTo(KPI_PAGE_BOUND);
        assertThat(largeAtSchool.statements())
                .as("a school's group on the KPI page: %s", largeAtSchool.sql())
                .isEqualTo(smallAtSchool.statements())
                .isLessThanOrEqualTo(KPI_PAGE_BOUND);
    }

    @Test
    void aPlanPageReadsAsMuchWithTwelveGoalsAsWithOne() throws Exception {
        goal(1);
        var small = page("/plans/" + plan);
        var smallEditing = page("/plans/" + plan + "?mode=edit");

        for (int g = 2; g <= 12; g++) {
            goal(g);
        }
        var large = page("/plans/" + plan);
        var largeEditing = page("/plans/" + plan + "?mode=edit");

        assertThat(large.result())
                .contains("Goal 12")
                .contains("Project 12.1.b")
                .contains("KPI 12.1.1");
        assertThat(large.statements())
                .as("the plan page, 12 goals (48 KPIs, 48 projects) against 1: %s", large.sql())
                .isEqualTo(small.statements())
                .isLessThanOrEqualTo(PLAN_PAGE_BOUND);
        assertThat(largeEditing.statements())
                .as("the plan page in edit mode: %s", largeEditing.sql())
                .isEqualTo(smallEditing.statements())
                .isLessThanOrEqualTo(PLAN_PAGE_BOUND);
    }
}
