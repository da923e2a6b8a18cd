package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each person's home page as they see it after sign-in, in English and Spanish: the charts drawn, no WCAG violation,
 * and a screenshot of each in target/screenshots.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    private Page home(String email, String language) {
        Page page = browser.signedIn(email, Fixtures.PASSWORD);
        page.navigate("/?lang=" + language);
        return page;
    }

    private void accessible(String email, String language) {
        assertThat(browser.accessibilityViolationsSignedIn("/?lang=" + language, email, Fixtures.PASSWORD))
                .as(email + " " + language)
                .isEmpty();
    }

    @Test
    void thePlannerSeesTheDistrictPlanAtAGlance() {
        Page page = home("planner@lakeview.example", "en");
        assertThat(page.locator("h2#by-goal")).hasText("KPIs by status, per goal");
        assertThat(page.locator(".goal-bars[data-chart-ready]")).isVisible();
        assertThat(page.locator("[data-test=goal-status] tbody tr").first()).isVisible();
        assertThat(page.locator("[data-test=goal-status] tbody tr").count()).isGreaterThanOrEqualTo(5);
        assertThat(page.locator("h2#attention")).hasText("Needs attention");
        Browser.screenshot(page, "home-planner-en");
        accessible("planner@lakeview.example", "en");

        page = home("planner@lakeview.example", "es");
        assertThat(page.locator("h2#by-goal")).hasText("Indicadores por estado, por meta");
        assertThat(page.locator(".goal-bars[data-chart-ready]")).isVisible();
        assertThat(page.locator("h2#attention")).hasText("Requiere atención");
        Browser.screenshot(page, "home-planner-es");
        accessible("planner@lakeview.example", "es");
    }

    @Test
    void thePrincipalSeesTheSchoolsPlanAndKpis() {
        Page page = home("principal@lakeview.example", "en");
        assertThat(page.locator("main h2").first()).hasText("Cedar Elementary");
        assertThat(page.locator("main")).containsText("Cedar Elementary Improvement Plan 2025-26");
        assertThat(page.locator("[data-test=aligned]")
                        .filter(new Locator.FilterOptions()
                                .setHasText("Every student reads, writes and computes at grade level"))
                        .first())
                .isVisible();
        assertThat(page.locator("main")).containsText("District KPIs at Cedar Elementary");
        Browser.screenshot(page, "home-principal-en");
        accessible("principal@lakeview.example", "en");

        page = home("principal@lakeview.example", "es");
        assertThat(page.locator("main")).containsText("Indicadores del distrito en Cedar Elementary");
        Browser.screenshot(page, "home-principal-es");
        accessible("principal@lakeview.example", "es");
    }

    @Test
    void theBoardSeesTheScorecardSummary() {
        Page page = home("board@lakeview.example", "en");
        assertThat(page.locator(".goal-bars[data-chart-ready]")).isVisible();
        assertThat(page.locator("[data-test=goal-status] tbody tr").first()).isVisible();
        assertThat(page.locator("[data-test=goal-status] tbody tr").count()).isGreaterThanOrEqualTo(5);
        Browser.screenshot(page, "home-board-en");
        accessible("board@lakeview.example", "en");
        page.click("text=See the full scorecard");
        assertThat(page.locator("h1")).hasText("Scorecard");

        page = home("board@lakeview.example", "es");
        assertThat(page.locator("main")).containsText("Ver todos los indicadores");
        Browser.screenshot(page, "home-board-es");
        accessible("board@lakeview.example", "es");
    }

    @Test
    void theTeacherSeesWhatToRecordAndGoesToRecordIt() {
        Page page = home("teacher@lakeview.example", "en");
        assertThat(page.locator("main h2").first()).hasText("What you can record: Cedar Elementary");
        Browser.screenshot(page, "home-teacher-en");
        accessible("teacher@lakeview.example", "en");
        page.locator("[data-test=record]").first().click();
        assertThat(page.locator("main")).containsText("Record a value");
        assertThat(page.locator("select[name=schoolId] option:checked")).hasText("Cedar Elementary");
    }
}
