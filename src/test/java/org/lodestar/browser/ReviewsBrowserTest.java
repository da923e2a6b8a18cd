package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.ReviewPlans;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner runs a quarterly review from the plan's page, decides each row and signs it off, then sees the quarter
 * locked on a KPI's page; runs the year-end evaluation of a plan and opens next year's plan made from it. The demo
 * district's Q2 draft review reads in Spanish.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ReviewPlans plans;

    @Autowired
    TestClock clock;

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

    @BeforeEach
    void inTheSecondQuarterOf2026() {
        clock.set(Instant.parse("2026-10-15T12:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPlannerRunsAQuarterlyReviewSignsItOffAndSeesTheQuarterLocked() {
        ReviewPlans.Made made = plans.make("Browser review");
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/plans/" + made.plan());
        page.click("[data-test=quarterly-reviews-link]");
        assertThat(page.locator("h1")).hasText("Quarterly reviews");
        assertThat(page.locator("tr[data-quarter='3']")).containsText("Not begun yet");
        page.locator("tr[data-quarter='1'] button").click();

        assertThat(page.locator("h1")).hasText("Review of Q1 2026-27");
        Locator rows = page.locator("[data-test=review-rows] tbody tr");
        assertThat(rows).hasCount(6);
        assertThat(page.locator("tr[data-tier=ACTION]", new Page.LocatorOptions().setHasText("family reading nights")))
                .containsText("Blocked");
        for (int i = 0; i < 6; i++) {
            rows.nth(i).locator("select").selectOption(new SelectOption().setValue(i == 0 ? "CHANGE" : "KEEP"));
        }
        rows.nth(0).locator("textarea").fill("Attendance lags its path: add a morning check-in at Maple.");
        page.click("[data-test=sign-off]");

        assertThat(page.locator("[data-test=signed-off]")).containsText("Q1 2026-27 is locked");
        assertThat(page.locator("[data-test=review-rows]")).containsText("add a morning check-in at Maple");
        Browser.screenshot(page, "quarterly-review");

        page.locator("a", new Page.LocatorOptions().setHasText("Browser review reading"))
                .click();
        assertThat(page.locator("[data-test=kpi-lock]")).containsText("Q1 2026-27");
        assertThat(page.locator("[data-test=kpi-locks]")).containsText("Locked periods");
        Browser.screenshot(page, "kpi-locked-quarter");
        page.context().close();
    }

    @Test
    void theDemoDistrictsDraftReviewReadsInSpanish() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.locator("a", new Page.LocatorOptions().setHasText("Lakeview Unified Improvement Plan 2025-26"))
                .first()
                .click();
        page.click("[data-test=quarterly-reviews-link]");
        assertThat(page.locator("tr[data-quarter='1']")).containsText("Signed off, quarter locked");
        page.locator("tr[data-quarter='2'] a").click();
        assertThat(page.locator("[data-test=draft]")).isVisible();
        page.navigate(page.url() + "?lang=es");
        assertThat(page.locator("h1")).hasText("Revisión del T2 2025-26");
        assertThat(page.locator("[data-test=review-rows]")).containsText("Por decidir");
        Browser.screenshot(page, "quarterly-review-es");
        page.navigate(page.url().replace("?lang=es", "?lang=en"));
        page.context().close();
    }

    @Test
    void aPlannerRunsTheYearEndEvaluationAndOpensNextYearsPlan() {
        ReviewPlans.Made made = plans.make("Browser evaluation");
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/plans/" + made.plan());
        page.click("[data-test=evaluation-link]");
        assertThat(page.locator("[data-test=evaluation-none]")).isVisible();
        page.click("[data-test=start-evaluation]");

        Locator goal = page.locator("tr[data-goal=true]");
        assertThat(goal.locator("[data-test=proposed]")).hasText("Partly met");
        assertThat(goal.locator("select")).hasValue("PARTLY_MET");
        Locator blocked = page.locator("tr", new Page.LocatorOptions().setHasText("family reading nights"));
        Locator idle = page.locator("tr", new Page.LocatorOptions().setHasText("summer reading camp"));
        page.locator("tr", new Page.LocatorOptions().setHasText("tutoring three times a week"))
                .locator("select")
                .selectOption("CONTINUE");
        blocked.locator("select").selectOption("REVISE");
        blocked.locator("textarea").fill("Hold the nights at the school, not the library");
        idle.locator("select").selectOption("STOP");
        idle.locator("textarea").fill("Too few families signed up");
        page.click("[data-test=save-evaluation]");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("summer reading camp"))
                        .locator("select"))
                .hasValue("STOP");
        page.click("[data-test=complete-evaluation]");

        assertThat(page.locator("[data-test=evaluation-completed]")).containsText("Completed by");
        Browser.screenshot(page, "year-end-evaluation");
        page.navigate(page.url() + "?lang=es");
        assertThat(page.locator("h1")).hasText("Evaluación de fin de año");
        Browser.screenshot(page, "year-end-evaluation-es");
        page.navigate(page.url().replace("?lang=es", "?lang=en"));
        page.click("[data-test=next-plan-link]");
        assertThat(page.locator("h1")).hasText("Browser evaluation 2027-28");
        assertThat(page.locator("body")).containsText("tutoring three times a week");
        assertThat(page.locator("body")).containsText("family reading nights");
        assertThat(page.locator("body")).not().containsText("summer reading camp");
        page.context().close();
    }
}
