package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
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
 * A principal builds Cedar Elementary's improvement plan from the district's strategic plan, describes and costs an
 * action, tags it with a Title I schoolwide component, reads which components are still empty and downloads the
 * school's Title I schoolwide plan as PDF, and a planner sees the
 * funding rules find too little reserved for families.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementPlanBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // refused entries answer 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void aPrincipalBuildsTheSchoolsImprovementPlanAndSeesWhatTitleIStillLacks() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("[data-test=new-improvement] a");
        assertThat(page.locator("h1")).containsText("New improvement plan for Cedar Elementary");
        page.fill("#year", "2030");
        page.click("main button[type=submit]");
        assertThat(page.locator("#year-error")).containsText("2025-26");
        page.fill("#year", "2026");
        page.fill("#title", "Cedar Elementary improvement plan 2026-27");
        assertThat(page.locator("[data-test=starting-point] input[name=goals]").count())
                .isGreaterThanOrEqualTo(5);
        Browser.screenshot(page, "improvement-new-en");
        page.click("main button[type=submit]");

        assertThat(page.locator("h1")).hasText("Cedar Elementary improvement plan 2026-27");
        assertThat(page.locator("[data-test=improvement]")).containsText("Carries out:");
        String action =
                page.locator("#tree [data-tier=strategy] a.title").first().textContent();
        page.locator("#tree [data-tier=strategy] a.title").first().click();

        page.fill("#description", "Small-group reading tutoring for students below benchmark, three times a week.");
        page.selectOption("#evidenceTier", "STRONG");
        page.fill("#impactEvidence", "Grade 3 reading proficiency rises by 5 points.");
        page.click("[data-test=action-form] button[type=submit]");
        assertThat(page.locator("[role=status]")).hasText("Saved.");

        page.selectOption("#fund", "TITLE_I_A");
        page.selectOption("#purpose", "GENERAL");
        page.fill("#amount", "12,500");
        page.click("[data-test=add-cost] button[type=submit]");
        assertThat(page.locator("[data-test=costs] tbody")).containsText("$12,500");

        page.selectOption("#component", "title-i-schoolwide|SW-07");
        page.click("[data-test=add-tag] button[type=submit]");
        assertThat(page.locator("[data-test=tags]")).containsText("title-i-schoolwide SW-07");
        Browser.screenshot(page, "improvement-action-en");

        page.locator("a", new Page.LocatorOptions().setHasText("Cedar Elementary improvement plan 2026-27"))
                .first()
                .click();
        page.click("[data-test=improvement] >> text=Title I, Part A schoolwide program plan");
        assertThat(page.locator("[data-test=completeness]")).containsText("1 of 13 components");
        assertThat(page.locator("[data-test=missing] li").count()).isEqualTo(12);
        assertThat(page.locator("[data-test=matrix]")).containsText(action);
        Browser.screenshot(page, "improvement-coverage-en");
        Download pdf = page.waitForDownload(() -> page.click("[data-test=document] a[role=button]"));
        assertThat(pdf.suggestedFilename()).startsWith("title-i-schoolwide-").endsWith(".pdf");
        assertThat(browser.accessibilityViolationsSignedIn(
                        page.url().replaceAll("^https?://[^/]+", ""), "principal@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void aPlannerSeesAFundingRuleBrokenWithItsNumbers() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/funding?year=2031");
        page.fill("#amount_TITLE_IV_A", "50,000");
        page.fill("#amount_TITLE_III_A", "abc");
        page.click("[data-test=allocations] button[type=submit]");
        assertThat(page.locator("#amount_TITLE_III_A + input + small"))
                .hasText("Not an amount in this page's language.");
        page.fill("#amount_TITLE_III_A", "");
        page.click("[data-test=allocations] button[type=submit]");
        assertThat(page.locator("[role=status]")).hasText("Allocations saved.");
        assertThat(page.locator("[data-test=checks] tr[data-result=NOT_MET]").first())
                .containsText(
                        "With $30,000 or more of Title IV, Part A, at least 20% goes to a well-rounded education.");
        Browser.screenshot(page, "funding-rules-en");
        page.navigate("/funding?year=2031&lang=es");
        assertThat(page.locator("h1")).hasText("Reglas de financiamiento, 2031-32");
        Browser.screenshot(page, "funding-rules-es");
    }
}
