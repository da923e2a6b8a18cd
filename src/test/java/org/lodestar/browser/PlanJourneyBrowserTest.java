package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner's whole journey in a real browser: build a plan tier by tier in place, record values and watch the status
 * and chart change, import a file with a bad row, publish, and read the public scorecard signed out, in two languages.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanJourneyBrowserTest {

    private static final String GOAL = "Every learner thrives in mathematics";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Browser browser;
    private Page page;

    @BeforeAll
    void open() {
        browser = new Browser(port);
        page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    /** Adds an item in edit mode, the way a planner does: its "Add ..." button opens its form, unless it is open. */
    private void add(String tier, String title) {
        Locator form = page.locator("form[data-add=" + tier + "]").last();
        if (!form.isVisible()) {
            page.locator("summary[data-open-add=" + tier + "]").last().click();
        }
        form.locator("input[name=title]").fill(title);
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#tree .node").getByText(title)).isVisible();
    }

    @Test
    @Order(1)
    void buildsAPlanTierByTierInPlace() {
        page.navigate("/plans/new");
        page.fill("#title", "Math Acceleration Plan");
        page.fill("#firstYear", "2025");
        page.fill("#lastYear", "2029");
        page.click("main form button[type=submit]");
        page.waitForURL("**/plans/*?mode=edit");
        assertThat(page.locator("h1")).hasText("Math Acceleration Plan");

        // a blank title is refused next to the form
        page.locator("summary[data-open-add=goal]").click();
        page.locator("form[data-add=goal] button[type=submit]").click();
        page.locator("form[data-add=goal] input[name=title]").evaluate("input => input.removeAttribute('required')");
        page.locator("form[data-add=goal] button[type=submit]").click();
        assertThat(page.getByText("Give it a title of at most 300 characters.")).isVisible();

        add("goal", "A goal to move down");
        add("goal", GOAL);
        add("outcome", "Grade 8 students master algebra");
        page.locator("summary[data-open-add=kpi]").click();
        Locator kpiForm = page.locator("form[data-add=kpi]");
        kpiForm.locator("input[name=name]").fill("Algebra I pass rate");
        kpiForm.locator("input[name=baseline]").fill("50");
        kpiForm.locator("input[name=target]").fill("70");
        kpiForm.locator("button[type=submit]").click();
        assertThat(page.locator("#tree").getByText("Algebra I pass rate")).isVisible();
        page.locator("summary[data-open-add=kpi]").click();
        kpiForm = page.locator("form[data-add=kpi]");
        kpiForm.locator("input[name=name]").fill("Students taking Algebra I in grade 8");
        kpiForm.locator("input[name=baseline]").fill("oops");
        kpiForm.locator("input[name=target]").fill("60");
        kpiForm.locator("button[type=submit]").click();
        assertThat(page.locator("form[data-add=kpi]")).containsText("The baseline must be a number, such as 72.5");
        page.locator("form[data-add=kpi] input[name=baseline]").fill("30");
        page.locator("form[data-add=kpi] button[type=submit]").click();
        Locator kpis = page.locator("[data-tier=kpi] .title");
        assertThat(kpis).hasText(new String[] {"Algebra I pass rate", "Students taking Algebra I in grade 8"});
        page.locator("[data-tier=kpi]")
                .filter(new Locator.FilterOptions().setHasText("Students taking"))
                .locator("button[aria-label='Move up']")
                .click();
        assertThat(kpis).hasText(new String[] {"Students taking Algebra I in grade 8", "Algebra I pass rate"});
        page.onceDialog(dialog -> dialog.accept());
        page.locator("[data-tier=kpi]")
                .filter(new Locator.FilterOptions().setHasText("Students taking"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(kpis).hasText(new String[] {"Algebra I pass rate"});
        add("strategy", "Double-block math in grade 8");
        add("project", "Hire two math coaches");

        // reorder: the goal added second moves above the first
        Locator goals = page.locator("[data-tier=goal] .title");
        assertThat(goals.first()).hasText("A goal to move down");
        page.locator("#tree li")
                .filter(new Locator.FilterOptions().setHasText(GOAL))
                .locator("[data-tier=goal] button[aria-label='Move up']")
                .click();
        assertThat(page.locator("[data-tier=goal] .title").first()).hasText(GOAL);

        // edit in place, then delete
        Locator row =
                page.locator("[data-tier=goal]").filter(new Locator.FilterOptions().setHasText("A goal to move down"));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        page.locator("form input[name=title][value='A goal to move down']").fill("A goal to delete");
        page.locator("form input[name=title][value='A goal to move down']").press("Enter");
        Locator renamed =
                page.locator("[data-tier=goal]").filter(new Locator.FilterOptions().setHasText("A goal to delete"));
        assertThat(renamed).isVisible();
        page.onceDialog(dialog -> dialog.accept());
        renamed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(page.locator("#tree").getByText("A goal to delete"))
                .hasCount(0); // neither in the tree nor among goals no school took up
        Browser.screenshot(page, "plan-page");
    }

    @Test
    @Order(2)
    void recordsValuesAndSeesStatusAndChartChange() {
        page.locator("#tree").getByText("Algebra I pass rate").click();
        assertThat(page.locator("[data-test=status]")).hasText("No data");
        page.fill("#schoolYear", "2025-26");
        page.fill("#value", "56");
        page.fill("#n", "420");
        page.click("main form button:has-text('Record')");
        assertThat(page.locator("[data-test=status]")).hasText("On track");
        assertThat(page.locator("[data-test=kpi-chart][data-chart-ready=true] canvas"))
                .hasCount(1);

        // values are recorded for the years under way and before, never for a year to come
        page.fill("#schoolYear", "2026-27");
        page.fill("#value", "51");
        page.fill("#n", "410");
        page.click("main form button:has-text('Record')");
        // the path expects 55 in 2026-27; 51 falls short by more than 5% of it
        assertThat(page.locator("[data-test=status]")).hasText("Off track");
        assertThat(page.locator("[data-test=history]")).containsText("2026-27");

        // a value that is not a number gets a message next to the field
        page.fill("#value", "lots");
        page.click("main form button:has-text('Record')");
        assertThat(page.locator("#value-error"))
                .hasText(
                        "Enter a number, such as 72.5: in English a point marks the decimals and a comma only groups thousands (1,234.5).");
        Browser.screenshot(page, "kpi-drill-down");
    }

    @Test
    @Order(3)
    void importsAFileWithABadRowAndSeesEveryError() throws Exception {
        Path file = Files.createTempFile("values", ".csv");
        Files.writeString(file, """
                kpi,school_year,period,school,group,value,n
                Algebra I pass rate,2024-25,0,,ALL,61,400
                Algebra I pass rate,2024-25,0,Atlantis Middle,ALL,61,400
                """);
        page.navigate("/measurements/import");
        page.setInputFiles("#file", file);
        page.click("form[enctype] button[type=submit]");
        Locator errors = page.locator("[data-test=import-errors]");
        assertThat(errors).containsText("No school is named or numbered \"Atlantis Middle\".");
        assertThat(errors.locator("td").first()).hasText("3");
        Browser.screenshot(page, "import-errors");

        Files.writeString(file, "kpi,school_year,value,n\nAlgebra I pass rate,2024-25,61,400\n");
        page.setInputFiles("#file", file);
        page.click("form[enctype] button[type=submit]");
        assertThat(page.locator("[data-test=import-ok]")).containsText("Recorded 1 values");
    }

    @Test
    @Order(4)
    void theScorecardShowsEveryKpiByGoalWithFilters() {
        page.navigate("/scorecard");
        assertThat(page.locator("h2").first()).hasText("Every student reads, writes and computes at grade level");
        int kpisOfThePlan = fixtures.jdbc()
                .sql(
                        "select count(*) from kpi k join outcome o on o.district_id = k.district_id and o.id = k.outcome_id"
                                + " join goal g on g.district_id = o.district_id and g.id = o.goal_id"
                                + " join plan p on p.district_id = g.district_id and p.id = g.plan_id"
                                + " where p.status = 'ADOPTED' and p.school_id is null and k.archived_at is null"
                                + " and k.district_id = ?")
                .param(fixtures.demoDistrict())
                .query(Integer.class)
                .single();
        assertThat(kpisOfThePlan).isGreaterThanOrEqualTo(20);
        assertThat(page.locator("[data-test=kpi-card]")).hasCount(kpisOfThePlan);
        assertThat(page.locator(".kpi-card .chart[data-chart-ready=true]").first())
                .isVisible();
        Browser.screenshot(page, "scorecard");
        page.selectOption("select[name=group]", "EL");
        page.click("form.filters button");
        assertThat(page.locator("select[name=group]")).hasValue("EL");
    }

    @Test
    @Order(5)
    void publishesAndReadsThePublicScorecardSignedOut() {
        page.navigate("/publishing");
        page.locator("button[data-publish='Grade 8 math proficiency']").waitFor();
        Page visitor = browser.page();
        visitor.navigate("/p/lakeview");
        assertThat(visitor.getByText("Grade 8 math proficiency")).isVisible();
        assertThat(visitor.locator("[data-suppressed=true]").first()).isVisible();
        assertThat(visitor.getByText("Sign out")).hasCount(0);
        Browser.screenshot(visitor, "public-scorecard");
        assertThat(browser.accessibilityViolations("/p/lakeview", "en-US")).isEmpty();
        assertThat(browser.accessibilityViolations("/p/lakeview?lang=es", "es")).isEmpty();

        // taking a KPI off the public scorecard removes it there
        page.locator("button[data-publish='Grade 8 math proficiency']").click();
        visitor.reload();
        assertThat(visitor.getByText("Grade 8 math proficiency")).hasCount(0);
        page.locator("button[data-publish='Grade 8 math proficiency']").click();

        visitor.click("[data-test=language]");
        assertThat(visitor.locator("h1")).containsText("avance de nuestro plan estratégico");
        assertThat(visitor.locator("[data-suppressed=true]").first()).hasText("no se muestra (muy pocos estudiantes)");
        Browser.screenshot(visitor, "public-scorecard-es");
    }

    @Test
    @Order(6)
    void switchesToSpanish() {
        page.navigate("/plans");
        page.click("[data-test=language]");
        assertThat(page.locator("h1")).hasText("Planes");
        assertThat(page.locator("nav")).containsText("Indicadores");
        Browser.screenshot(page, "plans-es");
        page.click("[data-test=language]");
        assertThat(page.locator("h1")).hasText("Plans");
    }

    @Test
    @Order(7)
    void noPageBrokeTheContentSecurityPolicyOrLoggedAnError() {
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
