package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A new installation without the demo: the first visitor sets up the district and becomes its administrator. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestar.demo.enabled=false", "lodestar.data-dir=target/test-data-first-start"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstStartBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void theFirstVisitorSetsUpTheDistrictAndSignsIn() {
        Page page = browser.page();
        page.navigate("/plans");
        page.waitForURL("**/setup");
        assertThat(page.locator("h1")).hasText("Set up Lodestar");
        page.fill("#name", "Riverbend Public Schools");
        page.fill("#slug", "River Bend!");
        page.fill("#adminName", "Dana Whitfield");
        page.fill("#adminEmail", "dana@riverbend.example");
        page.fill("#password", "short");
        page.click("main button[type=submit]");
        assertThat(page.locator("#slug-error")).isVisible();
        assertThat(page.locator("#password-error")).isVisible();
        Browser.screenshot(page, "setup");
        assertThat(browser.accessibilityViolations("/setup", "en-US")).isEmpty();

        page.fill("#slug", "riverbend");
        page.fill("#password", "first-admin-marigold-71");
        page.click("main button[type=submit]");
        assertThat(page.locator("[role=status]")).hasText("Your district is ready: sign in.");
        page.fill("#username", "dana@riverbend.example");
        page.fill("#password", "first-admin-marigold-71");
        page.click("main button[type=submit]");
        page.waitForURL("**/plans**");
        assertThat(page.locator("header")).containsText("Riverbend Public Schools");
        assertThat(page.locator("header")).not().containsText("sample data");

        assertThat(browser.consoleErrors()).isEmpty();

        // once a district exists, set-up is closed (the browser logs the 404 it answers)
        page.navigate("/setup");
        assertThat(page.locator("h1")).hasText("We could not find that page.");
        page.navigate("/p/riverbend");
        assertThat(page.getByText("Nothing has been published yet.")).isVisible();
    }
}
