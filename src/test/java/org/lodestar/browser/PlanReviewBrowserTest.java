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
 * A planner reads the plan-quality review of the district's improvement plan and follows a finding to where it is put
 * right; a principal tags a goal with a required-plan component from the goal page, and makes next year's plan from
 * this year's, leaving a goal behind.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanReviewBrowserTest {

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

    private void openPlan(Page page, String title) {
        page.click("nav >> text=Plans");
        page.locator("a", new Page.LocatorOptions().setHasText(title)).first().click();
        assertThat(page.locator("h1")).hasText(title);
    }

    @Test
    void aPlannerReadsThePlanReviewAndFollowsAFindingToTheAction() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        openPlan(page, "Lakeview Unified Improvement Plan 2025-26");
        Locator link = page.locator("[data-test=review-link]");
        assertThat(link).containsText("to look at");
        link.click();

        assertThat(page.locator("h1")).hasText("Plan review");
        Locator noCost = page.locator("[data-check=ACTION_WITHOUT_COST]");
        assertThat(noCost).hasClass("open");
        assertThat(noCost).containsText("Every action says what it costs");
        assertThat(page.locator("[data-check=FOCUS]")).hasClass("passed");
        assertThat(page.locator("[data-check=GOAL_WITHOUT_OUTCOME]"))
                .containsText("Safe, healthy and welcoming schools");
        Browser.screenshot(page, "plan-review-en");

        noCost.locator("ul a").first().click();
        assertThat(page.locator("#costs")).isVisible();

        page.goBack();
        page.navigate(page.url() + "?lang=es");
        assertThat(page.locator("h1")).hasText("Revisión del plan");
        assertThat(page.locator("[data-check=ACTION_WITHOUT_COST]")).containsText("Cada acción dice lo que cuesta");
        Browser.screenshot(page, "plan-review-es");
        page.navigate(page.url().replace("?lang=es", "?lang=en"));
    }

    @Test
    void aPrincipalTagsAGoalFromItsPageAndSeesTheComponentByTitle() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        openPlan(page, "Cedar Elementary Improvement Plan 2025-26");
        page.locator("details.goal", new Page.LocatorOptions().setHasText("Cedar students come to school every day"))
                .locator("p.meta a")
                .click();
        assertThat(page.locator("h1")).hasText("Cedar students come to school every day");
        // Cedar's plan is adopted: its goal's page asks why first, then brings the principal back
        assertThat(page.locator("[data-test=reason-first]")).isVisible();
        Browser.sayWhyOnPage(page, "The school's goals answer Title I now.");
        Locator goalTags = page.locator(".item-tags").first();
        assertThat(goalTags).containsText("Not tagged yet.");
        goalTags.locator("select").selectOption("title-i-schoolwide|SW-08");
        goalTags.locator("button", new Locator.LocatorOptions().setHasText("Tag"))
                .click();

        goalTags = page.locator(".item-tags").first();
        assertThat(goalTags).containsText("Activities for students at risk");
        assertThat(goalTags).containsText("SW-08");
        Browser.screenshot(page, "goal-tags-en");

        goalTags.locator("button", new Locator.LocatorOptions().setHasText("Remove"))
                .click();
        assertThat(page.locator(".item-tags").first()).containsText("Not tagged yet.");
    }

    @Test
    void aPrincipalMakesNextYearsPlanFromThisYearsLeavingAGoalBehind() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        openPlan(page, "Cedar Elementary Improvement Plan 2025-26");
        page.click("[data-test=next-year]");
        assertThat(page.locator("h1")).hasText("The 2026-27 plan");
        assertThat(page.locator("#title")).hasValue("Cedar Elementary Improvement Plan 2026-27");
        page.locator("label", new Page.LocatorOptions().setHasText("Cedar students come to school every day"))
                .locator("input")
                .uncheck();
        // the funding test reads every plan of 2026: this one carries no costs
        page.locator("input[name=costs]").uncheck();
        Browser.screenshot(page, "next-year-en");
        page.click("form[action*=next-year] button[type=submit]");

        assertThat(page.locator("h1")).hasText("Cedar Elementary Improvement Plan 2026-27");
        assertThat(page.locator("#tree")).containsText("Every Cedar third grader reads on grade level");
        assertThat(page.locator("#tree")).not().containsText("Cedar students come to school every day");
    }
}
