package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public scorecard's summary, contents and print view, and a page per school with the same privacy rules: a
 * school's page never shows what the district's page hides, nor a small or n-less group of its own.
 */
@LodestarTest
class PublicSchoolPagesTest {

    private static final String KPI = "Grade 3 reading proficiency";

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicScorecard scorecard;

    @Autowired
    DirectoryApi directory;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DistrictChanges changes;

    private District lakeview() {
        return directory.publicDistrict("lakeview").orElseThrow();
    }

    private UUID school(String name) {
        return fixtures.any("select id from school where district_id = ? and name = '" + name + "'");
    }

    private MockHttpServletResponse response(String path, Locale locale) throws Exception {
        return mvc.perform(get(path).locale(locale)).andReturn().getResponse();
    }

    private String page(String path) throws Exception {
        return response(path, Locale.ENGLISH).getContentAsString(StandardCharsets.UTF_8);
    }

    private PublicScorecard.PublicKpi atSchool(UUID school, String name) {
        return scorecard.school(lakeview(), school, Locale.ENGLISH).orElseThrow().view().goals().stream()
                .flatMap(goal -> goal.kpis().stream())
                .filter(kpi -> kpi.kpi().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private int latestYear() {
        return fixtures.jdbc().sql("""
                        select max(school_year) from measurement where school_id is null and group_code = 'ALL'
                           and kpi_id = (select id from kpi where name = ?)""").param(KPI).query(Integer.class).single();
    }

    @Test
    void theSummaryCountsThePublishedKpisByStatusPerGoalAndInAll() throws Exception {
        PublicScorecard.View view = scorecard.view(lakeview(), Locale.ENGLISH);
        int kpis = view.goals().stream().mapToInt(g -> g.kpis().size()).sum();
        assertThat(view.measures()).isEqualTo(kpis).isPositive();
        assertThat(view.totals().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(kpis);
        view.goals()
                .forEach(goal -> assertThat(goal.counts().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .as(goal.goal().title())
                        .isEqualTo(goal.kpis().size()));
        int onTrack = (int) view.goals().stream()
                .flatMap(g -> g.kpis().stream())
                .filter(k -> k.overview().status().name().equals("ON_TRACK"))
                .count();
        assertThat(view.totals().get("ON_TRACK")).isEqualTo(onTrack);
        assertThat(view.latestYear()).isEqualTo(latestYear());

        String page = page("/p/lakeview");
        assertThat(page)
                .contains(onTrack + " of " + kpis + " measures " + (onTrack == 1 ? "is" : "are") + " on track.")
                .contains("Latest school year with results: " + latestYear() + "-" + (latestYear() + 1 - 2000))
                .contains("data-test=\"public-summary\"")
                .contains("class=\"chart goal-bars\"");
        // the contents link every goal's part of the page, in the goals' order
        for (var goal : view.goals()) {
            assertThat(page)
                    .contains("href=\"#goal-" + goal.goal().id() + "\"")
                    .contains("id=\"goal-" + goal.goal().id() + "\"");
        }
        // and every school of the district has its page linked
        assertThat(page).contains("href=\"/p/lakeview/schools/" + school("Cedar Elementary") + "\"");
        assertThat(Pattern.compile("href=\"/p/lakeview/schools/")
                        .matcher(page)
                        .results()
                        .count())
                .isEqualTo(directory.schools(lakeview().id()).size());

        String spanish = response("/p/lakeview?lang=es", Locale.ENGLISH).getContentAsString(StandardCharsets.UTF_8);
        assertThat(spanish)
                .contains(onTrack + " de " + kpis + " indicadores")
                .contains("Último año escolar con resultados")
                .contains("Resumen")
                .contains("Contenido");
    }

    @Test
    void aSchoolsPageShowsItsOwnValuesOfThePublishedKpisOnly() throws Exception {
        UUID cedar = school("Cedar Elementary");
        var kpi = atSchool(cedar, KPI);
        var latest = fixtures.jdbc()
                .sql("""
                        select value from measurement where school_id = ? and group_code = 'ALL' and school_year = ?
                           and kpi_id = (select id from kpi where name = ?)""")
                .params(cedar, latestYear(), KPI)
                .query(java.math.BigDecimal.class)
                .single();
        assertThat(kpi.headlineHidden()).isFalse();
        assertThat(kpi.overview().latest()).isEqualByComparingTo(latest);
        assertThat(kpi.overview().latestYear()).isEqualTo(latestYear());
        assertThat(kpi.schools()).isEmpty();

        String page = page("/p/lakeview/schools/" + cedar);
        assertThat(page)
                .contains("Cedar Elementary: results at this school")
                .contains(KPI)
                .contains("data-test=\"public-summary\"")
                .doesNotContain("Graduation rate") // a high school's KPI
                .doesNotContain("Kindergarten readiness") // not published
                .doesNotContain("Modern technology for learning and operations") // goal not published
                .doesNotContain("Sign out")
                .doesNotContain("csrf-token");
        assertThat(response("/p/lakeview/schools/" + cedar + "?lang=es", Locale.ENGLISH)
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Cedar Elementary: resultados de esta escuela")
                .contains("Volver a los indicadores del distrito");
    }

    @Test
    @Transactional // rolled back: the demo's values stay as they are for the other tests
    void aSchoolHiddenAmongItsSiblingsOnTheDistrictsPageIsHiddenOnItsOwnPageToo() {
        // Maple's third graders of the latest year become too few: the district's page hides Maple, and the smallest
        // other school so that Maple's result cannot be worked out from the district's total
        fixtures.jdbc()
                .sql("""
                        update measurement set n = 4 where school_id = ? and group_code = 'ALL' and school_year = ?
                           and kpi_id = (select id from kpi where name = ?)""")
                .params(school("Maple Elementary"), latestYear(), KPI)
                .update();
        // and the district's total is its schools' students, no more: what the schools leave out is Maple's alone
        fixtures.jdbc().sql("""
                        update measurement d set n = (select sum(s.n) from measurement s where s.kpi_id = d.kpi_id
                               and s.school_year = d.school_year and s.period = d.period and s.group_code = 'ALL'
                               and s.school_id is not null)
                         where d.school_id is null and d.group_code = 'ALL' and d.school_year = ?
                           and d.kpi_id = (select id from kpi where name = ?)""").params(latestYear(), KPI).update();
        changes.count(fixtures.demoDistrict());
        var district = scorecard.view(lakeview(), Locale.ENGLISH).goals().stream()
                .flatMap(goal -> goal.kpis().stream())
                .filter(kpi -> kpi.kpi().name().equals(KPI))
                .findFirst()
                .orElseThrow();
        Map<String, Boolean> hiddenOnDistrictPage = district.schools().stream()
                .collect(Collectors.toMap(PublicScorecard.Cell::label, PublicScorecard.Cell::hidden));
        assertThat(hiddenOnDistrictPage.get("Maple Elementary")).isTrue();
        assertThat(hiddenOnDistrictPage.values().stream().filter(hidden -> hidden))
                .hasSize(2);
        hiddenOnDistrictPage.forEach((name, hidden) -> {
            var kpi = atSchool(school(name), KPI);
            assertThat(kpi.headlineHidden()).as(name).isEqualTo(hidden);
            assertThat(kpi.overview().latestYear()).as(name).isEqualTo(hidden ? latestYear() - 1 : latestYear());
        });
    }

    /** Adds a group's value of the latest year at a school, by SQL (around the application's rules, as old data). */
    private void groupAtSchool(UUID school, String group, Integer n) {
        fixtures.jdbc()
                .sql("""
                        insert into measurement (district_id, id, kpi_id, school_year, period, school_id, group_code,
                            value, n, recorded_at, recorded_by)
                        select district_id, ?, kpi_id, school_year, period, school_id, ?, value + 1, ?, now(), 'test'
                          from measurement where school_id = ? and group_code = 'ALL' and school_year = ?
                           and kpi_id = (select id from kpi where name = ?)""")
                .params(Ids.next(), group, n, school, latestYear(), KPI)
                .update();
        changes.count(fixtures.demoDistrict());
    }

    private int schoolN(UUID school) {
        return fixtures.jdbc()
                .sql("""
                        select n from measurement where school_id = ? and group_code = 'ALL' and school_year = ?
                           and kpi_id = (select id from kpi where name = ?)""")
                .params(school, latestYear(), KPI)
                .query(Integer.class)
                .single();
    }

    private Map<String, PublicScorecard.Cell> groupsAt(UUID school) {
        return atSchool(school, KPI).groups().stream()
                .collect(Collectors.toMap(PublicScorecard.Cell::label, cell -> cell));
    }

    @Test
    @Transactional
    void aSmallGroupAtASchoolIsHiddenAndSoIsTheNextSmallestOfItsFamily() throws Exception {
        UUID cedar = school("Cedar Elementary");
        int total = schoolN(cedar);
        assertThat(total).as("Cedar's third graders").isGreaterThan(60);
        groupAtSchool(cedar, "BLACK", 3); // too few
        groupAtSchool(cedar, "ASIAN", 14); // the smallest other one: hidden so that Black cannot be worked out
        groupAtSchool(cedar, "HISPANIC", 20);
        groupAtSchool(cedar, "WHITE", total - 37);
        groupAtSchool(cedar, "EL", 25);

        Map<String, PublicScorecard.Cell> groups = groupsAt(cedar);
        assertThat(groups.get("Black or African American").hidden()).isTrue();
        assertThat(groups.get("Black or African American").value()).isNull();
        assertThat(groups.get("Black or African American").n()).isNull();
        assertThat(groups.get("Asian").hidden()).isTrue();
        assertThat(groups.get("Hispanic or Latino").hidden()).isFalse();
        assertThat(groups.get("White").hidden()).isFalse();
        assertThat(groups.get("English learners").hidden()).isFalse();

        String page = page("/p/lakeview/schools/" + cedar);
        assertThat(page).contains("data-test=\"public-groups\"").contains("data-suppressed=\"true\"");
    }

    @Test
    @Transactional
    void aGroupTheDistrictsPageHidesIsHiddenAtEverySchoolHoweverManyItHasThere() {
        // the district's page hides two or more races (the complement of its few American Indian students): shown at
        // each school, the schools' values would add up to it
        UUID cedar = school("Cedar Elementary");
        groupAtSchool(cedar, "MULTI", 12);
        groupAtSchool(cedar, "WHITE", schoolN(cedar) - 12);

        Map<String, PublicScorecard.Cell> groups = groupsAt(cedar);
        assertThat(groups.get("Two or more races").hidden()).isTrue();
        assertThat(groups.get("White").hidden()).isFalse();
    }

    @Test
    @Transactional
    void aGroupAtASchoolWithoutNIsNeverPublic() {
        UUID cedar = school("Cedar Elementary");
        groupAtSchool(cedar, "EL", null);
        groupAtSchool(cedar, "SWD", 40);

        Map<String, PublicScorecard.Cell> groups = groupsAt(cedar);
        assertThat(groups.get("English learners").hidden()).isTrue();
        assertThat(groups.get("English learners").value()).isNull();
        assertThat(groups.get("Students with disabilities").hidden()).isFalse();
    }

    @Test
    @Transactional
    void aSchoolsValueWithoutNHidesItAndItsGroupsOnEveryPage() {
        UUID cedar = school("Cedar Elementary");
        groupAtSchool(cedar, "SWD", 40);
        fixtures.jdbc().sql("""
                        update measurement set n = null where school_id = ? and group_code = 'ALL' and school_year = ?
                           and kpi_id = (select id from kpi where name = ?)""").params(cedar, latestYear(), KPI).update();
        changes.count(fixtures.demoDistrict());

        var kpi = atSchool(cedar, KPI);
        assertThat(kpi.headlineHidden()).isTrue();
        assertThat(kpi.overview().latestYear()).isLessThan(latestYear());
        assertThat(kpi.groups()).isNotEmpty().allMatch(PublicScorecard.Cell::hidden);
    }

    @Test
    void anUnknownSchoolOrOneOfAnotherDistrictIsNotFoundAndShowsNothingOfIt() throws Exception {
        fixtures.otherDistrictUser("VIEWER"); // a second district, with a public address of its own
        UUID cedar = school("Cedar Elementary");
        for (String path : new String[] {
            "/p/lakeview/schools/" + UUID.randomUUID(),
            "/p/lakeview/schools/not-a-school",
            "/p/other/schools/" + cedar,
            "/p/nowhere/schools/" + cedar
        }) {
            var response = response(path, Locale.ENGLISH);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .as(path)
                    .doesNotContain("Cedar Elementary")
                    .doesNotContain(KPI);
        }
        // asked again, still not found: a failure is never kept as the page
        assertThat(response("/p/other/schools/" + cedar, Locale.ENGLISH).getStatus())
                .isEqualTo(404);
    }

    @Test
    void thePrintViewHasEveryKpiAsATableAndNoChartNorNavigation() throws Exception {
        String print = page("/p/lakeview/print");
        int kpis = scorecard.view(lakeview(), Locale.ENGLISH).measures();
        assertThat(print)
                .contains("class=\"print-view\"")
                .contains("data-test=\"public-summary\"")
                .doesNotContain("data-chart")
                .doesNotContain("data-test=\"public-contents\"")
                .doesNotContain("data-test=\"language\"")
                .doesNotContain("data-test=\"public-school-list\"");
        assertThat(Pattern.compile("data-test=\"public-kpi\"")
                        .matcher(print)
                        .results()
                        .count())
                .isEqualTo(kpis);
        assertThat(Pattern.compile("data-test=\"public-values\"")
                        .matcher(print)
                        .results()
                        .count())
                .isEqualTo(kpis);
        assertThat(page("/p/lakeview")).contains("href=\"/p/lakeview/print\"").contains("data-chart");
    }
}
