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
 * The signed-in header as people see it: in Spanish at 1366 px it keeps to one row and the long district name to one
 * line; on a phone (390 px) the links fold behind a Menu button; imports are reachable from the menu.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderBrowserTest {

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

    @Test
    void theSpanishHeaderFitsOneRowAt1366() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        page.setViewportSize(1366, 768);
        page.navigate("/plans?lang=es");
        assertThat(page.locator("header nav")).containsText("Indicadores");
        Browser.screenshot(page, "header-es-1366");
        double header = page.locator("header").boundingBox().height;
        double name = page.locator(".district-name").boundingBox().height;
        double link = page.locator("header nav a[href='/plans']").last().boundingBox().height;
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling")
                .isTrue();
        // one row of links under the page's own top padding (two rows, as before, made it about 200 px)
        assertThat(header).as("header height").isLessThan(150);
        assertThat(name).as("one line for the district's name").isLessThan(link * 1.6);
        assertThat(page.locator("header nav a[href='/measurements/import']")).isVisible();
        page.navigate("/plans?lang=en");
    }

    @Test
    void onAPhoneTheLinksFoldBehindAMenuButton() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.setViewportSize(390, 844);
        page.navigate("/scorecard");
        var menu = page.locator("[data-menu-toggle]");
        assertThat(menu).isVisible();
        assertThat(page.locator("#site-links")).isHidden();
        assertThat(page.locator("header").boundingBox().height).isLessThan(200);
        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#site-links a[href='/enrollment']")).isVisible();
        Browser.screenshot(page, "header-phone-open");
        assertThat(browser.accessibilityViolationsSignedIn("/scorecard", "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }
}
