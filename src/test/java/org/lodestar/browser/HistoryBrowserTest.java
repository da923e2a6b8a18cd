package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.planning.PlanningApi;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo district plan's history as a planner reads it, in English and Spanish: the goals, KPIs and values entered
 * when the district was set up, said in words, with no id on the page, fifty changes a page.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

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

    @Test
    void thePlansHistoryReadsInEnglishAndSpanish() {
        UUID plan = planning.districtStrategicPlan(fixtures.demoDistrict())
                .orElseThrow()
                .id();
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);

        page.navigate("/history/" + plan + "?lang=en");
        assertThat(page.locator("ol.history")).containsText(Pattern.compile("(added|changed|removed) (the|a value)"));
        assertThat(page.locator("ol.history").innerText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        Browser.screenshot(page, "history-plan-en");
        // the district plan holds every value of its KPIs: older changes are a page further
        page.locator(".history-pages a").last().click();
        assertThat(page.locator("ol.history")).containsText(Pattern.compile("(added|changed|removed) (the|a value)"));
        assertThat(page.locator(".history-pages a").first()).hasText("Newer changes");

        page.navigate("/history/" + plan + "?lang=es");
        assertThat(page.locator("ol.history")).containsText(Pattern.compile("(añadió|cambió|eliminó) (el|la|un)"));
        Browser.screenshot(page, "history-plan-es");
        page.navigate("/plans?lang=en");

        assertThat(browser.accessibilityViolationsSignedIn(
                        "/history/" + plan, "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }
}
