package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner names someone on the RACI chart of the demo's action that has no Accountable (the flag stays), finds the
 * action flagged on the leadership view in English and Spanish, and opens the district improvement plan's roadmap and
 * its print view, where a project and its milestones of the plan's first months show.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaciBrowserTest {

    private static final String PROJECT = "Family reading nights each quarter";
    private static final String MILESTONE = "First family reading night held";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ExecutionApi execution;

    @Autowired
    DirectoryApi directory;

    private Browser browser;
    private UUID flagged;
    private Strategy action;
    private PlanSummary plan;

    @BeforeAll
    void open() {
        browser = new Browser(port);
        flagged = fixtures.any("""
                select r.strategy_id from action_raci r where r.district_id = ? and not exists (
                    select 1 from action_raci_person p
                     where p.district_id = r.district_id and p.strategy_id = r.strategy_id and p.accountable)""");
        action = planning.strategy(fixtures.demoDistrict(), flagged).orElseThrow();
        plan = planning.plan(fixtures.demoDistrict(), action.planId());
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        LocalDate start = LocalDate.of(
                plan.firstYear(), directory.district(fixtures.demoDistrict()).schoolYearStartMonth(), 1);
        UUID project = execution.addProject(planner, flagged, PROJECT, planner.userId());
        execution.setDueDate(planner, project, start.plusMonths(10).withDayOfMonth(20), 0);
        execution.addTask(
                planner,
                project,
                MILESTONE,
                planner.userId(),
                null,
                start.plusMonths(2).withDayOfMonth(18),
                ProjectStatus.DONE,
                100,
                true);
        execution.addTask(
                planner,
                project,
                "Spring family reading night held",
                planner.userId(),
                null,
                start.plusMonths(8).withDayOfMonth(12),
                ProjectStatus.NOT_STARTED,
                0,
                true);
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    @Test
    void aPlannerChartsAnActionSeesWhoIsAccountableAndOpensTheRoadmap() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/actions/" + flagged);
        Browser.sayWhyOnPage(page, "Roles are set for the year.");
        assertThat(page.locator("[data-test=raci-flag]")).containsText("No one is accountable");
        page.selectOption("[data-test=raci-new-person]", new SelectOption().setLabel("Alex Rivera"));
        page.check("[data-test=raci-new-c]");
        page.check("[data-test=raci-new-i]");
        page.click("[data-test=raci-save]");
        assertThat(page.locator("#raci [role=status].saved")).containsText("The chart is saved.");
        assertThat(page.locator("[data-test=raci-chart]")).containsText("Alex Rivera");
        assertThat(page.locator("[data-test=raci-flag]")).containsText("No one is accountable");
        page.locator("#raci").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "raci");

        page.navigate("/plans");
        page.click("[data-test=leadership-link]");
        assertThat(page.locator("h1")).hasText("Who is accountable for what");
        // the plan's school year (other tests may have made improvement plans of later years)
        page.navigate("/leadership?year=" + plan.firstYear());
        assertThat(page.locator("[data-test=person-load]").first()).isVisible();
        assertThat(page.locator("[data-test=school-action]:has(a[href='/actions/" + flagged + "'])"))
                .containsText("no one accountable");
        Browser.screenshot(page, "leadership");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/leadership", "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();

        page.navigate("/leadership?year=" + plan.firstYear() + "&lang=es");
        assertThat(page.locator("h1")).hasText("Quién rinde cuentas de qué");
        assertThat(page.locator("[data-test=school-action]:has(a[href='/actions/" + flagged + "'])"))
                .containsText("nadie rinde cuentas");
        Browser.screenshot(page, "leadership-es");
        page.navigate("/leadership?lang=en");

        page.navigate("/plans/" + plan.id());
        page.click("[data-test=roadmap-link]");
        assertThat(page.locator("h1")).hasText("The first 12 months");
        assertThat(page.locator("[data-test=quarter]")).hasCount(4);
        assertThat(page.locator("[data-test=roadmap-row]", new Page.LocatorOptions().setHasText(MILESTONE)))
                .containsText(action.title());
        Browser.screenshot(page, "roadmap");

        page.click("[data-test=print]");
        assertThat(page.locator("nav.site-nav")).hasCount(0);
        assertThat(page.locator("[data-test=roadmap-row]", new Page.LocatorOptions().setHasText(PROJECT))
                        .first())
                .isVisible();
        Browser.screenshot(page, "roadmap-print");
    }
}
