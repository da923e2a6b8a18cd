package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A planner reads the demo strategic plan's versions and change log, compares the adopted version with the plan as it
 * is now, is asked why before editing the adopted plan, and a visitor reads the change log on the public scorecard.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanVersionsBrowserTest {

    private static final String DEMO_REASON =
            "The superintendent's cabinet asked that the educators goal speak of everyone who works in a school.";

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused blank reason answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void aPlannerComparesTheAdoptedVersionWithTheChangesSinceAndIsAskedWhyBeforeEditing() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        page.click("[data-test=versions-link]");

        assertThat(page.locator("h1")).hasText("Versions and changes");
        assertThat(page.locator("[data-test=change-log]")).containsText(DEMO_REASON);
        assertThat(page.locator("[data-test=versions] tbody tr").last()).containsText("Adopted");
        Browser.screenshot(page, "plan-versions-en");

        page.selectOption("select[name=from]", "1");
        page.selectOption("select[name=to]", "");
        page.click("form[data-test=compare-form] button[type=submit]");
        assertThat(page.locator("h1")).hasText("Compare versions");
        assertThat(page.locator("[data-test=changed]"))
                .containsText("Attract, grow and keep excellent teachers and staff");
        assertThat(page.locator("[data-test=changed] del").first())
                .containsText("Attract, grow and keep excellent educators");
        Browser.screenshot(page, "plan-versions-compare-en");

        page.navigate(page.url() + "&lang=es");
        assertThat(page.locator("h1")).hasText("Comparar versiones");
        Browser.screenshot(page, "plan-versions-compare-es");
        page.navigate(page.url().replace("&lang=es", "&lang=en"));

        page.click("nav >> text=Plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        page.click("[data-test=edit-mode]");
        page.waitForURL("**/reason");
        assertThat(page.locator("h1")).hasText("Why change the adopted plan?");
        page.click("form[data-test=reason-form] button[type=submit]");
        assertThat(page.locator("textarea[name=reason]")).hasAttribute("aria-invalid", "true");
        Browser.screenshot(page, "plan-change-reason-en");
        page.click("form[data-test=reason-form] >> text=Cancel");
        assertThat(page.locator("[data-test=edit-mode]")).isVisible();
    }

    @Test
    void theDemoPlansChangeLogIsOnThePublicScorecard() {
        Page page = browser.page();
        page.navigate("/p/lakeview?lang=en");
        assertThat(page.locator("[data-test=public-change-log]")).containsText(DEMO_REASON);
        assertThat(page.locator("#changes")).hasText("What changed since the plan was adopted, and why");
    }
}
