package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The public scorecard reads in a bounded number of statements, however many goals and KPIs it shows (issue 7). */
@LodestarTest
class PublicScorecardQueriesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DistrictChanges changes;

    private StatementCounter.Counted<String> render() throws Exception {
        return StatementCounter.count(() -> mvc.perform(get("/p/lakeview").locale(Locale.ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    @Transactional // rolled back: the goals and KPIs added here never reach the other tests
    void theStatementsDoNotGrowWithTheGoalsAndKpis() throws Exception {
        var before = render();
        assertThat(before.result()).contains("Grade 3 reading proficiency");

        UUID district = fixtures.demoDistrict();
        // the rows go in by SQL, around the application's events: the test counts the change itself, and a page
        // computed in a transaction with changes not yet committed is never cached
        changes.count(district);
        var first = render();
        addPublishedGoals(district, 3, 2);
        var after = render();

        assertThat(after.result()).contains("Added goal 3").contains("Added KPI 3.2");
        assertThat(after.result()).doesNotContain("Archived KPI");
        assertThat(after.statements())
                .as("statements before (%d) and after adding 3 goals with 6 KPIs", first.statements())
                .isEqualTo(first.statements())
                // 11: the district twice (its language, the page), then the district again (after the version, which
                // is not read in a transaction that changed the district), plans, plan items, KPIs, values, schools,
                // groups, the plan's change log
                .isLessThanOrEqualTo(11);
        assertThat(first.result()).isEqualTo(before.result());
    }

    @Test
    @Transactional
    void aSchoolsPageReadsAsFewStatementsHoweverManyGoalsAndKpis() throws Exception {
        UUID district = fixtures.demoDistrict();
        UUID school = fixtures.any("select id from school where district_id = ? order by name limit 1");
        changes.count(district);
        var first = StatementCounter.count(
                () -> mvc.perform(get("/p/lakeview/schools/" + school).locale(Locale.ENGLISH))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        addPublishedGoals(district, 3, 2);
        var after = StatementCounter.count(
                () -> mvc.perform(get("/p/lakeview/schools/" + school).locale(Locale.ENGLISH))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));

        assertThat(after.result()).contains("Added KPI 3.2").doesNotContain("Archived KPI");
        assertThat(after.statements())
                .as("statements before (%d) and after adding 3 goals with 6 KPIs", first.statements())
                .isEqualTo(first.statements())
                // the district three times (as above), the school, the district's plan, its items, the plans (for the
                // school's own), their items, KPIs, values, groups
                .isLessThanOrEqualTo(14);
    }

    @Test
    @Transactional
    void anUnchangedPageIsServedAsRenderedWithoutReadingItsData() throws Exception {
        render();
        var again = render();

        assertThat(again.result()).contains("Grade 3 reading proficiency");
        assertThat(again.statements())
                .as("the district (for its language and the page) and its version")
                .isLessThanOrEqualTo(3);
    }

    /** Adds published goals, each with one outcome and published KPIs with targets and values, and one archived KPI. */
    private void addPublishedGoals(UUID district, int goals, int kpisPerGoal) {
        var jdbc = fixtures.jdbc();
        UUID plan = jdbc.sql("""
                        select id from plan where district_id = ? and school_id is null and kind = 'STRATEGIC'
                           and status = 'ADOPTED'""").param(district).query(UUID.class).single();
        UUID school = jdbc.sql("select id from school where district_id = ? order by name limit 1")
                .param(district)
                .query(UUID.class)
                .single();
        for (int g = 1; g <= goals; g++) {
            UUID goal = Ids.next();
            jdbc.sql(
                            "insert into goal (district_id, id, plan_id, title, position, published) values (?, ?, ?, ?, ?, true)")
                    .params(district, goal, plan, "Added goal " + g, 100 + g)
                    .update();
            UUID outcome = Ids.next();
            jdbc.sql("insert into outcome (district_id, id, goal_id, title, position) values (?, ?, ?, ?, 1)")
                    .params(district, outcome, goal, "Added outcome " + g)
                    .update();
            for (int k = 1; k <= kpisPerGoal; k++) {
                addKpi(district, outcome, school, "Added KPI " + g + "." + k, k);
            }
            UUID archived = addKpi(district, outcome, school, "Archived KPI " + g, kpisPerGoal + 1);
            jdbc.sql("update kpi set archived_at = now(), archived_by = 'test' where district_id = ? and id = ?")
                    .params(district, archived)
                    .update();
        }
    }

    private UUID addKpi(UUID district, UUID outcome, UUID school, String name, int position) {
        var jdbc = fixtures.jdbc();
        UUID kpi = Ids.next();
        jdbc.sql("""
                        insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                            baseline_year, frequency, by_student_group, published, position)
                        values (?, ?, ?, ?, 'PERCENT', 'HIGHER_IS_BETTER', 50, 2023, 'ANNUAL', true, true, ?)""").params(district, kpi, outcome, name, position).update();
        jdbc.sql("insert into kpi_target (district_id, kpi_id, school_year, value) values (?, ?, 2027, 60)")
                .params(district, kpi)
                .update();
        for (int year = 2023; year <= 2025; year++) {
            value(district, kpi, year, null, "ALL", 50 + year - 2023, 400);
            value(district, kpi, year, null, "ASIAN", 55, 40);
            value(district, kpi, year, school, "ALL", 52, 120);
        }
        return kpi;
    }

    private void value(UUID district, UUID kpi, int year, UUID school, String group, int value, int n) {
        fixtures.jdbc()
                .sql("""
                        insert into measurement (district_id, id, kpi_id, school_year, period, school_id, group_code,
                            value, n, recorded_at, recorded_by)
                        values (?, ?, ?, ?, 0, ?, ?, ?, ?, now(), 'test')""")
                .params(district, Ids.next(), kpi, year, school, group, value, n)
                .update();
    }
}
